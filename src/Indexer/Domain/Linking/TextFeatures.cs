namespace GreenPolicy.Domain.Linking;

/// <summary>
/// The comparable form of a clause text: only the characters that carry content (Han characters,
/// digits, Latin letters, %), full-width forms folded, and the leading list number dropped — so that
/// "（三）推进能效提升。" and "3. 推进能效提升" compare equal. Punctuation is left out of the shingles
/// because copies differ in it ("(2016—2020年)" against "（2016-2020年）") without changing the text.
/// </summary>
public static class TextFeatures
{
    public static string Content(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..Content(text, buffer)]);
    }

    /// <summary>
    /// <see cref="Content(string)"/> written into <paramref name="into"/> (at least as long as the text), without
    /// allocating; returns its length.
    /// </summary>
    public static int Content(ReadOnlySpan<char> text, Span<char> into)
    {
        var n = 0;
        for (var i = LeadingNumberLength(text); i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (IsContent(c)) into[n++] = c;
        }
        return n;
    }

    /// <summary>The length of <see cref="Content(string)"/>, counted without making it.</summary>
    public static int ContentLength(ReadOnlySpan<char> text)
    {
        var n = 0;
        for (var i = LeadingNumberLength(text); i < text.Length; i++)
            if (IsContent(Fold(text[i]))) n++;
        return n;
    }

    public static char Fold(char c) =>
        c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;

    public static bool IsContent(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' || char.IsAsciiLetterOrDigit(c) || c == '%' || c == '.';

    /// <summary>Length of a leading list number such as "（三）", "(2)", "三、", "3.", "——", "第一条".</summary>
    public static int LeadingNumberLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        var s = i;
        if (i < text.Length && text[i] is '—' or '-')
        {
            while (i < text.Length && text[i] is '—' or '-') i++;
            return i;
        }
        var open = i < text.Length && text[i] is '（' or '(';
        if (open) i++;
        var d = i;
        while (i < text.Length && (char.IsDigit(text[i]) || "一二三四五六七八九十〇零".Contains(text[i]))) i++;
        if (i == d || i - d > 4) return s;
        if (open) return i < text.Length && text[i] is '）' or ')' ? i + 1 : s;
        return i < text.Length && text[i] is '、' or '.' or '．' ? i + 1 : s;
    }

    /// <summary>Distinct character n-grams (n ≤ 4) packed 16 bits per character, sorted.</summary>
    public static ulong[] Shingles(string content, int n)
    {
        // Sort, then drop repeats in place: cheaper than a hash set for the few hundred n-grams of a clause.
        var keys = NGramKeys(content, n);
        Array.Sort(keys);
        var distinct = keys.Length == 0 ? 0 : 1;
        for (var i = 1; i < keys.Length; i++)
            if (keys[i] != keys[distinct - 1]) keys[distinct++] = keys[i];
        return distinct == keys.Length ? keys : keys[..distinct];
    }

    /// <summary>The packed key of every n-gram of the content in order of position, repeats kept (<see cref="Shingles"/> unsorted).</summary>
    public static ulong[] NGramKeys(string content, int n)
    {
        if (n is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(n));
        if (content.Length < n) return [];
        var keys = new ulong[content.Length - n + 1];
        for (var i = 0; i < keys.Length; i++)
        {
            ulong key = 0;
            for (var k = 0; k < n; k++) key = (key << 16) | content[i + k];
            keys[i] = key;
        }
        return keys;
    }

    /// <summary>Sentences of a clause (split at 。；！？ and line ends), as content strings.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '。' or '；' or ';' or '！' or '？' or '\n')
            {
                if (i > start) yield return Content(text[start..i]);
                start = i + 1;
            }
        }
    }

    /// <summary>Decodes a packed n-gram back to its characters (for evidence and debugging).</summary>
    public static string Unpack(ulong key, int n)
    {
        var chars = new char[n];
        for (var k = n - 1; k >= 0; k--) { chars[k] = (char)(key & 0xFFFF); key >>= 16; }
        return new string(chars);
    }
}
