using System.Text.RegularExpressions;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Domain.Citations;

/// <summary>
/// A citation as typed, split into its document part (文号 and/or title) and its locator, with spans on the
/// input. Parsing knows nothing of the corpus; <see cref="CitationResolver"/> then finds the target.
/// </summary>
public sealed record ParsedCitation
{
    public required string Input { get; init; }

    /// <summary>
    /// The title as typed without 《》, folded (half-width brackets, '-' for dashes, no spaces): it may be a short
    /// title or carry a typo; null when none. <see cref="TitleSpan"/> gives the text exactly as typed.
    /// </summary>
    public string? Title { get; init; }
    public TextSpan? TitleSpan { get; init; }
    /// <summary>Whether the title was written in 《》 (then it is certainly a title, with no locator inside).</summary>
    public bool TitleQuoted { get; init; }

    public DocNumber? DocNumber { get; init; }
    public TextSpan? DocNumberSpan { get; init; }

    public ParsedLocator? Locator { get; init; }

    /// <summary>
    /// When an unquoted title ends with a space-separated word that may name a part by its heading
    /// (贵洲省绿色制造三年行动计划 主要目标第二条 → 主要目标), that word; the resolver tries it when the whole
    /// text is not a title.
    /// </summary>
    public string? HeadingHint { get; init; }

    public bool IsEmpty => Title is null && DocNumber is null && Locator is null;
}

/// <summary>A citation found inside running text (for the linker): 《工业绿色发展规划（2016-2020年）》, a 文号, or both, with any locator right after.</summary>
public sealed record CitationMention(TextSpan Span, string? Title, TextSpan? TitleSpan, DocNumber? DocNumber, TextSpan? DocNumberSpan, ParsedLocator? Locator);

public static partial class CitationParser
{
    private const int MaxInput = 1000;

    private const string N = "[一二三四五六七八九十百零〇两0-9]{1,6}";

    private static readonly (LocatorStepKind Kind, string Pattern)[] Tokens =
    [
        // 第（三）条, （三）, (三), （3）: an item. The 条/项/款 after the bracket adds nothing.
        (LocatorStepKind.Item, $@"第?\((?<n>{N})\)(?:条|项|款)?"),
        (LocatorStepKind.Part, $"第(?<n>{N})部分"),
        (LocatorStepKind.Chapter, $"第(?<n>{N})章"),
        (LocatorStepKind.Section, $"第(?<n>{N})节"),
        (LocatorStepKind.Article, $"第(?<n>{N})条"),
        (LocatorStepKind.Paragraph, $"第(?<n>{N})段"),
        (LocatorStepKind.Entry, $"第(?<n>{N})[项点款]"),
        (LocatorStepKind.Row, $"第(?<n>{N})行"),
        (LocatorStepKind.Box, $"专栏(?<n>{N})"),
        (LocatorStepKind.Annex, $"附件(?<n>{N})?"),
        // 序言 / 序言第1段: the structure parser's locator for the paragraphs before the first numbered heading.
        (LocatorStepKind.Preamble, "序言"),
        // 专栏1注: only right after a box, so that a title ending in 注 is left alone.
        (LocatorStepKind.Note, $"(?<=专栏{N})注"),
        // 二——2, as the evaluation writes the second —— bullet of part 二 (dashes are folded to '-').
        (LocatorStepKind.Point, $"--(?<n>{N})"),
        // 三, 三、 or 三.: a part by its bare number; accepted only where it cannot be the end of a title (see IsBarePartAllowed).
        (LocatorStepKind.Part, "(?<bare>[一二三四五六七八九十]{1,3})(?<dun>[、.])?"),
    ];

    private static readonly Regex[] TokensAtEnd = [.. Tokens.Select(t => new Regex($"(?:{t.Pattern})$", RegexOptions.CultureInvariant))];
    private static readonly Regex[] TokensAtStart = [.. Tokens.Select(t => new Regex($"^(?:{t.Pattern})", RegexOptions.CultureInvariant))];

    private const string TrailingJunk = "。.,，;；:：";

    /// <summary>
    /// Words after a 文号 that only say it is a document (黔府办发〔2018〕14号文件, …号的三（二）, …号 全文), or are left of
    /// a locator written with 第 (…号 第三（七）) or after a comma.
    /// </summary>
    [GeneratedRegex(@"^(?:的|之|文件|全文|文|通知|印发|中|第|[、，,：:。.\s])+$")]
    private static partial Regex DocumentWords();

