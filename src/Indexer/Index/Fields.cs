namespace GreenPolicy.Index;

/// <summary>
/// Field names of the index. A clause record carries its text fields (analysed), its tags as exact terms
/// (for filters and boosts) and as sorted-set doc values (for facet counts), and its whole Clause as JSON.
/// </summary>
public static class Fields
{
    /// <summary>"clause" or "document": both kinds of record live in one index.</summary>
    public const string Record = "rec";
    public const string ClauseRecord = "clause";
    public const string DocumentRecord = "document";

    public const string Id = "id";
    public const string Json = "json";
    /// <summary>What a search hit shows (no links, no evidence spans): read for every hit, so kept small.</summary>
    public const string HitJson = "hit";

    // Analysed text.
    public const string Text = "text";
    public const string Heading = "heading";
    /// <summary>
    /// The vocabulary forms of three or more characters found in <paramref name="field"/> (text or heading), one term per
    /// occurrence, frequencies only (<see cref="FormTokens"/>).
    /// </summary>
    public static string FormsOf(string field) => field + ".forms";

    /// <summary>Names and aliases of the clause's tags, so 挥发性有机物 finds a clause tagged from "VOCs".</summary>
    public const string Tags = "tags";

    // Exact terms; the facet dimensions also have sorted-set doc values under the same name.
    public const string Doc = "doc";
    public const string Level = "level";
    public const string Jurisdiction = "jurisdiction";
    /// <summary>Industry codes with their ancestors: a clause tagged C3216 (电解铝) also holds C321, C32 and C.</summary>
    public const string Industry = "industry";
    /// <summary>
    /// Industries a clause is specifically about: named in a sentence with at most one other industry
    /// (有色行业实施新型结构铝电解槽…; 在电解铝、水泥行业落实阶梯电价), not in a long enumeration
    /// (围绕钢铁、有色、化工、建材、造纸等行业). With ancestors, like <see cref="Industry"/>.
    /// </summary>
    public const string IndustryFocus = "industryFocus";
    /// <summary>
    /// Industries the clause's text names but is not tagged with, the name being ruled out (再生有色金属, 废钢铁; see
    /// Clause.PassedOverIndustries): a search for the industry matches their words and ranks them after its own clauses.
    /// </summary>
    public const string IndustryPassedOver = "industryPassedOver";
    public const string Department = "department";
    /// <summary>"canonical|role", so 节能司 as lead can be asked for apart from 节能司 as participant.</summary>
    public const string DepartmentRole = "departmentRole";
    public const string Year = "year";
    public const string Modality = "modality";
    public const string Topic = "topic";
    public const string Place = "place";
    /// <summary>"1" when the clause holds quantitative targets.</summary>
    public const string HasTargets = "hasTargets";
    /// <summary>Target years of the clause's quantitative targets (not every year it mentions, see <see cref="Year"/>).</summary>
    public const string TargetYear = "targetYear";
    /// <summary>The clause's targets with what a targets table shows (a binary doc value, <see cref="ClauseTargets"/>).</summary>
    public const string TargetsJson = "targets";
    /// <summary>
    /// The target year of each of the clause's targets, in order, two bytes each (0 when it has none): a binary doc value,
    /// so that a targets table counts every target it selects without decoding <see cref="TargetsJson"/> for each.
    /// </summary>
    public const string TargetYears = "targetYears";

    // Numeric.
    /// <summary>Last year of the document's period (0 when none): 已到期 when before today's year.</summary>
    public const string PeriodEnd = "periodEnd";
    /// <summary>Global reading order: document rank × <see cref="SequencePerDocument"/> + clause order.</summary>
    public const string Sequence = "seq";
    public const long SequencePerDocument = 1_000_000L;

    /// <summary>The facet dimensions, in the order the site shows them.</summary>
    public static readonly IReadOnlyList<string> FacetDimensions =
        [Doc, Level, Jurisdiction, Industry, Department, Year, Modality, Topic];
}
