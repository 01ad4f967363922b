using System.Globalization;
using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Quantitative targets: metric, value, unit, direction (decrease | increase | reach | cap | floor),
/// base year, target year, span. Two sources:
/// <list type="bullet">
/// <item>sentences: "规模以上企业单位工业增加值能耗比2015年下降18%", "与2015年相比，…下降18%，…下降20%"
/// (the base year carries through the sentence), "粉煤灰综合利用率超过90%", "建成工业绿色示范园区10个以上",
/// "打造和培育500家绿色示范工厂", "河北钢铁产能控制在2亿吨以内";</item>
/// <item>indicator-table rows (专栏1): the latest year column is the target, the earliest the base, a
/// change column (累计降速, 变化幅度) the decrease when no target value is given.</item>
/// </list>
/// The target year is the clause's deadline in force where the target is stated (到2018年底, …).
/// </summary>
public static partial class TargetTagger
{
    public const string Decrease = "decrease";
    public const string Increase = "increase";
    public const string Reach = "reach";
    public const string Cap = "cap";
    public const string Floor = "floor";

    public static IReadOnlyList<QuantTarget> Tag(string text, IReadOnlyList<YearTag> years, IndicatorRow? row = null, bool descriptive = false)
    {
        // A review of the past reports results, not targets: "单位工业增加值能耗累计下降28%" in 一、面临的形势.
        if (descriptive)
            return [];
        if (row is not null)
            return RowTarget(text, row, years) is { } t ? [t] : [];

        var t2 = TextNorm.Digits(text);
        var targets = new List<QuantTarget>();
        int? YearAt(int pos) => years.Where(y => y.Span.Start <= pos && y.Rule != "table:column").OrderByDescending(y => y.Span.Start)
            .Select(y => (int?)y.Year).FirstOrDefault() ?? (years.Count == 1 ? years[0].Year : null);
        int? BaseYearAt(int pos)
        {
            // The last base-year phrase before the target in the same sentence: "与2015年相比，A下降18%，B下降20%".
            var sentenceStart = t2.LastIndexOfAny(['。', '；', ';'], Math.Max(0, pos - 1)) + 1;
            var m = BasePhrase().Matches(t2[sentenceStart..pos]).LastOrDefault();
            return m is null ? null : int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        }

        foreach (var m in Changes(t2))
        {
            var dir = m.Groups["verb"].Value switch
            {
                "下降" or "降低" or "减少" or "削减" or "降" => Decrease,
                "控制在" => Cap,
                "提高到" or "提升到" or "达到" or "超过" or "提高至" => m.Groups["verb"].Value == "超过" ? Floor : Reach,
                _ => Increase,
            };
            if (m.Groups["more"].Success && dir == Reach)
                dir = Floor;
            if (m.Groups["less"].Success)
                dir = Cap;
            targets.Add(new QuantTarget
            {
                Metric = CleanMetric(m.Groups["metric"].Value),
                Value = Number(m.Groups["num"].Value, m.Groups["mult"].Value),
                Unit = Unit(m.Groups["mult"].Value, m.Groups["unit"].Value),
                Direction = dir,
                BaseYear = BaseYearAt(m.Index + m.Length),
                TargetYear = YearAt(m.Index),
                Span = new TextSpan(m.Index, m.Length),
                Rule = "sentence:change",
            });
        }

        // Every count holds a number: digits, or 百/千/万 ("建设百家绿色园区"); most clauses have neither.
        var counts = t2.AsSpan().ContainsAny(CountDigits)
            ? CountOf().Matches(t2).Concat(CountAfter().Matches(t2)).Concat(CountsContinued(t2)).Concat(Removal().Matches(t2))
            : [];
        foreach (Match m in counts)
        {
            if (targets.Any(x => m.Index >= x.Span.Start && m.Index < x.Span.End))
                continue;
            // "建设百家绿色园区、千家绿色工厂，推广万种绿色产品": a bare 百/千/万 is the number.
            var value = m.Groups["word"].Success
                ? m.Groups["word"].Value switch { "百" => 100m, "千" => 1000m, _ => 10000m }
                : Number(m.Groups["num"].Value, m.Groups["mult"].Value);
            targets.Add(new QuantTarget
            {
                Metric = CleanMetric(Counted(t2, m)),
                Value = value,
                Unit = m.Groups["mult"].Value.Replace("百", "", StringComparison.Ordinal) + m.Groups["unit"].Value,
                Direction = m.Groups["more"].Success ? Floor : Reach,
                TargetYear = YearAt(m.Index),
                Span = new TextSpan(m.Index, m.Length),
                Rule = "sentence:count",
            });
        }
        return targets.OrderBy(t => t.Span.Start).ToList();
    }

