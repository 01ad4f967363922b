using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

public class NumberingTests
{
    public static TheoryData<string, NumberingStyle?, int?, string> Lines => new()
    {
        // line (layout already stripped) | style | number | rest
        { "第一章 规划背景", NumberingStyle.Chapter, 1, "规划背景" },
        { "第十二章 附则", NumberingStyle.Chapter, 12, "附则" },
        { "第二节 基本原则", NumberingStyle.Section, 2, "基本原则" },
        { "第三部分 保障措施", NumberingStyle.Division, 3, "保障措施" },
        { "第十二条 企业应当建立能源管理制度。", NumberingStyle.Article, 12, "企业应当建立能源管理制度。" }, // 办法/条例 articles
        { "一、总体要求", NumberingStyle.Part, 1, "总体要求" },
        { "十一、附则", NumberingStyle.Part, 11, "附则" },
        { "（一）优化产业布局。落实…", NumberingStyle.Item, 1, "优化产业布局。落实…" },
        { "(八)深度实施环境绿色化整治。", NumberingStyle.Item, 8, "深度实施环境绿色化整治。" },   // 003 uses half-width brackets
        { "（二十一）加大宣传力度。", NumberingStyle.Item, 21, "加大宣传力度。" },               // 000 numbers up to 21
        { "1.加强组织领导", NumberingStyle.Subitem, 1, "加强组织领导" },
        { "2、严格执行标准", NumberingStyle.Subitem, 2, "严格执行标准" },
        { "１２．全角数字", NumberingStyle.Subitem, 12, "全角数字" },
        { "（3）强化考核", NumberingStyle.ParenSubitem, 3, "强化考核" },
        { "②推广应用", NumberingStyle.Circled, 2, "推广应用" },
        { "——到2018年底，粉煤灰综合利用率超过90%", NumberingStyle.Bullet, null, "到2018年底，粉煤灰综合利用率超过90%" },
        { "专栏1 “十三五”时期工业绿色发展主要指标", NumberingStyle.Box, 1, "“十三五”时期工业绿色发展主要指标" },
        { "专栏6 绿色制造体系创建工程", NumberingStyle.Box, 6, "绿色制造体系创建工程" },
        { "附件", NumberingStyle.Annex, null, "" },
        { "附件2", NumberingStyle.Annex, 2, "" },
        // Not numberings:
        { "2.2", null, null, "" },                                  // a table value, not item 2
        { "1.218", null, null, "" },                                // 004 专栏1: 1.218 吨标煤
        { "2017 年 6 月 30 日", null, null, "" },                     // a date
        { "(2018—2020年)", null, null, "" },                        // 003's title line: a year in brackets
        { "一批关键共性绿色制造技术实现产业化", null, null, "" },     // starts with a numeral character
        { "—", null, null, "" },                                    // an empty table cell
        { "附件：1.长江经济带产业转移指南", null, null, "" },          // the attachment list, not an annex
        { "推进结构节能。把优化工业结构…", null, null, "" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Recognizes_numbering_schemes(string line, NumberingStyle? style, int? number, string rest)
    {
        var n = Numbering.Recognize(line);
        Assert.Equal(style, n?.Style);
        if (n is null)
            return;
        Assert.Equal(number, n.Number);
        Assert.Equal(rest, n.Rest);
    }

    [Theory]
    [InlineData("（一）大力推进能效提升，加快实现节约发展", true)]    // 002: the heading of several paragraphs
    [InlineData("（一）指导思想", true)]
    [InlineData("（一）优化产业布局。落实京津冀和长江经济带产业转移指南", false)] // an inline title with its text
    [InlineData("（九）发展壮大节能环保产业，在重庆、无锡、成都、长沙、武汉、杭州、盐城、昆明等地重点推动", false)] // long: text cut by a page break
    [InlineData("（三）各地要按照以下要求：", false)]
    public void Tells_heading_lines_from_items_with_text(string line, bool headingOnly) =>
        Assert.Equal(headingOnly, Numbering.Recognize(line)!.IsHeadingOnly);

    [Theory]
    [InlineData(NumberingStyle.Chapter, "chp")]
    [InlineData(NumberingStyle.Section, "sec")]
    [InlineData(NumberingStyle.Article, "art")]
    [InlineData(NumberingStyle.Part, "part")]
    [InlineData(NumberingStyle.Item, "item")]
    [InlineData(NumberingStyle.Subitem, "subitem")]
    [InlineData(NumberingStyle.ParenSubitem, "subitem")]
    [InlineData(NumberingStyle.Bullet, "point")]
    [InlineData(NumberingStyle.Box, "box")]
    public void Maps_styles_to_eId_prefixes(NumberingStyle style, string prefix) =>
        Assert.Equal(prefix, Numbering.EIdPrefix(style));
}
