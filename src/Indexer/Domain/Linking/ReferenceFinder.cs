using System.Text;
using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Linking;

/// <summary>A reference found in a clause: a 《title》 or a 文号, with its span in the clause text.</summary>
public sealed record FoundReference(string Title, string? DocNumber, TextSpan Span);

/// <summary>
/// Minimal in-text reference finder and resolver used by the linker: 《title》 and 文号
/// (工信部节〔2016〕225号) matched against the corpus documents' titles, short titles and numbers.
/// Titles are compared in a folded form because citing documents do not copy punctuation exactly:
/// 003 writes 《工业绿色发展规划(2016—2020年)》 for the title 工业绿色发展规划（2016-2020年）.
/// The citations helper's finder (GreenPolicy.Domain.Citations) supersedes this one for locators.
/// </summary>
public sealed partial class ReferenceFinder
{
    private readonly Dictionary<string, string> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byNumber = new(StringComparer.Ordinal);

    public ReferenceFinder(IEnumerable<DocumentMeta> documents)
    {
        foreach (var m in documents)
        {
            foreach (var t in m.ShortTitles.Prepend(m.Title))
            {
                var key = FoldTitle(t);
                if (key.Length > 0) _byTitle.TryAdd(key, m.Id);
                var bare = FoldTitle(StripBracketed(t));
                if (bare.Length >= 4) _byTitle.TryAdd(bare, m.Id);
            }
            if (m.DocNumber is { Length: > 0 } n) _byNumber.TryAdd(FoldNumber(n), m.Id);
        }
    }

    [GeneratedRegex(@"《([^《》]{2,80})》")]
    private static partial Regex TitleRx();

    // 工信部联节〔2017〕178号, 黔府办发[2018]14号: issuer abbreviation, year in brackets, serial.
    [GeneratedRegex(@"[\u4E00-\u9FFF]{1,10}[〔\[【（(]\s*(19|20)\d{2}\s*[〕\]】）)]\s*\d{1,4}\s*号")]
    private static partial Regex NumberRx();

    public static IReadOnlyList<FoundReference> Find(string text)
    {
        var list = new List<FoundReference>();
        foreach (Match m in TitleRx().Matches(text))
            list.Add(new FoundReference(m.Groups[1].Value, null, new TextSpan(m.Index, m.Length)));
        foreach (Match m in NumberRx().Matches(text))
            list.Add(new FoundReference(m.Value, m.Value, new TextSpan(m.Index, m.Length)));
        return list;
    }

    /// <summary>The corpus document a reference names, or null when it is outside the corpus.</summary>
    public string? Resolve(FoundReference reference)
    {
        if (reference.DocNumber is not null)
        {
            // The issuer abbreviation is matched greedily ("依据工信部规[2016]225号"): try each tail.
            var folded = FoldNumber(reference.DocNumber);
            var bracket = folded.IndexOf('(');
            for (var k = 0; k < Math.Max(1, bracket); k++)
                if (_byNumber.TryGetValue(folded[k..], out var byNumber)) return byNumber;
            return null;
        }
        if (_byTitle.TryGetValue(FoldTitle(reference.Title), out var id)) return id;
        // 《工业绿色发展规划》 names the 2016—2020 plan by its bare title; a reference that gives its own
        // period (《…(2021—2025年)》) and did not match exactly is another document.
        if (BracketRx().IsMatch(reference.Title)) return null;
        var bare = FoldTitle(reference.Title);
        return bare.Length >= 4 ? _byTitle.GetValueOrDefault(bare) : null;
    }

    /// <summary>Title without spaces, with brackets, dashes and quotes unified: (2016—2020年) ≡ （2016-2020年）.</summary>
    public static string FoldTitle(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var ch in title)
        {
            var c = TextFeatures.Fold(ch);
            if (char.IsWhiteSpace(c) || c == '\u3000') continue;
            sb.Append(c switch
            {
                '—' or '–' or '－' or '─' or '～' or '~' => '-',
                '“' or '”' or '"' or '‘' or '’' or '\'' => '"',
                '〔' or '[' or '【' => '(',
                '〕' or ']' or '】' => ')',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>文号 folded: 工信部节〔2016〕225号 ≡ 工信部节[2016]225号 ≡ 工信部节（2016）225号.</summary>
    public static string FoldNumber(string number) => FoldTitle(number);

    private static string StripBracketed(string title) =>
        BracketRx().Replace(title, "");

    [GeneratedRegex(@"[（(][^（()）]*[）)]")]
    private static partial Regex BracketRx();
}
