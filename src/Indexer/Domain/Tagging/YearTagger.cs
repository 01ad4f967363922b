using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Finds target years: years by which something must be done or from which it applies.
/// <list type="bullet">
/// <item>deadline: 到2020年, 力争到2020年, 2018年底, 2020年底前, 2020年前;</item>
/// <item>start: 2019年7月1日起;</item>
/// <item>peak: 实现2030年碳排放达峰;</item>
/// <item>a year opening a sentence with a target after it: "2018年再压减钢铁产能3000万吨左右".</item>
/// </list>
/// Not target years: base years (与2015年相比, 比2015年, 在2015年基础上, 较2015年), history
/// ("由2010年的1.996吨标煤降到2015年的1.218吨标煤", any year before the document's own first year),
/// and years inside titles (《工业绿色发展规划（2016-2020年）》, 中国制造2025, （2011年本）).
/// A table row's target year is its latest year column (专栏1's "2020年").
/// </summary>
public static partial class YearTagger
{
    public const string Deadline = "deadline";
    public const string Start = "start";
    public const string Peak = "peak";

    /// <param name="text">Clause text.</param>
    /// <param name="minYear">The document's first year (plan period start, else the year it was issued):
    /// earlier years are history. Null when unknown.</param>
    /// <param name="row">The indicator-table row the clause is, if any.</param>
    public static IReadOnlyList<YearTag> Tag(string text, int? minYear = null, IndicatorRow? row = null)
    {
        var t = TextNorm.Digits(TextNorm.Brackets(text));
        var tags = new List<YearTag>();

        // Every pattern holds a year 19xx or 20xx; most clauses name none.
        if (t.Contains("19", StringComparison.Ordinal) || t.Contains("20", StringComparison.Ordinal))
        {
            List<(int Start, int End)>? blocked = null;

            void Add(Match m, string kind, string rule)
            {
                var g = m.Groups["y"];
                var year = int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture);
                blocked ??= Blocked(t);
                if (blocked.Any(b => g.Index >= b.Start && g.Index < b.End))
                    return;
                if (minYear is { } min && year < min)
                    return;
                if (tags.Any(x => x.Span.Start == g.Index))
                    return;
                tags.Add(new YearTag(year, kind, new TextSpan(g.Index, g.Length), rule));
            }

            foreach (Match m in StartFrom().Matches(t))
                Add(m, Start, "start:起");
            foreach (Match m in PeakYear().Matches(t))
                Add(m, Peak, "peak:达峰");
            foreach (Match m in ByYear().Matches(t))
                Add(m, Deadline, "deadline:到");
            foreach (Match m in YearEndOrBefore().Matches(t))
                Add(m, Deadline, "deadline:底/前");
            foreach (Match m in SentenceYear().Matches(t))
                Add(m, Deadline, "deadline:sentence-year");
        }

        if (row is not null && RowTargetYear(row) is { } y && (minYear is null || y >= minYear))
        {
            var at = t.IndexOf(y.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            tags.Add(new YearTag(y, Deadline, at < 0 ? default : new TextSpan(at, 4), "table:column"));
        }
        return TagOrder.ByStart(tags, x => x.Span.Start);
    }

    /// <summary>The latest year among a table row's column headers ("2015年", "2020年"), if it has one.</summary>
    public static int? RowTargetYear(IndicatorRow row)
    {
        int? best = null;
        foreach (var c in row.Cells)
        {
            var m = ColumnYear().Match(TextNorm.Digits(c.Column));
            if (m.Success && int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) is var y && (best is null || y > best))
                best = y;
        }
        return best;
    }

    /// <summary>The earliest year column (the base year of an indicator row).</summary>
    public static int? RowBaseYear(IndicatorRow row)
    {
        int? best = null;
        foreach (var c in row.Cells)
        {
            var m = ColumnYear().Match(TextNorm.Digits(c.Column));
            if (m.Success && int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) is var y && (best is null || y < best))
                best = y;
        }
        return best;
    }

    // Spans whose years are never targets: titles, period ranges, base-year and history phrases.
    private static List<(int Start, int End)> Blocked(string t)
    {
        var spans = new List<(int, int)>();
        foreach (var re in BlockingPatterns)
        {
            foreach (Match m in re.Matches(t))
                spans.Add((m.Index, m.Index + m.Length));
        }
        return spans;
    }

    private static readonly Regex[] BlockingPatterns = [Title(), Range(), BaseYear(), History(), Edition()];

    private const string Y = @"(?<y>(?:19|20)\d{2})\s?年";

    [GeneratedRegex(Y + @"\s?(?:\d{1,2}\s?月\s?(?:\d{1,2}\s?日)?)?\s?(?:起|开始)")]
    private static partial Regex StartFrom();

    [GeneratedRegex(Y + @"[^，。；]{0,8}达(?:到)?峰")]
    private static partial Regex PeakYear();

    // 到2020年 (not "降到2015年的…", which reports history)
    [GeneratedRegex(@"(?:到|至|截至|力争)\s?" + Y + @"(?:底|末|前)?(?!的)")]
    private static partial Regex ByYear();

    [GeneratedRegex(Y + @"\s?(?:底|末|年底)?\s?(?:前|以前|之前)|" + Y + @"\s?(?:底|末)")]
    private static partial Regex YearEndOrBefore();

    // "2018年再压减钢铁产能3000万吨", "2020年新能源汽车产销量达到200万辆": a year opening a sentence
    // that states a quantity to reach.
    [GeneratedRegex(@"(?:^|[。；;！])\s*" + Y + @"(?!的)[^，。；]{0,20}?(?:达到|再压减|压减|完成|实现|控制在|提高到|降低到|下降|提高)")]
    private static partial Regex SentenceYear();

    [GeneratedRegex(@"《[^》]*》")]
    private static partial Regex Title();

    [GeneratedRegex(@"(?:19|20)\d{2}\s?年?\s?[-—–~～至－]+\s?(?:19|20)\d{2}\s?年?")]
    private static partial Regex Range();

    [GeneratedRegex(@"(?:与|比|较|同|相对于)\s?(?:19|20)\d{2}\s?年|在\s?(?:19|20)\d{2}\s?年\s?(?:的)?基础上|(?:19|20)\d{2}\s?年\s?(?:相比|水平)")]
    private static partial Regex BaseYear();

    [GeneratedRegex(@"(?:由|从)\s?(?:19|20)\d{2}\s?年|(?:19|20)\d{2}\s?年\s?的|(?:19|20)\d{2}\s?年以来")]
    private static partial Regex History();

    [GeneratedRegex(@"(?:19|20)\d{2}\s?年本")]
    private static partial Regex Edition();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})")]
    private static partial Regex ColumnYear();
}
