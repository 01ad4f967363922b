using CsCheck;
using GreenPolicy.Domain.Citations;

namespace GreenPolicy.Indexer.Tests.Citations;

public class CitationParserTests
{
    // input → title, 文号 (normalised), canonical locator ("" when none).
    public static TheoryData<string, string?, string?, string> Whole => new()
    {
        { "《关于加强长江经济带工业绿色发展的指导意见》（工信部联节［2017］178号）第（三）条",
            "关于加强长江经济带工业绿色发展的指导意见", "工信部联节〔2017〕178号", "（三）" },
        { "关于加强长江经济带工业绿色发展的指导意见 二（五）", "关于加强长江经济带工业绿色发展的指导意见", null, "二（五）" },
        { "工信部节〔2018〕136号", null, "工信部节〔2018〕136号", "" },
        { "污染防治攻坚战三年行动计划第十一条", "污染防治攻坚战三年行动计划", null, "第十一条" },      // 三年 is not a locator
        { "工信部节【2018】136号 三（六）", null, "工信部节〔2018〕136号", "三（六）" },
        // The title keeps its own period in brackets; the space inside 专栏 3 goes.
        { "《工业绿色发展规划(2016—2020年)》 专栏 3", "工业绿色发展规划(2016-2020年)", null, "专栏3" },
        { "工业绿色发展规划 三（一）第2段", "工业绿色发展规划", null, "三（一）第2段" },
        { "贵州省绿色制造三年行动计划(2018-2020年)第三部分第（六）条", "贵州省绿色制造三年行动计划(2018-2020年)", null, "三（六）" },
        // Unquoted: the heading stays in the title for the resolver to split (HeadingHint).
        { "贵洲省绿色制造三年行动计划 主要目标第二条", "贵洲省绿色制造三年行动计划主要目标", null, "第二条" },
        // Quoted: what follows 》 and is not numbered is a heading.
        { "《贵州省绿色制造三年行动计划》主要目标第二条", "贵州省绿色制造三年行动计划", null, "主要目标第二条" },
        { "四川省“十三五”工业绿色发展规划第4章第1节第2段", "四川省“十三五”工业绿色发展规划", null, "第四章第一节第2段" },
        { "四川十三五工业绿色发展规划第十章", "四川十三五工业绿色发展规划", null, "第十章" },
        { "工业绿色发展规划 专栏4第1项", "工业绿色发展规划", null, "专栏4第1项" },
        { "工业绿色发展规划专栏1第3行", "工业绿色发展规划", null, "专栏1第3行" },
        { "工信部节〔2018〕136号 附件", null, "工信部节〔2018〕136号", "附件" },
        { "黔府办发〔2018〕14号 二——2", null, "黔府办发〔2018〕14号", "二——2" },
        { "长江经济带指导意见(十四)", "长江经济带指导意见", null, "（十四）" },                 // half-width brackets
        { "长江经济带指导意见 第14条", "长江经济带指导意见", null, "第十四条" },
        { "长江经济带指导意见 三、", "长江经济带指导意见", null, "三" },
        // A title ending in a numeral is not a part unless spaced off or followed by an item.
        { "中国制造二", "中国制造二", null, "" },
        { "工业绿色发展规划（工信部规〔2016〕225号）三（一）", "工业绿色发展规划", "工信部规〔2016〕225号", "三（一）" },
        { "第（三）条", null, null, "（三）" },
        { "", null, null, "" },
    };

    [Theory]
    [MemberData(nameof(Whole))]
    public void Splits_document_and_locator(string input, string? title, string? number, string locator)
    {
        var p = CitationParser.Parse(input);
        Assert.Equal(title, p.Title);
        Assert.Equal(number, p.DocNumber?.ToString());
        Assert.Equal(locator, p.Locator?.ToString() ?? "");
    }

    public static TheoryData<string, string> Locators => new()
    {
        { "第（三）条", "Item 3" },
        { "（三）", "Item 3" },
        { "(三)", "Item 3" },
        { "三（二）", "Part 3, Item 2" },
        { "第三部分第（六）条", "Part 3, Item 6" },
        { "第3条", "Article 3" },
        { "第十四条", "Article 14" },
        { "第四章第一节", "Chapter 4, Section 1" },
        { "第4章第1节第2段", "Chapter 4, Section 1, Paragraph 2" },
        { "专栏4", "Box 4" },
        { "专栏４第１项", "Box 4, Entry 1" },                 // full-width digits
        { "附件", "Annex -" },
        { "附件二", "Annex 2" },
        { "三（一）第2段", "Part 3, Item 1, Paragraph 2" },
        { "二——2", "Part 2, Point 2" },
    };