    /// <summary>Words after a locator that say what is asked of the unit, longest first.</summary>
    private static readonly string[] SaidOfUnit = ["中的规定", "的规定", "的要求", "的内容", "的条款", "规定", "要求", "所述"];

    /// <summary>Parses a citation as people type it. Never throws; an empty result has <see cref="ParsedCitation.IsEmpty"/>.</summary>
    public static ParsedCitation Parse(string? input)
    {
        input ??= "";
        if (input.Length > MaxInput)
            return new ParsedCitation { Input = input };
        var f = FoldedText.Fold(input);
        var s = f.Text;

        // 1. A 文号 anywhere, with the brackets around it: （工信部联节［2017］178号）.
        int ds = -1, de = -1;
        DocNumber? number = null;
        foreach (var (value, start, end) in DocNumber.FindInFolded(f))
        {
            (number, ds, de) = (value, start, end);
            break;
        }
        var numberSpan = number is null ? (TextSpan?)null : f.ToOriginal(ds, de - ds);
        if (number is not null && ds > 0 && de < s.Length && IsOpen(s[ds - 1]) && IsClose(s[de]))
        {
            ds--;
            de++;
        }

        // 2. A title in 《》 (outside the 文号).
        var q1 = s.IndexOf('《');
        if (q1 >= 0 && number is not null && q1 >= ds && q1 < de)
            q1 = -1;
        var q2 = q1 < 0 ? -1 : s.IndexOf('》', q1 + 1);
        if (q1 >= 0 && q2 > q1)
        {
            var (steps, _) = ParseLocatorRegion(f, q2 + 1, s.Length, ds, de, headingLeftover: true);
            return new ParsedCitation
            {
                Input = input,
                Title = NonEmpty(s[(q1 + 1)..q2]),
                TitleSpan = f.ToOriginal(q1 + 1, q2 - q1 - 1),
                TitleQuoted = true,
                DocNumber = number,
                DocNumberSpan = numberSpan,
                Locator = ToLocator(f, steps),
            };
        }

        if (number is not null)
        {
            // 黔府办发〔2018〕14号 三（二）: the title (if any) before the 文号, the locator after it.
            var (ts, te) = Trim(s, 0, ds);
            // 工信部联节〔2017〕178号 工业绿色发展规划: with nothing before the 文号, words after it that are no
            // locator are a title (checked against the 文号 by the resolver), not a heading.
            var (steps, leftover) = ParseLocatorRegion(f, de, s.Length, -1, -1, headingLeftover: te > ts);
            if (te <= ts)
            {
                (ts, te) = Trim(s, de, leftover);
                // 黔府办发〔2018〕14号文件 三（二）, …号的三, …号 全文: words that only say it is a document are no title.
                if (te > ts && DocumentWords().IsMatch(s[ts..te]))
                    te = ts;
            }
            return new ParsedCitation
            {
                Input = input,
                Title = te > ts ? s[ts..te] : null,
                TitleSpan = te > ts ? f.ToOriginal(ts, te - ts) : null,
                DocNumber = number,
                DocNumberSpan = numberSpan,
                Locator = ToLocator(f, steps),
            };
        }

        // 3. Neither: a title (or nothing) followed by a locator: 污染防治攻坚战三年行动计划第十一条.
        {
            var (steps, leftover) = ParseLocatorRegion(f, 0, s.Length, -1, -1, headingLeftover: false);
            var (ts, te) = Trim(s, 0, leftover);
            string? hint = null;
            if (te > ts)
            {
                // The last space-separated word before the locator may be a heading: … 主要目标第二条.
                for (var i = te - 1; i > ts; i--)
                {
                    if (f.SpaceBefore(i))
                    {
                        hint = s[i..te];
                        break;
                    }
                }
            }
            return new ParsedCitation
            {
                Input = input,
                Title = te > ts ? NonEmpty(s[ts..te]) : null,
                TitleSpan = te > ts && NonEmpty(s[ts..te]) is not null ? f.ToOriginal(ts, te - ts) : null,
                Locator = ToLocator(f, steps),
                HeadingHint = hint,
            };
        }
    }

    /// <summary>
    /// Citations inside running text, for the linker: each 《title》 (with a 文号 in brackets and a locator right
    /// after it, when present) and each 文号 on its own. Spans are on <paramref name="text"/>.
    /// </summary>
    public static IReadOnlyList<CitationMention> FindInText(string? text)
    {
        // Every mention holds 《 or 号 (neither is folded from another character): most clauses hold neither,
        // and the linker asks this of every clause of the corpus.
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny('《', '号') < 0)
            return [];
        var f = FoldedText.Fold(text);
        var s = f.Text;
        var numbers = DocNumber.FindInFolded(f).ToList();
        var usedNumbers = new HashSet<int>();
        var result = new List<(int Start, CitationMention Mention)>();

