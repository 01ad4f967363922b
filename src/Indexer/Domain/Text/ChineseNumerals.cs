namespace GreenPolicy.Domain.Text;

/// <summary>Chinese and Arabic numerals as they appear in clause numbers and locators (一, 十四, 二十一, 一百零二, 〇, 3, ３).</summary>
public static class ChineseNumerals
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4,
        ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    private static readonly Dictionary<char, int> Multipliers = new() { ['十'] = 10, ['百'] = 100, ['千'] = 1000 };

    /// <summary>The value of a numeral of Chinese digits or Arabic (half- or full-width) digits; null when it is not one.</summary>
    public static int? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || s.Length > 12)
            return null;
        if (IsArabic(s))
        {
            var v = 0;
            foreach (var c in s)
                v = v * 10 + (c >= '０' ? c - '０' : c - '0');
            return v;
        }

        int total = 0, current = 0;
        var sawAny = false;
        foreach (var c in s)
        {
            if (Digits.TryGetValue(c, out var d))
            {
                current = current * 10 + d; // 二〇一八 reads digit by digit
                sawAny = true;
            }
            else if (Multipliers.TryGetValue(c, out var m))
            {
                total += (current == 0 ? 1 : current) * m; // 十四 = 14: a bare 十 means one ten
                current = 0;
                sawAny = true;
            }
            else
            {
                return null;
            }
        }
        return sawAny ? total + current : null;
    }

    public static int? Parse(string? s) => s is null ? null : Parse(s.AsSpan().Trim());

    /// <summary>1 → 一, 14 → 十四, 21 → 二十一, 102 → 一百零二 (for locators and citation strings).</summary>
    public static string ToChinese(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 9999);
        const string digits = "零一二三四五六七八九";
        if (n < 10)
            return digits[n].ToString();
        if (n < 20)
            return "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString());
        var units = new[] { (1000, '千'), (100, '百'), (10, '十') };
        var sb = new System.Text.StringBuilder();
        var pendingZero = false;
        foreach (var (value, name) in units)
        {
            var d = n / value % 10;
            if (d == 0)
            {
                pendingZero = sb.Length > 0;
                continue;
            }
            if (pendingZero)
                sb.Append('零');
            pendingZero = false;
            sb.Append(digits[d]).Append(name);
        }
        if (n % 10 != 0)
        {
            if (pendingZero)
                sb.Append('零');
            sb.Append(digits[n % 10]);
        }
        return sb.ToString();
    }

    private static bool IsArabic(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (c is not ((>= '0' and <= '9') or (>= '０' and <= '９')))
                return false;
        return true;
    }
}
