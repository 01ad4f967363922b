using System.Text;

namespace GreenPolicy.Domain.Citations;

/// <summary>
/// A citation as typed, folded for matching: full-width ASCII to half-width (（三） → (三), ２０１８ → 2018,
/// ［］ → []), every dash to '-', whitespace removed, with a map back to the original offsets so that
/// spans found on the folded text can be reported on what the user typed.
/// </summary>
internal sealed class FoldedText
{
    private readonly int[] _map;
    private readonly bool[] _spaceBefore;

    private FoldedText(string original, string text, int[] map, bool[] spaceBefore)
    {
        Original = original;
        Text = text;
        _map = map;
        _spaceBefore = spaceBefore;
    }

    public string Original { get; }
    public string Text { get; }

    public static FoldedText Fold(string original)
    {
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length + 1);
        var spaces = new List<bool>(original.Length + 1);
        var pendingSpace = false;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            sb.Append(FoldChar(c));
            map.Add(i);
            spaces.Add(pendingSpace);
            pendingSpace = false;
        }
        map.Add(original.Length);
        spaces.Add(pendingSpace);
        return new FoldedText(original, sb.ToString(), [.. map], [.. spaces]);
    }

    /// <summary>Folds one character: full-width forms to ASCII, dash variants (—, –, －, ―, ─, ‐) to '-'.</summary>
    public static char FoldChar(char c) => c switch
    {
        >= '\uff01' and <= '\uff5e' => FoldDash((char)(c - 0xfee0)),
        _ => FoldDash(c),
    };

    private static char FoldDash(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2500' or '\u2e3a' or '\ufe58' or '\ufe63' => '-',
        _ => c,
    };

    /// <summary>Whether the user left a space (or line break) just before folded position <paramref name="index"/>.</summary>
    public bool SpaceBefore(int index) => _spaceBefore[index];

    /// <summary>The span in the original text of folded characters [start, start + length).</summary>
    public TextSpan ToOriginal(int start, int length)
    {
        if (length == 0)
            return new TextSpan(_map[start], 0);
        var from = _map[start];
        var to = _map[start + length - 1] + 1;
        return new TextSpan(from, to - from);
    }
}