        for (var i = s.IndexOf('《'); i >= 0 && i < s.Length; i = s.IndexOf('《', i + 1))
        {
            var close = MatchingClose(s, i);
            if (close < 0)
                continue;
            var end = close + 1;
            DocNumber? number = null;
            TextSpan? numberSpan = null;
            // 《…》（工信部联节〔2017〕178号）
            var open = end < s.Length && IsOpen(s[end]) ? end + 1 : end;
            var k = numbers.FindIndex(n => n.Start == open);
            if (k >= 0)
            {
                var n = numbers[k];
                usedNumbers.Add(k);
                number = n.Value;
                numberSpan = f.ToOriginal(n.Start, n.End - n.Start);
                end = open > end && n.End < s.Length && IsClose(s[n.End]) ? n.End + 1 : n.End;
            }
            var (steps, locEnd) = ParseLocatorForward(f, end);
            if (close == i + 1)
                continue;
            // The title as written in the text (the linker shows it); TitleKey folds it for matching.
            var titleSpan = f.ToOriginal(i + 1, close - i - 1);
            var title = text.Substring(titleSpan.Start, titleSpan.Length);
            result.Add((i, new CitationMention(f.ToOriginal(i, locEnd - i), title, titleSpan,
                number, numberSpan, ToLocator(f, steps))));
            i = close;
        }
        for (var k = 0; k < numbers.Count; k++)
        {
            if (usedNumbers.Contains(k))
                continue;
            var n = numbers[k];
            var (steps, locEnd) = ParseLocatorForward(f, n.End < s.Length && IsClose(s[n.End]) ? n.End : n.End);
            result.Add((n.Start, new CitationMention(f.ToOriginal(n.Start, locEnd - n.Start), null, null, n.Value,
                f.ToOriginal(n.Start, n.End - n.Start), ToLocator(f, steps))));
        }
        return [.. result.OrderBy(r => r.Start).Select(r => r.Mention)];
    }

    private static int MatchingClose(string s, int open)
    {
        var depth = 0;
        for (var j = open; j < s.Length && j - open <= 120; j++)
        {
            if (s[j] == '《')
                depth++;
            else if (s[j] == '》' && --depth == 0)
                return j;
        }
        return -1;
    }

    /// <summary>Locator steps read right to left from the end of [start, end), skipping the 文号 region [skipFrom, skipTo).</summary>
    private static (List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)> Steps, int Leftover) ParseLocatorRegion(
        FoldedText f, int start, int end, int skipFrom, int skipTo, bool headingLeftover)
    {
        var s = f.Text;
        var steps = new List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)>();
        // The locator follows the 文号 or the title; text before the 文号 (inside this region) is not locator.
        if (skipFrom >= start && skipTo <= end && skipTo > skipFrom)
            start = skipTo;
        var pos = end;
        while (pos > start && TrailingJunk.Contains(s[pos - 1]))
            pos--;
        // 三（二）的规定, 第六章的要求: what is said of the unit after it, when a locator stands right before it (a
        // title may end in 规定 itself).
        foreach (var said in SaidOfUnit)
        {
            if (pos - said.Length > start && s.AsSpan(start, pos - start).EndsWith(said, StringComparison.Ordinal)
                && TokensAtEnd.Any(t => t.IsMatch(s[start..(pos - said.Length)])))
            {
                pos -= said.Length;
                break;
            }
        }
        while (pos > start && steps.Count < 8)
        {
            var sub = s[start..pos];
            var matched = false;
            for (var t = 0; t < TokensAtEnd.Length; t++)
            {
                var m = TokensAtEnd[t].Match(sub);
                if (!m.Success || m.Length == 0)
                    continue;
                var kind = Tokens[t].Kind;
                var mStart = start + m.Index;
                if (m.Groups["bare"].Success && !IsBarePartAllowed(f, mStart, start, m.Groups["dun"].Success, steps))
                    continue;
                var n = NumberOf(m);
                if (n is null && kind is not (LocatorStepKind.Annex or LocatorStepKind.Note or LocatorStepKind.Preamble))
                    continue;
                steps.Insert(0, (kind, n, null, mStart, mStart + m.Length));
                pos = mStart;
                matched = true;
                break;
            }
            if (!matched)
                break;
        }
        var leftover = pos;
        if (headingLeftover)
        {
            // 《…》主要目标第二条: what precedes the numbered steps names a unit by its heading.
            var (hs, he) = Trim(s, start, pos);
            if (he > hs)
            {
                steps.Insert(0, (LocatorStepKind.Heading, null, s[hs..he], hs, he));
                leftover = hs;
            }
        }
        return (steps, leftover);
    }

    /// <summary>Locator steps read left to right from <paramref name="start"/> (in running text, after a 》).</summary>
    private static (List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)> Steps, int End) ParseLocatorForward(FoldedText f, int start)
    {
        var s = f.Text;
        var steps = new List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)>();
        var pos = start;
        while (pos < s.Length && steps.Count < 6)
        {
            var sub = s[pos..Math.Min(s.Length, pos + 16)];
            var matched = false;
            for (var t = 0; t < TokensAtStart.Length; t++)
            {
                var m = TokensAtStart[t].Match(sub);
                if (!m.Success || m.Length == 0)
                    continue;
                // In prose a bare 三 after a title is a word, not a part: 《规划》三大任务. Only 三（二） counts.
                if (m.Groups["bare"].Success && !(pos + m.Length < s.Length && s[pos + m.Length] == '('))
                    continue;
                var n = NumberOf(m);
                if (n is null && Tokens[t].Kind is not (LocatorStepKind.Annex or LocatorStepKind.Note or LocatorStepKind.Preamble))
                    continue;
                steps.Add((Tokens[t].Kind, n, null, pos, pos + m.Length));
                pos += m.Length;
                matched = true;
                break;
            }
            if (!matched)
                break;
        }
        return (steps, pos);
    }

    private static bool IsBarePartAllowed(FoldedText f, int at, int regionStart,
        bool hasDun, List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)> following)
    {
        // …号的三, …号、三: a particle or a comma before the numeral ends whatever came before it.
        if (hasDun || at == regionStart || f.SpaceBefore(at) || f.Text[at - 1] is '的' or '、' or '，' or ',')
            return true;
        // 三（二）, 三（一）第2段: a numeral directly before an item is that item's part; 一第1段: before a paragraph, the
        // paragraph's part.
        return following.Count > 0 && following[0].Kind is LocatorStepKind.Item or LocatorStepKind.Point or LocatorStepKind.Paragraph;
    }

    private static int? NumberOf(Match m)
    {
        var g = m.Groups["n"].Success ? m.Groups["n"] : m.Groups["bare"];
        return g.Success ? ChineseNumerals.Parse(g.Value) : null;
    }

    private static ParsedLocator? ToLocator(FoldedText f, List<(LocatorStepKind Kind, int? Number, string? Name, int Start, int End)> steps)
    {
        if (steps.Count == 0)
            return null;
        var list = steps.Select(st => new LocatorStep(st.Kind, st.Number, st.Name, f.ToOriginal(st.Start, st.End - st.Start))).ToList();
        var first = steps[0].Start;
        var last = steps[^1].End;
        return new ParsedLocator(list, f.ToOriginal(first, last - first));
    }

    private static (int Start, int End) Trim(string s, int start, int end)
    {
        const string junk = "。.,，;；:：、";
        for (var changed = true; changed;)
        {
            changed = false;
            while (start < end && junk.Contains(s[start]))
                (start, changed) = (start + 1, true);
            while (end > start && junk.Contains(s[end - 1]))
                (end, changed) = (end - 1, true);
            // Brackets left unbalanced once the 文号 was taken out: 工业绿色发展规划（工信部规〔2016〕225号） leaves "(",
            // while the title's own period 工业绿色发展规划(2016-2020年) stays whole.
            if (end > start && IsOpen(s[end - 1]))
                (end, changed) = (end - 1, true);
            if (end > start && IsClose(s[start]))
                (start, changed) = (start + 1, true);
            if (end > start && IsClose(s[end - 1]) && Balance(s, start, end) < 0)
                (end, changed) = (end - 1, true);
            if (end > start && IsOpen(s[start]) && Balance(s, start, end) > 0)
                (start, changed) = (start + 1, true);
        }
        return (start, end);
    }

    private static int Balance(string s, int start, int end)
    {
        var b = 0;
        for (var i = start; i < end; i++)
            b += IsOpen(s[i]) ? 1 : IsClose(s[i]) ? -1 : 0;
        return b;
    }

    private static string? NonEmpty(string s) => s.Any(char.IsLetterOrDigit) ? s : null;

    private static bool IsOpen(char c) => c is '(' or '〔' or '[' or '【' or '﹝';

    private static bool IsClose(char c) => c is ')' or '〕' or ']' or '】' or '﹞';
}
