using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Runs every tagger over a parsed document's clauses in reading order and returns the document with
/// the clauses' tag properties filled. Document-wide state flows forward:
/// <list type="bullet">
/// <item>001 says "以下均需地方工业和信息化主管部门落实，不再列出": from that clause on, every clause
/// (annexes excepted) has 地方各级工业和信息化主管部门 as implementer (rule <c>blanket-rule</c>);</item>
/// <item>a 部内 annotation covers the sentences back to the previous annotation, so a clause whose last
/// sentences have no annotation (a paragraph cut by a page break) takes the next annotation in the same unit;</item>
/// <item>—— bullets under a lead-in "到2020年，…" inherit its deadline (rule <c>inherited:lead-in</c>).</item>
/// </list>
/// Issuers are document-level (tags.json: "Document issuers … are not repeated per clause"): see <see cref="Issuers"/>.
/// </summary>
public static partial class DocumentTagger
{
    public static ParsedDocument Tag(ParsedDocument doc, Taxonomies tax)
    {
        var meta = doc.Meta;
        var taggers = tax.Taggers;
        var departments = taggers.Departments(meta.Jurisdiction);
        var industries = taggers.Industries;
        var topics = taggers.Topics;
        var places = taggers.Places;
        var minYear = MinYear(meta);
        var usesAnnotations = UsesAnnotations(doc);

        var ordered = doc.Clauses.OrderBy(c => c.Order).ToList();
        var result = new Clause[ordered.Count];
        DepartmentTag? blanket = null;
        var leadInYears = new Dictionary<string, IReadOnlyList<YearTag>>();
        var pendingAnnotation = new List<int>();   // indexes of clauses waiting for the next 部内 annotation
        string? pendingParent = null;
        // Siblings share their path list: whether it is a review of the past is asked once per list.
        var descriptivePaths = new Dictionary<IReadOnlyList<string>, bool>(ReferenceEqualityComparer.Instance);

        for (var i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            var text = c.Text;
            var found = departments.Tag(text);
            var deps = found as List<DepartmentTag> ?? [.. found];   // a new list each call: ours to extend

            // Annotation carry-over: clauses of the same unit whose text after their last annotation is
            // real policy text get the roles of the next annotation.
            var annotationDeps = deps.Where(d => d.Rule == "annotation").ToList();
            if (c.ParentEId != pendingParent)
                pendingAnnotation.Clear();
            if (annotationDeps.Count > 0 && pendingAnnotation.Count > 0)
            {
                foreach (var k in pendingAnnotation)
                {
                    result[k] = result[k] with
                    {
                        Departments = result[k].Departments.Concat(annotationDeps.Select(d => d with { Span = null, Rule = "annotation:carried" })).Distinct().ToList(),
                    };
                }
                pendingAnnotation.Clear();
            }
            pendingParent = c.ParentEId;
            if (usesAnnotations && TrailsAfterLastAnnotation(text))
                pendingAnnotation.Add(i);

            if (departments.FindBlanketImplementer(text) is { } b)
                blanket = b;
            if (blanket is not null && !c.EId.StartsWith("annex", StringComparison.Ordinal))
                deps.Add(blanket with { Span = null, Rule = "blanket-rule" });

            // Years: own, else a bullet's lead-in.
            var years = YearTagger.Tag(text, minYear, c.Row).ToList();
            var parentKey = c.ParentEId ?? "";
            if (c.Kind == "point")
            {
                if (years.Count == 0 && leadInYears.TryGetValue(parentKey, out var inherited))
                    years = inherited.Select(y => y with { Span = default, Rule = "inherited:lead-in" }).ToList();
            }
            else if (years.Count > 0 && LeadIn().IsMatch(text))
            {
                leadInYears[parentKey] = years;
            }

            if (!descriptivePaths.TryGetValue(c.Path, out var descriptive))
                descriptivePaths[c.Path] = descriptive = Descriptive(c);
            var targets = TargetTagger.Tag(text, years, c.Row, descriptive);
            var modality = ModalityTagger.Tag(text, descriptive, statesTarget: c.Row is not null || targets.Count > 0);

            var industryTags = industries.Tag(text);
            result[i] = c with
            {
                Departments = deps.Count <= 1 ? deps : deps.Distinct().ToList(),
                Industries = industryTags,
                PassedOverIndustries = industries.PassedOver(text, industryTags),
                YearTags = years,
                TargetYears = years.Count == 0 ? new List<int>() : years.Select(y => y.Year).Distinct().Order().ToList(),
                Targets = targets,
                ModalityTags = modality,
                Modality = ModalityTagger.Summarise(modality),
                Topics = topics.Tag(text),
                Places = places.Tag(text),
            };
        }
        return doc with { Clauses = Array.ConvertAll(result, Exact) };
    }

