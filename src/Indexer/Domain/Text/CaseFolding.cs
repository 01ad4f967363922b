namespace GreenPolicy.Domain.Text;

/// <summary>Lower-casing for texts that are mostly Chinese.</summary>
public static class CaseFolding
{
    /// <summary>
    /// char.ToLowerInvariant without its cost on Chinese: outside ASCII it consults the culture tables for every
    /// character, and titles and clauses are mostly Han. ASCII and U+3001–U+9FFF (CJK punctuation, kana, Han)
    /// have no case to fold (ServingTests compares this with char.ToLowerInvariant over every character).
    /// </summary>
    public static char Lower(char c) => c switch
    {
        < '\u0080' => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c,
        >= '\u3001' and <= '\u9FFF' => c,
        _ => char.ToLowerInvariant(c),
    };
}