    private static QuantTarget? RowTarget(string text, IndicatorRow row, IReadOnlyList<YearTag> years)
    {
        var baseYear = YearTagger.RowBaseYear(row);
        var targetYear = YearTagger.RowTargetYear(row);
        string? Cell(int? year) => year is null ? null
            : row.Cells.FirstOrDefault(c => c.Column.Contains(year.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))?.Value;
        var target = ParseCell(Cell(targetYear));
        var baseValue = ParseCell(Cell(baseYear));
        var metric = CleanMetric(RowMetric().Replace(row.Indicator, ""));
        // "（1）规模以上单位工业增加值能源消耗降低（%）  1.218  0.999  [-18]": the row states a change, so the
        // change column is the target; the year columns hold levels in another unit.
        var statesChange = StatesChange().IsMatch(row.Indicator);
        if (target is { } v && !(statesChange && ChangeValue(row) is not null))
        {
            return new QuantTarget
            {
                Metric = metric, Value = v, Unit = row.Unit, Direction = Reach, BaseValue = baseValue,
                BaseYear = baseYear, TargetYear = targetYear, Span = new TextSpan(0, text.Length), Rule = "table:target-column",
            };
        }
        // No target value: the change column (累计降速 18, 变化幅度 [-18]) gives the change.
        if (ChangeValue(row) is not { } d)
            return null;
        var down = d < 0 || StatesDecrease().IsMatch(row.Indicator + row.Unit + string.Join("", row.Cells.Select(c => c.Column)));
        return new QuantTarget
        {
            Metric = metric, Value = Math.Abs(d), Unit = row.Unit, Direction = down ? Decrease : Increase,
            BaseYear = baseYear, TargetYear = targetYear, Span = new TextSpan(0, text.Length), Rule = "table:change-column",
        };
    }

    private static decimal? ChangeValue(IndicatorRow row) =>
        row.Cells.Where(c => YearTagger.RowBaseYear(new IndicatorRow("", null, [c])) is null)
            .Select(c => ParseCell(c.Value)).FirstOrDefault(x => x is not null);

    private static decimal? ParseCell(string? cell)
    {
        if (cell is null)
            return null;
        var m = CellNumber().Match(TextNorm.Digits(cell));
        return m.Success ? decimal.Parse(m.Value, CultureInfo.InvariantCulture) : null;
    }

    private static decimal Number(string num, string mult)
    {
        var v = decimal.Parse(num, CultureInfo.InvariantCulture);
        // 百 is folded into the value (百家 = 100); 万/亿 stay in the unit as people write it (3.5亿吨, 5万亿元).
        return mult.Contains('百') ? v * 100 : v;
    }

    private static string? Unit(string mult, string unit)
    {
        var u = mult.Replace("百", "", StringComparison.Ordinal) + unit;
        return u.Length == 0 ? null : u;
    }

    /// <summary>
    /// What a count counts. After the number, the modifiers may come first, listed with 、 and closed by 的
    /// (创建百家示范意义强、综合水平高的绿色园区, 建成10个以上的绿色示范园区): then it is the noun after that 的.
    /// </summary>
    private static string Counted(string text, Match count)
    {
        var metric = count.Groups["metric"];
        var number = count.Groups["num"].Success ? count.Groups["num"] : count.Groups["word"];
        if (!number.Success || metric.Index < number.Index)
            return metric.Value;                      // the metric comes before the number (建成工业绿色示范园区10个)
        if (metric.Value.StartsWith('的'))
            return metric.Value[1..];
        var after = metric.Index + metric.Length;
        if (after >= text.Length || text[after] != '、')
            return metric.Value;
        var clauseEnd = text.AsSpan(after).IndexOfAny("，。；;");
        var rest = text.AsSpan(after, clauseEnd < 0 ? text.Length - after : clauseEnd);
        var de = rest.IndexOf('的');
        if (de < 0)
            return metric.Value;
        var head = rest[(de + 1)..];
        var stop = head.IndexOfAny("、和");
        head = stop < 0 ? head : head[..stop];
        return head.Length >= 2 ? head.ToString() : metric.Value;
    }