    /// <summary>
    /// The clause with its tags in arrays of their exact size: a corpus of a million clauses holds ten tag lists per
    /// clause, and each list's own object and spare capacity cost more than its tags (measured: 2,240 -> 1,936 bytes per
    /// clause at 1,000 documents).
    /// </summary>
    private static Clause Exact(Clause c) => c with
    {
        Departments = c.Departments.ToArray(),
        Industries = c.Industries.ToArray(),
        PassedOverIndustries = c.PassedOverIndustries.ToArray(),
        YearTags = c.YearTags.ToArray(),
        TargetYears = c.TargetYears.ToArray(),
        Targets = c.Targets.ToArray(),
        ModalityTags = c.ModalityTags.ToArray(),
        Modality = c.Modality.ToArray(),
        Topics = c.Topics.ToArray(),
        Places = c.Places.ToArray(),
    };

    /// <summary>The document's issuers as department tags with role issuer (no span: they come from the front matter).</summary>
    public static IReadOnlyList<DepartmentTag> Issuers(DocumentMeta meta, Taxonomies tax) =>
        meta.Issuers.Select(name => new DepartmentTag(
            name, tax.ResolveDepartment(name, meta.Jurisdiction)?.Canonical ?? name, Roles.Issuer, null, "meta:issuers")).ToList();

    /// <summary>Years before the document's first year are history, never targets.</summary>
    private static int? MinYear(DocumentMeta meta)
    {
        if (meta.Period.Count > 0)
            return meta.Period[0];
        if (meta.Date is { Length: >= 4 } d && int.TryParse(d[..4], out var y))
            return y;
        return null;
    }

    // A review of the past or of the situation states no duty: 第一章 规划背景 / 第一节 取得的成绩,
    // 一、面临的形势, 存在的问题.
    private static bool Descriptive(Clause c) => c.Path.Any(h => DescriptiveHeading().IsMatch(h));

    private static bool UsesAnnotations(ParsedDocument doc) => doc.Clauses.Any(c => c.Text.Contains("（部内", StringComparison.Ordinal) || c.Text.Contains("(部内", StringComparison.Ordinal));

    private static bool TrailsAfterLastAnnotation(string text)
    {
        var last = Math.Max(text.LastIndexOf("（部内", StringComparison.Ordinal), text.LastIndexOf("(部内", StringComparison.Ordinal));
        var tail = last < 0 ? text : text[(text.IndexOfAny(['）', ')'], last) is var close and >= 0 ? close + 1 : text.Length)..];
        // At least 8 characters other than whitespace (the regex \s: char.IsWhiteSpace) and 。，；.
        var count = 0;
        foreach (var ch in tail)
        {
            if (!char.IsWhiteSpace(ch) && ch is not ('。' or '，' or '；' or '.') && ++count >= 8)
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"形势|背景|成绩|存在的问题|发展现状|回顾")]
    private static partial Regex DescriptiveHeading();

    [GeneratedRegex(@"^\s*(?:力争)?到\s?(?:19|20)\d{2}\s?年")]
    private static partial Regex LeadIn();
}
