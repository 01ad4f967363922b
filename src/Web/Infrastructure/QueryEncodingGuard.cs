using System.Globalization;
using System.Text;

namespace GreenPolicy.Web.Infrastructure;

// ASP.NET Core decodes a malformed query leniently ("%E4%B8" becomes U+FFFD, "%zz" stays as text), so a
// broken link would silently search for garbage. We refuse it instead: 400 with a clear message.
public static class QueryEncodingGuard
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool IsWellFormed(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return true;
        }
        // Each name or value must be valid percent-encoding of valid UTF-8.
        foreach (var part in rawQuery.TrimStart('?').Split('&', '='))
        {
            if (!IsWellFormedComponent(part))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsWellFormedComponent(string s)
    {
        if (!s.Contains('%'))
        {
            return true;
        }
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !byte.TryParse(s.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return false;
                }
                bytes.Add(b);
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
        try
        {
            StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
