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

    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u3000' or '\u00a0' or '\uFEFF';

    /// <summary>Word-processor artefacts found in the line (<c>[bookmark: _GoBack]</c>), to keep as metadata.</summary>
    public static IEnumerable<string> Artefacts(string line) =>
        line.Contains(BookmarkOpen, StringComparison.Ordinal) ? Bookmark().Matches(line).Select(m => m.Value) : [];

    private const string BookmarkOpen = "[bookmark:";

    /// <summary>The line's text: artefacts, Markdown marks and layout whitespace removed, internal runs of
    /// whitespace collapsed to one space.</summary>
    public static string Clean(string line)
    {
        // The regexes only where they can match (a literal "[bookmark:", a leading #): most lines have neither.
        var s = line.Contains(BookmarkOpen, StringComparison.Ordinal) ? Bookmark().Replace(line, "") : line;
        s = Normalize(s);
        if (s.StartsWith('#'))
            s = MarkdownHeading().Replace(s, "");
        if (s.StartsWith("> ", StringComparison.Ordinal))
            s = s[2..];
        s = s.Replace("**", "", StringComparison.Ordinal);
        return Normalize(s);
    }

    /// <summary>Trim and collapse runs of spaces, full-width spaces and tabs to a single space.</summary>
    /// <remarks>
    /// By hand rather than by a regex (<c>[\s\u3000\u00a0]+</c> → " ", then Trim), with the same result: every line
    /// of every document passes here twice and most need no change. Whitespace is <see cref="char.IsWhiteSpace"/>,
    /// which is the regex's \s and includes U+3000 and U+00A0.
    /// </remarks>
    public static string Normalize(string s)
    {
        if (!s.AsSpan().ContainsAny(Whitespace))
            return s;
        var start = 0;
        var end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start]))
            start++;
        while (end > start && char.IsWhiteSpace(s[end - 1]))
            end--;
        var clean = true;
        for (var i = start; i < end && clean; i++)
        {
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || char.IsWhiteSpace(s[i + 1])))
                clean = false;
        }
        if (clean)
            return start == 0 && end == s.Length ? s : s[start..end];
        var sb = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(s[i]))
                sb.Append(s[i]);
            else if (!char.IsWhiteSpace(s[i - 1]))
                sb.Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>Without any whitespace (for paths and comparisons): <c>专栏2 能效提升工程</c> → <c>专栏2能效提升工程</c>.</summary>
    public static string Squeeze(string s)
    {
        if (!s.AsSpan().ContainsAny(Whitespace))
            return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
                sb.Append(c);
        }
        return sb.ToString();
    }

    // Every char.IsWhiteSpace character (the regex \s): U+0009–U+000D, U+0085 and the Unicode separators.
    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace).ToArray());

    /// <summary>
    /// Joins the parts of a paragraph split by a page break. Chinese is written without spaces, so
    /// <c>在上</c> + <c>海临港</c> is <c>在上海临港</c>; only two Latin letters or digits meeting get a space.
    /// </summary>
    public static string Join(IEnumerable<string> fragments)
    {
        if (fragments is IReadOnlyList<string> { Count: 1 } one)
            return one[0];
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