    [Theory]
    [MemberData(nameof(Locators))]
    public void Reads_every_locator_form(string locator, string expected)
    {
        var p = CitationParser.Parse("长江经济带指导意见 " + locator);
        var steps = p.Locator!.Steps.Select(s => $"{s.Kind} {s.Number?.ToString() ?? "-"}");
        Assert.Equal(expected, string.Join(", ", steps));
    }

    [Fact]
    public void Reports_spans_on_the_input()
    {
        const string input = "《工业绿色发展规划（2016-2020年）》（工信部规〔2016〕225号）三（一）第2段";
        var p = CitationParser.Parse(input);
        Assert.Equal("工业绿色发展规划（2016-2020年）", Slice(input, p.TitleSpan!.Value));
        Assert.Equal("工信部规〔2016〕225号", Slice(input, p.DocNumberSpan!.Value));
        Assert.Equal("三（一）第2段", Slice(input, p.Locator!.Span));
        Assert.Equal(["三", "（一）", "第2段"], p.Locator.Steps.Select(s => Slice(input, s.Span)));
        Assert.True(p.TitleQuoted);
    }

    [Fact]
    public void Finds_citations_in_running_text()
    {
        const string text = "全面实施中国制造2025，扎实推进《工业绿色发展规划（2016-2020年）》三（一），落实工信部联节〔2017〕178号要求。";
        var found = CitationParser.FindInText(text);
        Assert.Equal(2, found.Count);
        Assert.Equal("《工业绿色发展规划（2016-2020年）》三（一）", Slice(text, found[0].Span));
        Assert.Equal("工业绿色发展规划（2016-2020年）", found[0].Title);
        Assert.Equal("三（一）", found[0].Locator?.ToString());
        Assert.Equal("工信部联节〔2017〕178号", Slice(text, found[1].Span));
        Assert.Equal("工信部联节〔2017〕178号", found[1].DocNumber?.ToString());
    }

    [Fact]
    public void Joins_a_title_and_the_number_in_brackets_after_it()
    {
        const string text = "根据《关于加强长江经济带工业绿色发展的指导意见》（工信部联节〔2017〕178号）精神";
        var m = Assert.Single(CitationParser.FindInText(text));
        Assert.Equal("《关于加强长江经济带工业绿色发展的指导意见》（工信部联节〔2017〕178号）", Slice(text, m.Span));
        Assert.Equal("工信部联节〔2017〕178号", m.DocNumber?.ToString());
        Assert.Null(m.Locator);
    }

    [Fact]
    public void A_word_after_a_title_in_prose_is_not_a_part()
    {
        // 《规划》三大任务: 三 is a count, not part 三.
        var m = Assert.Single(CitationParser.FindInText("落实《工业绿色发展规划》三大任务"));
        Assert.Null(m.Locator);
    }

    [Fact]
    public void Never_throws_and_spans_stay_inside_the_input() =>
        Gen.String.Sample(s => CheckSpans(s, CitationParser.Parse(s)));

    [Fact]
    public void Never_throws_on_citation_like_noise() =>
        Gen.String[Gen.OneOf("《》〔〕（）()[]【】第条章节段项行部分专栏附件一二三十十四0123４号年工信部规划 ——、".ToCharArray()), 0, 60]
            .Sample(s =>
            {
                CheckSpans(s, CitationParser.Parse(s));
                foreach (var m in CitationParser.FindInText(s))
                    Assert.InRange(m.Span.End, 0, s.Length);
            });

    [Fact]
    public void A_parsed_locator_reparses_to_itself()
    {
        // Round trip of the canonical form: parse(ToString(locator)) == locator.
        var numbers = Gen.Int[1, 30];
        var locators = Gen.OneOf(
            numbers.Select(n => $"第{n}条"),
            Gen.Select(numbers, numbers, (a, b) => $"第{a}章第{b}节"),
            Gen.Select(numbers, numbers, numbers, (a, b, c) => $"{GreenPolicy.Domain.Text.ChineseNumerals.ToChinese(a)}（{GreenPolicy.Domain.Text.ChineseNumerals.ToChinese(b)}）第{c}段"),
            Gen.Select(numbers, numbers, (a, b) => $"专栏{a}第{b}项"));
        locators.Sample(l =>
        {
            var once = CitationParser.Parse("长江经济带指导意见 " + l).Locator!;
            var twice = CitationParser.Parse("长江经济带指导意见 " + once).Locator!;
            Assert.Equal(once.Steps.Select(s => (s.Kind, s.Number)), twice.Steps.Select(s => (s.Kind, s.Number)));
        });
    }

    private static void CheckSpans(string s, ParsedCitation p)
    {
        foreach (var span in new[] { p.TitleSpan, p.DocNumberSpan, p.Locator?.Span }.OfType<GreenPolicy.Domain.TextSpan>())
            Assert.InRange(span.End, 0, s.Length);
    }

    private static string Slice(string s, GreenPolicy.Domain.TextSpan span) => s.Substring(span.Start, span.Length);
}
