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

    public static uint Read(byte[] bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }
}
