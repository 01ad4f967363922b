using System.Text;
using System.Text.RegularExpressions;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Domain.Citations;

/// <summary>Which documents a typed title or 文号 names, and how it was decided; more than one means ambiguous.</summary>
public sealed record DocumentIdentification(IReadOnlyList<DocumentMeta> Documents, string Method)
{
    public DocumentMeta? Single => Documents.Count == 1 ? Documents[0] : null;
}

/// <summary>
/// Finds documents by title or 文号. Titles are compared after folding what people vary: 《》 and quotes,
/// bracket width and dashes (（2016-2020年） vs (2016—2020年)), spaces. The stages go from strict to loose
/// (exact title or short title, title without its period, prefix, containment, the characters in order,
/// one typo) and stop at the first stage that finds anything: two documents found at one stage are
/// reported as ambiguous, never guessed between.
/// </summary>
public sealed partial class DocumentIdentifier
{
    private readonly List<(DocumentMeta Doc, string Key)> _keys = [];
    // 文号 by year and serial: an exact 文号 and a loosely typed one (same year and serial) are both one lookup,
    // not a scan of every document's number.
    private readonly Dictionary<(int Year, int Serial), List<(DocumentMeta Doc, DocNumber Number)>> _numbers = [];

    public DocumentIdentifier(IEnumerable<DocumentMeta> documents)
    {
        foreach (var d in documents)
        {
            foreach (var t in d.ShortTitles.Prepend(d.Title))
            {
                var key = TitleKey(t);
                if (key.Length == 0)
                    continue;
                _keys.Add((d, key));
                // 工业绿色发展规划（2016-2020年） is also cited as 工业绿色发展规划.
                var bare = PeriodSuffix().Replace(key, "");
                if (bare.Length > 0 && bare != key)
                    _keys.Add((d, bare));
            }
            if (DocNumber.Parse(d.DocNumber).Value is { } n)
            {
                if (!_numbers.TryGetValue((n.Year, n.Serial), out var same))
                    _numbers[(n.Year, n.Serial)] = same = [];
                same.Add((d, n));
            }
        }
    }

    [GeneratedRegex(@"\(\d{4}-\d{4}年?\)$")]
    private static partial Regex PeriodSuffix();

    /// <summary>A title folded for comparison: 《四川省“十三五”工业绿色发展规划》 → 四川省十三五工业绿色发展规划.</summary>
    public static string TitleKey(string? title)
    {
        if (string.IsNullOrEmpty(title))
            return "";
        var sb = new StringBuilder(title.Length);
        foreach (var c0 in title)
        {
            if (char.IsWhiteSpace(c0))
                continue;
            var c = FoldedText.FoldChar(c0);
            if (c is '《' or '》' or '〈' or '〉' or '“' or '”' or '"' or '\'' or '‘' or '’' or '「' or '」' or '『' or '』' or '·' or '・')
                continue;
            sb.Append(CaseFolding.Lower(c));
        }
        return sb.ToString();
    }

    public DocumentIdentification ByNumber(DocNumber number)
    {
        if (!_numbers.TryGetValue((number.Year, number.Serial), out var same))
            return new([], "文号（机关代字不完全一致）");
        var exact = Distinct(same.Where(n => n.Number == number).Select(n => n.Doc));
        if (exact.Count > 0)
            return new(exact, "文号");
        // The code typed with a stray character before it (a glued title, 《…》工信部节〔2018〕136号) or abbreviated:
        // same year and serial, one code ending with the other.
        var loose = Distinct(same
            .Where(n => n.Number.IssuerCode.EndsWith(number.IssuerCode, StringComparison.Ordinal) ||
                        number.IssuerCode.EndsWith(n.Number.IssuerCode, StringComparison.Ordinal))
            .Select(n => n.Doc));
        return new(loose, "文号（机关代字不完全一致）");
    }