    private static string CleanMetric(string s)
    {
        s = MetricNoise().Replace(s, "");
        s = TrailingNote().Replace(s, "");   // 危险化学品搬迁改造重点项目（见附件 1）
        s = s.Trim('，', '、', '：', ':', ' ', '　', '“', '”', '"');
        return s.Length > 40 ? s[^40..] : s;
    }

    private const string Num = @"(?<num>\d+(?:\.\d+)?)";

    /// <summary>
    /// The matches of <see cref="ChangeAt"/> that <c>Regex.Matches</c> of the same pattern without <c>\G</c> would
    /// give, found faster. That pattern's lazy metric (2–40 characters) is retried at every position of every
    /// clause, the costliest step of tagging. Every match holds a verb followed by a number (<see cref="VerbNumber"/>)
    /// at most <see cref="MaxVerbOffset"/> characters after its start, so only starts up to that far before such a
    /// verb are tried, in order; the first that matches is the leftmost match.
    /// </summary>
    internal static IEnumerable<Match> Changes(string t)
    {
        var from = 0;        // starts before this are ruled out (or inside the previous match)
        var verbFrom = 0;    // where to look for the next verb + number
        while (verbFrom < t.Length)
        {
            var v = VerbNumber().Match(t, verbFrom);
            if (!v.Success)
                yield break;
            Match? found = null;
            for (var start = Math.Max(from, v.Index - MaxVerbOffset); start <= v.Index - 2 && found is null; start++)
            {
                if (ChangeAt().Match(t, start) is { Success: true } m)
                    found = m;
            }
            if (found is null)
            {
                // No start up to this verb matches; a later match needs a later verb.
                from = Math.Max(from, v.Index - 1);
                verbFrom = v.Index + 1;
                continue;
            }
            yield return found;
            from = verbFrom = found.Index + found.Length;
        }
    }

    // The longest lead before the verb: a 40-character metric, "在 2015 年的基础上" (12) and 累计 (2).
    private const int MaxVerbOffset = 40 + 12 + 2;

    // A quantitative change: "规模以上企业单位工业增加值能耗比2015年下降18%". \G: tried only where Changes() says.
    [GeneratedRegex(@"\G" + ChangePattern)]
    private static partial Regex ChangeAt();

    internal const string ChangePattern = @"(?<metric>[^，。；;：、（）()\d]{2,40}?)(?:比\s?\d{4}\s?年|在\s?\d{4}\s?年(?:的)?基础上|较\s?\d{4}\s?年)?(?:累计)?" + Verb + @"(?:了)?\s?" + Num + @"\s?(?<mult>[百千万亿]*)(?<unit>%|％|个百分点|万吨|吨|家|个|种|项|亿吨|亿元|万亿元|元|千瓦时|辆)?(?<more>以上)?(?<less>以内|以下)?(?:左右)?";

    private const string Verb = "(?<verb>下降|降低|减少|削减|提高到|提升到|提高至|提高|提升|增长|增加|达到|超过|控制在)";

    // What every ChangeAt match holds: the verb, then the number (same sub-patterns).
    [GeneratedRegex(Verb + @"(?:了)?\s?\d")]
    private static partial Regex VerbNumber();

    [GeneratedRegex(@"(?:建成|打造|培育|创建|推广|建设|建立|发布|完成|淘汰|建设一批|推广普及)(?:和培育|和建设)?\s?(?:" + Num + @"\s?(?<mult>[百千万亿]*)|(?<word>[百千万]))(?<unit>家|个|种|项|辆|万辆)(?<more>以上)?(?<metric>[^，。；;、和]{2,20})")]
    private static partial Regex CountOf();

