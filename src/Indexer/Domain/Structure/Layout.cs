using System.Text;
using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Structure;

/// <summary>
/// What in a published line is layout, not text: indentation (spaces, full-width spaces U+3000, tabs),
/// Markdown heading marks and emphasis (<c>#### **四、推进传统制造业绿色化改造**</c>), runs of spaces, and
/// word-processor artefacts such as <c>[bookmark: _GoBack]</c>.
/// </summary>
public static partial class Layout
{
    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"[\s\u3000\u00a0]+")]
    private static partial Regex WhitespaceRun();

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u3000' or '\u00a0' or '\uFEFF';

    /// <summary>Word-processor artefacts found in the line (<c>[bookmark: _GoBack]</c>), to keep as metadata.</summary>
    public static IEnumerable<string> Artefacts(string line) => Bookmark().Matches(line).Select(m => m.Value);

    /// <summary>The line's text: artefacts, Markdown marks and layout whitespace removed, internal runs of
    /// whitespace collapsed to one space.</summary>
    public static string Clean(string line)
    {
        var s = Bookmark().Replace(line, "");
        s = Normalize(s);
        s = MarkdownHeading().Replace(s, "");
        if (s.StartsWith("> ", StringComparison.Ordinal))
            s = s[2..];
        s = s.Replace("**", "", StringComparison.Ordinal);
        return Normalize(s);
    }

    /// <summary>Trim and collapse runs of spaces, full-width spaces and tabs to a single space.</summary>
    public static string Normalize(string s) => WhitespaceRun().Replace(s, " ").Trim();

    /// <summary>Without any whitespace (for paths and comparisons): <c>专栏2 能效提升工程</c> → <c>专栏2能效提升工程</c>.</summary>
    public static string Squeeze(string s) => WhitespaceRun().Replace(s, "");

    /// <summary>
    /// Joins the parts of a paragraph split by a page break. Chinese is written without spaces, so
    /// <c>在上</c> + <c>海临港</c> is <c>在上海临港</c>; only two Latin letters or digits meeting get a space.
    /// </summary>
    public static string Join(IEnumerable<string> fragments)
    {
        var sb = new StringBuilder();
        foreach (var f in fragments)
        {
            if (f.Length == 0)
                continue;
            if (sb.Length > 0 && IsAsciiWord(sb[^1]) && IsAsciiWord(f[0]))
                sb.Append(' ');
            sb.Append(f);
        }
        return sb.ToString();
    }

    private static bool IsAsciiWord(char c) => c < 128 && char.IsLetterOrDigit(c);

    /// <summary>
    /// Whether a paragraph ends a sentence: 。；：！？ (or their ASCII forms), possibly followed by closing
    /// quotes or brackets (<c>…“走出去”。</c>, <c>…负责）。</c>). A paragraph that does not is cut by a page break.
    /// </summary>
    public static bool EndsSentence(string text)
    {
        // A closing quote or bracket ends the sentence only when a sentence mark precedes it ("…“走出去”。",
        // "…。）"); "…相关司局参与）" alone does not.
        var i = text.Length - 1;
        while (i >= 0 && (IsSpace(text[i]) || text[i] is '”' or '’' or '」' or '』' or '）' or ')' or '】' or '》' or '"' or '\''))
            i--;
        return i >= 0 && text[i] is '。' or '；' or '：' or '！' or '？' or ';' or ':' or '!' or '?' or '.';
    }
}
