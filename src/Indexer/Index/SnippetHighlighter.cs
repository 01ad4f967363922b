using System.Net;
using System.Text;

namespace GreenPolicy.Index;

/// <summary>A snippet: HTML (escaped text, matches in &lt;mark&gt;), and the marked spans as offsets into the original text.</summary>
public sealed record Snippet(string Html, IReadOnlyList<Domain.TextSpan> Marks, int Start, int End);

/// <summary>
/// The project's own highlighter (no Highlighter package is served): finds the query's words in the
/// clause text the way the analyzer sees them (width-folded, lower-cased, character by character, so
/// offsets stay those of the original), picks the ~120-character window with the most matched text,
/// and escapes everything else — a clause may contain &lt; or &amp;.
/// </summary>
public static class SnippetHighlighter
{
    public const int DefaultWidth = 120;
    private const int LeadingContext = 20;
    private const int MaxScannedLength = 20_000;

    public static Snippet Highlight(string text, IEnumerable<string> strings, IEnumerable<string>? looseRuns = null, int width = DefaultWidth)
    {
        var folded = QueryUnderstanding.Fold(text.Length > MaxScannedLength ? text[..MaxScannedLength] : text);
        var marked = new bool[folded.Length];
        foreach (var s in strings.Select(QueryUnderstanding.Fold).Where(s => s.Length > 0 && !string.IsNullOrWhiteSpace(s)).Distinct())
        {
            for (var at = folded.IndexOf(s, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(s, at + 1, StringComparison.Ordinal))
            {
                // A Latin word matches whole words only: PPP is not inside "APPPX".
                if (IsWordChar(s[0]) && at > 0 && IsWordChar(folded[at - 1]) ||
                    IsWordChar(s[^1]) && at + s.Length < folded.Length && IsWordChar(folded[at + s.Length]))
                {
                    continue;
                }
                Array.Fill(marked, true, at, s.Length);
            }
        }
        foreach (var run in (looseRuns ?? []).Select(QueryUnderstanding.Fold).Where(r => r.Length >= 2))
        {
            // Parts of a long question run that occur in the text (重点区域, 错峰生产 from 重点区域秋冬季错峰生产).
            var p = 0;
            while (p < folded.Length - 1)
            {
                var advanced = false;
                for (var len = Math.Min(run.Length, folded.Length - p); len >= 2; len--)
                {
                    if (run.Contains(folded.AsSpan(p, len), StringComparison.Ordinal))
                    {
                        Array.Fill(marked, true, p, len);
                        p += len;
                        advanced = true;
                        break;
                    }
                }
                if (!advanced)
                {
                    p++;
                }
            }
        }

        var marks = new List<Domain.TextSpan>();
        for (var i = 0; i < marked.Length; i++)
        {
            if (!marked[i])
            {
                continue;
            }
            var start = i;
            while (i < marked.Length && marked[i]) i++;
            marks.Add(new Domain.TextSpan(start, i - start));
        }

        var (from, to) = Window(text, marks, marked, width);
        var html = new StringBuilder();
        if (from > 0)
        {
            html.Append('…');
        }
        var pos = from;
        foreach (var m in marks)
        {
            var ms = Math.Max(m.Start, from);
            var me = Math.Min(m.End, to);
            if (me <= ms)
            {
                continue;
            }
            html.Append(WebUtility.HtmlEncode(text[pos..ms]));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[ms..me])).Append("</mark>");
            pos = me;
        }
        html.Append(WebUtility.HtmlEncode(text[pos..to]));
        if (to < text.Length)
        {
            html.Append('…');
        }
        return new Snippet(html.ToString(), marks, from, to);
    }

    /// <summary>The window of <paramref name="width"/> characters holding the most marked characters.</summary>
    private static (int From, int To) Window(string text, List<Domain.TextSpan> marks, bool[] marked, int width)
    {
        var length = text.Length;
        if (length <= width)
        {
            return (0, length);
        }
        var prefix = new int[marked.Length + 1];
        for (var i = 0; i < marked.Length; i++)
        {
            prefix[i + 1] = prefix[i] + (marked[i] ? 1 : 0);
        }
        var best = 0;
        var bestCount = -1;
        foreach (var start in marks.Select(m => Math.Max(0, m.Start - LeadingContext)).Prepend(0))
        {
            var s = Math.Min(start, length - width);
            var e = Math.Min(marked.Length, s + width);
            var count = prefix[e] - prefix[Math.Min(s, marked.Length)];
            if (count > bestCount)
            {
                best = s;
                bestCount = count;
            }
        }
        var from = best;
        var to = Math.Min(length, best + width);
        // Never cut a surrogate pair in two.
        if (from > 0 && char.IsLowSurrogate(text[from])) from--;
        if (to < length && char.IsLowSurrogate(text[to])) to++;
        return (from, to);
    }

    private static bool IsWordChar(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';
}
