namespace GreenPolicy.Domain.Linking;

/// <summary>Unsigned 32-bit numbers in 1–5 bytes, 7 bits a byte, low bits first (the linker's packed id lists and pairs).</summary>
internal static class Varint
{
    public static int Length(uint value) =>
        value < 1u << 7 ? 1 : value < 1u << 14 ? 2 : value < 1u << 21 ? 3 : value < 1u << 28 ? 4 : 5;

    public static void Write(byte[] bytes, ref int at, uint value)
    {
        while (value >= 0x80)
        {
            bytes[at++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[at++] = (byte)value;
    }

    /// <summary>Reads one number at <paramref name="at"/> and moves past it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static uint Read(byte[] bytes, ref int at)
    {
        // Most gaps between ascending n-gram ids take one byte: that case is inlined where ids are walked.
        var first = bytes[at++];
        return first < 0x80 ? first : ReadMore(bytes, ref at, first & 0x7Fu);
    }

    private static uint ReadMore(byte[] bytes, ref int at, uint value)
    {
        for (var shift = 7; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
