using System.Text.RegularExpressions;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Domain.Structure;

/// <summary>
/// The numbering schemes of Chinese official documents (GB/T 9704 heading levels and what published plans
/// actually use), outermost first. The order is the conventional nesting: a 第N章 holds 第N节, which holds
/// 第N条 (in 办法 and 条例) or 一、, which holds （一）, then 1. / 1、, then （1）, then ①, and —— bullets at the bottom.
/// </summary>
public enum NumberingStyle
{
    /// <summary>第一部分</summary>
    Division = 0,
    /// <summary>第一章</summary>
    Chapter = 1,
    /// <summary>第一节</summary>
    Section = 2,
    /// <summary>第一条: the article of 办法 and 条例, numbered through the document, holding its text inline.</summary>
    Article = 3,
    /// <summary>一、</summary>
    Part = 4,
    /// <summary>（一） or (一)</summary>
    Item = 5,
    /// <summary>1. / 1、 / １．</summary>
    Subitem = 6,
    /// <summary>（1） or (1)</summary>
    ParenSubitem = 7,
    /// <summary>① … ⑳</summary>
    Circled = 8,
    /// <summary>—— (or ●, •) bullets: not numbered, counted within their parent.</summary>
    Bullet = 9,
    /// <summary>专栏N: a box of a plan (items, or an indicator table).</summary>
    Box = 20,
    /// <summary>附件 / 附件1 standing alone: an annex.</summary>
    Annex = 21,
}

/// <summary>A numbering found at the start of a line. Number is null for bullets.</summary>
public sealed record NumberedLine(NumberingStyle Style, int? Number, string Printed, string Rest)
{
    /// <summary>Divisions (章, 节, 一、) are always units; items may be clauses.</summary>
    public bool IsDivision => Style is NumberingStyle.Division or NumberingStyle.Chapter or NumberingStyle.Section or NumberingStyle.Part;

    /// <summary>
    /// The line is only a heading, with nothing else after it: <c>（一）大力推进能效提升，加快实现节约发展</c>
    /// names what follows, whereas <c>（一）优化产业布局。落实京津冀…</c> carries its own text.
    /// </summary>
    public bool IsHeadingOnly => Rest.Length is > 0 and <= 40 && Rest.IndexOfAny(['。', '；', '！', '？', ';', '!', '?']) < 0
        && !Rest.EndsWith('：') && !Rest.EndsWith(':') && !Rest.EndsWith('，') && !Rest.EndsWith('、');
}

public static partial class Numbering
{
    private const string Cn = "一二三四五六七八九十百零〇两";

    // The first characters the patterns below can match: 第, 专(栏), 附(件), the numerals, brackets, digits, ①–⑳, bullets.
    private static readonly System.Buffers.SearchValues<char> NumberingStarts = System.Buffers.SearchValues.Create(
        "第专附" + Cn + "（(0123456789０１２３４５６７８９—－-●•▪■◆*+"
        + string.Concat(Enumerable.Range(0x2460, 0x2473 - 0x2460 + 1).Select(c => (char)c)));

    [GeneratedRegex($"^第([{Cn}0-9０-９]+)(部分|章|节|条)\\s*(.*)$")]
    private static partial Regex OrdinalHeading();

    // 一、 (GB/T 9704), and the 一． / 一. that some web copies print.
    [GeneratedRegex($"^([{Cn}]+)(?:、|．|\\.(?![0-9]))\\s*(.*)$")]
    private static partial Regex PartNumber();

    [GeneratedRegex($"^[（(]\\s*([{Cn}]+)\\s*[）)]\\s*(.*)$")]
    private static partial Regex ItemNumber();

    // "2.长江经济带产业转移指南", "1、…"; not "2.2" or "1.218" (table values), hence no digit after the dot.
    [GeneratedRegex("^([0-9０-９]{1,3})\\s*[.．、](?![0-9０-９])\\s*(.*)$")]
    private static partial Regex SubitemNumber();

    [GeneratedRegex("^[（(]\\s*([0-9０-９]{1,3})\\s*[）)]\\s*(.*)$")]
    private static partial Regex ParenSubitemNumber();

    [GeneratedRegex("^([\u2460-\u2473])\\s*(.*)$")]
    private static partial Regex CircledNumber();

    // —— is the bullet of Chinese official texts; ●•▪■◆ and Markdown's "- " / "* " / "+ " are layout forms of the same.
    [GeneratedRegex("^(?:——|－－|--|[●•▪■◆]|[-*+](?=\\s))\\s*(.+)$")]
    private static partial Regex BulletMark();

