using System.Text;
using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Citations;

/// <summary>
/// A 文号 (document number): issuer code, year and serial, e.g. 黔府办发〔2018〕14号.
/// GB/T 9704-2012 §7.2.5 writes the year in 〔〕; people type [ ], ［］, 【】, （）, (), ﹝﹞, spaces inside the
/// brackets, add 第 before the serial, write 2018年14号, or use full-width digits. All of these parse to the
/// same value, and <see cref="ToString"/> writes the standard form, so parse(x.ToString()) == x.
/// </summary>
public sealed partial record DocNumber
{
    public DocNumber(string issuerCode, int year, int serial)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerCode);
        // 第 before the year is read as noise (国发第〔2016〕74号), so a code ending in it would not read back.
        if (issuerCode.EndsWith('第'))
            throw new ArgumentException("发文机关代字不以“第”结尾", nameof(issuerCode));
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        IssuerCode = issuerCode;
        Year = year;
        Serial = serial;
    }

    /// <summary>发文机关代字: 工信部联节, 黔府办发, 工信部规.</summary>
    public string IssuerCode { get; }

    public int Year { get; }

    /// <summary>发文顺序号.</summary>
    public int Serial { get; }

    /// <summary>The standard form: 黔府办发〔2018〕14号.</summary>
    public string Normalize() => ToString();

    public override string ToString() => $"{IssuerCode}〔{Year}〕{Serial}号";

    // On folded text (full-width → ASCII, no whitespace): the year in any bracket pair, or 2018年.
    // 第 may appear before the serial (黔府办发〔2018〕第14号) and, rarely, before the bracket.
    private const string Core =
        @"第?(?:(?<open>[〔\[【(﹝〖〈])第?(?<year>\d{4})年?(?<close>[〕\]】)﹞〗〉])|(?<year>\d{4})年)第?(?<serial>\d{1,6})号";

    [GeneratedRegex(@"^(?<code>[^\d〔\[【(﹝〖〈〕\]】)﹞〗〉]{1,20}?)" + Core + "$")]
    private static partial Regex WholeRegex();

    // Lazy like the whole-text pattern, so that 第 before the year is left to Core in both.
    [GeneratedRegex(@"(?<code>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,20}?)" + Core)]
    private static partial Regex InTextRegex();

    // Words that run into an issuer code in prose and are not part of it:
    // 根据工信部节〔2018〕136号 → 工信部节; 印发黔府办发〔2018〕14号 → 黔府办发.
    private static readonly string[] LeadingWords =
    [
        "现将", "特将", "将", "关于", "对", "根据", "按照", "依据", "参照", "参见", "详见", "见", "印发", "转发", "落实", "贯彻", "执行", "文件", "通知",
        "以及", "和", "及", "与", "或", "等", "即", "是", "为", "的",
    ];

    // The last words of document titles (and of the 发文 notice), after which an issuer code may follow directly.
    private static readonly string[] TitleEndings = ["意见", "规划", "计划", "通知", "办法", "方案", "决定", "纲要", "规定", "的"];

    private static readonly (char Open, char Close)[] Brackets =
        [('〔', '〕'), ('[', ']'), ('【', '】'), ('(', ')'), ('﹝', '﹞'), ('〖', '〗'), ('〈', '〉')];

    /// <summary>Parses text that is exactly one 文号 (surrounding spaces allowed).</summary>
    public static ParseResult<DocNumber> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ParseResult<DocNumber>.Fail("文号为空");
        if (text.Length > 200)
            return ParseResult<DocNumber>.Fail("文号过长");
        var folded = FoldedText.Fold(text);
        var m = WholeRegex().Match(folded.Text);
        if (!m.Success)
            return ParseResult<DocNumber>.Fail($"“{text.Trim()}”不是文号（应形如 黔府办发〔2018〕14号）");
        return FromMatch(m, trimLeadingWords: false) is { } value
            ? ParseResult<DocNumber>.Ok(value)
            : ParseResult<DocNumber>.Fail($"“{text.Trim()}”的括号不配对或年份不合理");
    }

    public static bool TryParse(string? text, out DocNumber? value)
    {
        value = Parse(text).Value;
        return value is not null;
    }

    /// <summary>The standard form of a 文号 written any way, or null when the text is not one.</summary>
    public static string? TryNormalize(string? text) => Parse(text).Value?.ToString();

    /// <summary>Every 文号 inside a longer text, with its span in that text (e.g. in a clause or a typed citation).</summary>
    public static IReadOnlyList<DocNumberMatch> FindAll(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var folded = FoldedText.Fold(text);
        return [.. FindInFolded(folded).Select(f => new DocNumberMatch(f.Value, folded.ToOriginal(f.Start, f.End - f.Start)))];
    }

    /// <summary>文号 in folded text, as folded offsets [Start, End).</summary>
    internal static IEnumerable<(DocNumber Value, int Start, int End)> FindInFolded(FoldedText folded)
    {
        // Every 文号 ends in 号; the pattern tries up to 20 characters of issuer code at every position of the text.
        if (!folded.Text.Contains('号'))
            yield break;
        foreach (Match m in InTextRegex().Matches(folded.Text))
        {
            var value = FromMatch(m, trimLeadingWords: true);
            if (value is null)
                continue;
            // The span starts where the (trimmed) issuer code starts.
            var code = m.Groups["code"];
            yield return (value, code.Index + code.Length - value.IssuerCode.Length, m.Index + m.Length);
        }
    }

    private static DocNumber? FromMatch(Match m, bool trimLeadingWords)
    {
        var open = m.Groups["open"];
        if (open.Success)
        {
            var pair = Array.Find(Brackets, b => b.Open == open.Value[0]);
            if (pair.Close != m.Groups["close"].Value[0])
                return null;
        }
        var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var serial = int.Parse(m.Groups["serial"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 1949 or > 2199)
            return null;
        var code = CleanCode(m.Groups["code"].Value, trimLeadingWords);
        return code.Length == 0 ? null : new DocNumber(code, year, serial);
    }

    private static string CleanCode(string code, bool trimLeadingWords)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var c in code)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
                sb.Append(c);
        var s = sb.ToString().TrimEnd('第'); // 国发第第〔2016〕: Core takes one 第, the code keeps none
        if (!trimLeadingWords)
            return s;
        // Issuer codes are short (工信部联节, 国办发, 黔府办发); in prose keep the last ten characters at most,
        // and drop a title typed right before the code: 关于加强长江经济带工业绿色发展的指导意见工信部联节〔2017〕178号.
        if (s.Length > 10)
            s = s[^10..];
        foreach (var end in TitleEndings)
        {
            var at = s.LastIndexOf(end, StringComparison.Ordinal);
            if (at >= 0 && at + end.Length < s.Length)
                s = s[(at + end.Length)..];
        }
        for (var changed = true; changed && s.Length > 0;)
        {
            changed = false;
            foreach (var w in LeadingWords)
            {
                if (s.Length > w.Length && s.StartsWith(w, StringComparison.Ordinal))
                {
                    s = s[w.Length..];
                    changed = true;
                }
            }
        }
        return s;
    }
}

/// <summary>A 文号 found in a text, with its span there.</summary>
public sealed record DocNumberMatch(DocNumber Value, TextSpan Span);
