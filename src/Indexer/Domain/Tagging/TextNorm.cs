namespace GreenPolicy.Domain.Tagging;

/// <summary>Small text helpers shared by the taggers.</summary>
internal static class TextNorm
{
    /// <summary>
    /// One form for the brackets people mix: 003 writes 各市〔州〕人民政府 in its lists and 各市（州） elsewhere;
    /// half-width (州) appears too. Lengths are unchanged, so offsets stay valid.
    /// </summary>
    public static string Brackets(string s)
    {
        if (s.AsSpan().IndexOfAny("〔〕()[]【】") < 0)
            return s;
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = Bracket(chars[i]);
        return new string(chars);
    }

    /// <summary>One character as <see cref="Brackets"/> writes it (for scans that do not copy the text).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static char Bracket(char c) => c switch
    {
        '〔' or '(' or '[' or '【' => '（',
        '〕' or ')' or ']' or '】' => '）',
        _ => c,
    };

    /// <summary>Full-width digits to ASCII (２０２０ → 2020), length-preserving.</summary>
    public static string Digits(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('０', '９'))
            return s;
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '０' and <= '９')
                chars[i] = (char)('0' + (chars[i] - '０'));
        }
        return new string(chars);
    }
}