    [GeneratedRegex($"^专栏\\s*([0-9０-９{Cn}]+)[\\s:：]*(.*)$")]
    private static partial Regex BoxNumber();

    // 附件 / 附件1 / 附件 2 alone on its line (the annex's title, if any, follows on the next line).
    [GeneratedRegex("^附件\\s*([0-9０-９]*)$")]
    private static partial Regex AnnexNumber();

    /// <summary>The numbering a (layout-stripped) line starts with, or null for an unnumbered line.</summary>
    public static NumberedLine? Recognize(string line)
    {
        // Every pattern below is anchored on its first character; most lines (paragraph text) start with none of
        // them, and nine regex calls per line cost more than the rest of reading the line.
        if (line.Length == 0 || !NumberingStarts.Contains(line[0]))
            return null;
        Match m;
        if ((m = OrdinalHeading().Match(line)).Success)
        {
            var style = m.Groups[2].Value switch
            {
                "章" => NumberingStyle.Chapter,
                "节" => NumberingStyle.Section,
                "条" => NumberingStyle.Article,
                _ => NumberingStyle.Division,
            };
            return Make(style, m.Groups[1].Value, "第" + m.Groups[1].Value + m.Groups[2].Value, m.Groups[3].Value);
        }
        if ((m = BoxNumber().Match(line)).Success && m.Groups[2].Value.Length <= 40)
            return Make(NumberingStyle.Box, m.Groups[1].Value, "专栏" + m.Groups[1].Value, m.Groups[2].Value);
        if ((m = AnnexNumber().Match(line)).Success)
        {
            var n = m.Groups[1].Value;
            return new NumberedLine(NumberingStyle.Annex, n.Length == 0 ? null : ChineseNumerals.Parse(n), "附件" + n, "");
        }
        if ((m = PartNumber().Match(line)).Success && m.Groups[2].Value.Length > 0)
            return Make(NumberingStyle.Part, m.Groups[1].Value, m.Groups[1].Value + "、", m.Groups[2].Value);
        if ((m = ItemNumber().Match(line)).Success && m.Groups[2].Value.Length > 0)
            return Make(NumberingStyle.Item, m.Groups[1].Value, "（" + m.Groups[1].Value + "）", m.Groups[2].Value);
        if ((m = ParenSubitemNumber().Match(line)).Success && m.Groups[2].Value.Length > 0)
            return Make(NumberingStyle.ParenSubitem, m.Groups[1].Value, "（" + m.Groups[1].Value + "）", m.Groups[2].Value);
        if ((m = SubitemNumber().Match(line)).Success && m.Groups[2].Value.Length > 0)
            return Make(NumberingStyle.Subitem, m.Groups[1].Value, m.Groups[1].Value + ".", m.Groups[2].Value);
        if ((m = CircledNumber().Match(line)).Success && m.Groups[2].Value.Length > 0)
            return new NumberedLine(NumberingStyle.Circled, m.Groups[1].Value[0] - '\u2460' + 1, m.Groups[1].Value, m.Groups[2].Value.Trim());
        if ((m = BulletMark().Match(line)).Success)
            return new NumberedLine(NumberingStyle.Bullet, null, "——", m.Groups[1].Value.Trim());
        return null;
    }

    private static NumberedLine? Make(NumberingStyle style, string numeral, string printed, string rest)
    {
        var n = ChineseNumerals.Parse(numeral);
        return n is null ? null : new NumberedLine(style, n, printed, rest.Trim());
    }

    /// <summary>The Akoma-Ntoso-like eId prefix of a style: chp, sec, part, item, subitem, point, box, annex.</summary>
    public static string EIdPrefix(NumberingStyle style) => style switch
    {
        NumberingStyle.Division => "part",
        NumberingStyle.Chapter => "chp",
        NumberingStyle.Section => "sec",
        NumberingStyle.Article => "art",
        NumberingStyle.Part => "part",
        NumberingStyle.Item => "item",
        NumberingStyle.Subitem or NumberingStyle.ParenSubitem or NumberingStyle.Circled => "subitem",
        NumberingStyle.Bullet => "point",
        NumberingStyle.Box => "box",
        NumberingStyle.Annex => "annex",
        _ => throw new ArgumentOutOfRangeException(nameof(style)),
    };
}