    /// <summary>Documents named by a typed title, by the first stage that finds any.</summary>
    /// <param name="quoted">
    /// The title was written in 《》, as a text cites another document: written out, so not shortened to its first and
    /// last words (《四川省工业发展规划》 is not 四川省“十三五”工业绿色发展规划).
    /// </param>
    public DocumentIdentification ByTitle(string? title, bool strict = false, bool quoted = false)
    {
        var q = TitleKey(title);
        if (q.Length == 0)
            return new([], "");
        var stages = new (string Method, Func<string, bool> Match)[]
        {
            ("标题", k => k == q),
            ("标题前缀", k => q.Length >= 4 && k.StartsWith(q, StringComparison.Ordinal)),
            ("标题包含", k => (q.Length >= 4 && k.Contains(q, StringComparison.Ordinal)) ||
                              (k.Length >= 6 && q.Contains(k, StringComparison.Ordinal) && !HasNumeral(q.Replace(k, "")))),
            ("标题简写", k => q.Length >= 6 && q.Length * 10 >= k.Length * 6 && IsSubsequence(q, k)),
            ("标题错字", k => q.Length >= 5 && WithinOneEdit(q, k)),
            ("标题部分错字", k => q.Length >= 6 && SubstringWithinOneEdit(q, k)),
            // The title's first and last words, the middle left out, as people shorten a plan: 贵州行动计划 for
            // 贵州(省绿色制造三年)行动计划, 四川规划 for 四川(省十三五工业绿色发展)规划.
            ("标题首尾", k => q.Length >= 4 && q.Length < k.Length && IsHeadAndTail(q, k)),
        };
        foreach (var (method, match) in stages)
        {
            if ((strict && method is "标题前缀" or "标题包含" or "标题简写" or "标题部分错字" or "标题首尾") || (quoted && method == "标题首尾"))
                continue;
            var docs = Distinct(_keys.Where(k => match(k.Key)).Select(k => k.Doc));
            if (docs.Count > 0)
                return new(docs, method);
        }
        return new([], "");
    }

    private static List<DocumentMeta> Distinct(IEnumerable<DocumentMeta> docs) =>
        docs.DistinctBy(d => d.Id, StringComparer.Ordinal).ToList();

    // Numbers name a different document, not a typo: 《“十四五”工业绿色发展规划》 and 工业绿色发展规划（2021-2025年）
    // are not 002, and 四川省十四五工业绿色发展规划 is not 004. A numeral may never be the edited character, nor the
    // extra text around a contained title.
    private static bool IsNumeral(char c) => c is (>= '0' and <= '9') or '零' or '〇' or '一' or '二' or '三' or '四' or '五'
        or '六' or '七' or '八' or '九' or '十' or '百' or '两';

    private static bool HasNumeral(string s) => s.Any(IsNumeral);

    private static int SubstitutionCost(char a, char b) => a == b ? 0 : IsNumeral(a) || IsNumeral(b) ? 2 : 1;

    private static int IndelCost(char c) => IsNumeral(c) ? 2 : 1;

    /// <summary>Whether <paramref name="q"/> is a head of <paramref name="k"/> and a tail of it, each of two characters or more.</summary>
    private static bool IsHeadAndTail(string q, string k)
    {
        for (var i = 2; i <= q.Length - 2; i++)
            if (k.StartsWith(q.AsSpan(0, i), StringComparison.Ordinal) && k.EndsWith(q.AsSpan(i), StringComparison.Ordinal))
                return true;
        return false;
    }

    private static bool IsSubsequence(string q, string k)
    {
        var j = 0;
        foreach (var c in k)
            if (j < q.Length && q[j] == c)
                j++;
        return j == q.Length;
    }

    /// <summary>Levenshtein distance ≤ 1 (one character wrong, missing or extra: 贵洲省 for 贵州省), numerals excepted.</summary>
    internal static bool WithinOneEdit(string a, string b) =>
        Math.Abs(a.Length - b.Length) <= 1 && Distance(a, b, substring: false) <= 1;

    /// <summary>Whether q occurs in k with at most one character substituted, inserted or deleted (Sellers' approximate matching).</summary>
    internal static bool SubstringWithinOneEdit(string q, string k)
    {
        // One edit leaves one half of q intact, so a title holding neither half cannot match: a reference to a title
        // outside the corpus (《节约能源法》) reaches this stage for every title, and most hold neither half.
        var half = q.Length / 2;
        return (k.AsSpan().Contains(q.AsSpan(0, half), StringComparison.Ordinal) || k.AsSpan().Contains(q.AsSpan(half), StringComparison.Ordinal))
               && Distance(q, k, substring: true) <= 1;
    }

    private static int Distance(string q, string k, bool substring)
    {
        // Rows over k, columns over q; with substring, q may start anywhere in k (row 0 all zeros) and end anywhere.
        var prev = new int[q.Length + 1];
        var cur = new int[q.Length + 1];
        for (var i = 1; i <= q.Length; i++)
            prev[i] = prev[i - 1] + IndelCost(q[i - 1]);
        var best = prev[q.Length];
        foreach (var c in k)
        {
            cur[0] = substring ? 0 : prev[0] + IndelCost(c);
            for (var i = 1; i <= q.Length; i++)
                cur[i] = Math.Min(Math.Min(cur[i - 1] + IndelCost(q[i - 1]), prev[i] + IndelCost(c)), prev[i - 1] + SubstitutionCost(q[i - 1], c));
            best = substring ? Math.Min(best, cur[q.Length]) : cur[q.Length];
            (prev, cur) = (cur, prev);
        }
        return best;
    }
}