    /// <summary>
    /// The matches <c>Regex.Matches</c> of <see cref="CountContinuedAt"/> without <c>\G</c> would give. That
    /// pattern opens with a lookbehind, so the engine evaluated it at every position; but a match can only start
    /// right after 、 or 和 (the lookbehind's last character) on a digit or 百千万 (its first), so only such
    /// places are tried, in order, each after the previous match.
    /// </summary>
    internal static IEnumerable<Match> CountsContinued(string t)
    {
        var from = 0;
        for (var p = t.IndexOfAny(ListSeparators) + 1; p > 0 && p < t.Length; p = NextAfterSeparator(t, p))
        {
            if (p < from || !(char.IsDigit(t[p]) || t[p] is '百' or '千' or '万'))
                continue;
            if (CountContinuedAt().Match(t, p) is { Success: true } m)
            {
                yield return m;
                from = m.Index + m.Length;
            }
        }
    }

    private static int NextAfterSeparator(string t, int p)
    {
        var next = t.AsSpan(p).IndexOfAny(ListSeparators);
        return next < 0 ? -1 : p + next + 1;
    }

    // What the count patterns' numbers start with: a \d (a Unicode decimal digit, char.IsDigit) or 百千万.
    private static readonly System.Buffers.SearchValues<char> CountDigits = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsDigit), '百', '千', '万']);

    private static readonly System.Buffers.SearchValues<char> ListSeparators = System.Buffers.SearchValues.Create("、和");

    // "打造和培育500家绿色示范工厂、50家绿色示范园区": the list goes on after 、. \G: tried only where CountsContinued says.
    [GeneratedRegex(@"\G" + CountContinuedPattern)]
    private static partial Regex CountContinuedAt();

    internal const string CountContinuedPattern = @"(?<=[\d百千万]\s?[家个种项][^，。；;、和]{2,20}[、和])(?:" + Num + @"\s?(?<mult>[百千万亿]*)|(?<word>[百千万]))(?<unit>家|个|种|项)(?<more>以上)?(?<metric>[^，。；;、]{2,20})";

    // "淘汰国三及以下运营中重型柴油货车100万辆", "2018年再压减钢铁产能3000万吨左右": an amount to remove.
    [GeneratedRegex(@"(?<metric>(?:淘汰|压减|削减|化解)[^，。；;、\d]{2,24}?)" + Num + @"\s?(?<mult>[百千万亿]*)(?<unit>辆|吨|台|家|个|千瓦|重量箱)")]
    private static partial Regex Removal();

    // "建成工业绿色示范园区10个以上": the metric before the number.
    [GeneratedRegex(@"(?:建成|打造|培育|创建|建设)(?<metric>[^，。；;、\d]{2,20}?)" + Num + @"\s?(?<mult>[百千万亿]*)(?<unit>家|个|种|项|辆)(?<more>以上)?")]
    private static partial Regex CountAfter();

    [GeneratedRegex("下降|降低|提高|减少")]
    private static partial Regex StatesChange();

    [GeneratedRegex("下降|降低|降速|减少")]
    private static partial Regex StatesDecrease();

    [GeneratedRegex(@"-?\d+(?:\.\d+)?")]
    private static partial Regex CellNumber();

    [GeneratedRegex(@"\s*[（(][^）)]*[）)]\s*$")]
    private static partial Regex TrailingNote();

    [GeneratedRegex(@"(?:与|比|较)\s?(?<y>\d{4})\s?年|在\s?(?<y>\d{4})\s?年(?:的)?基础上")]
    private static partial Regex BasePhrase();

    [GeneratedRegex(@"^[\s（(]*\d+[）)]|（[^）]*）$|\([^)]*\)$|^其中：|^与\d{4}年相比")]
    private static partial Regex RowMetric();

    [GeneratedRegex(@"^(?:到\d{4}年(?:底)?|与\d{4}年相比|力争|其中|全省|全国|年底前|年前|年|底|前)+")]
    private static partial Regex MetricNoise();
}
