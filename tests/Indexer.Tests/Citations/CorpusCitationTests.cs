using CsCheck;

namespace GreenPolicy.Indexer.Tests.Citations;

/// <summary>
/// Citations of every kind issue 4 lists, resolved over the real corpus (beyond the evaluation rows, so
/// that a fix holds for the kind of case, not the row). Expected: the target id, or null for unresolved.
/// </summary>
public sealed class CorpusCitationTests
{
    private static readonly Lazy<GreenPolicy.Domain.Citations.CitationResolver> Resolver = new(CitationEvalTests.CorpusResolver);

    public static TheoryData<string, string?> Cases => new()
    {
        // 文号 in every bracket style, resolved to the document.
        { "工信部联节(2017)178号", "miit-2017-178" },
        { "工信部联节［2017］178号", "miit-2017-178" },
        { "工信部联节﹝2017﹞第178号", "miit-2017-178" },
        { "工信部联节2017年178号", "miit-2017-178" },
        { "工信部规 〔 2016 〕 225 号", "miit-2016-225" },
        { "黔府办发（２０１８）１４号", "guizhou-2018-14" },          // full-width digits and brackets
        { "工信部节〔2018〕999号", null },                         // no such 文号
        { "工信部联节〔2017〕178号 工业绿色发展规划", null },       // 文号 and title disagree: never pick one
        // Titles: full, 《》, short, period variants, typo.
        { "《工业绿色发展规划（2016-2020年）》", "miit-2016-225" },
        { "工业绿色发展规划(2016—2020年)", "miit-2016-225" },
        { "工业绿色发展规划", "miit-2016-225" },                   // a short title, though 004's title contains it
        { "长江经济带指导意见", "miit-2017-178" },
        { "四川省十三五工业绿色发展规划", "sichuan-13fyp" },
        { "工业绿色发屐规划", "miit-2016-225" },                   // one wrong character
        { "三年行动计划", null },                                  // 001 and 003 both: ambiguous
        // Numbers name other documents, never a typo of ours.
        { "《“十四五”工业绿色发展规划》", null },
        { "工业绿色发展规划（2021-2025年）", null },
        { "四川省十四五工业绿色发展规划", null },
        { "贵州省绿色制造三年行动计划（2018—2021年）", null },
        { "工信部节〔2018〕137号", null },
        { "贵洲省绿色制造三年行动计划三（二）", "guizhou-2018-14/part_3__item_2" },  // typo, no space
        { "长江经济带指导意建第十四条", "miit-2017-178/part_5__item_14" },           // typo in a short title
        { "工业绿色发展规划主要任务", "miit-2016-225#part_3" },
        { "贵州省绿色制造三年行动计划 主要目标部分第2条", "guizhou-2018-14/part_2__point_2" },
        { "贵州省绿色制造三年行动计划 二、主要目标", "guizhou-2018-14#part_2" },   // the heading with its number
        { "不存在的规划", null },
        // A title's first and last words (贵州…行动计划, 四川…规划), the rest left out.
        { "贵州行动计划 三（二）", "guizhou-2018-14/part_3__item_2" },
        { "四川规划第六章", "sichuan-13fyp#chp_6" },
        { "长江指导意见 第十四条", "miit-2017-178/part_5__item_14" },
        { "四川十四五规划", null },                                 // the numbers in it are no part of 004's title
        { "贵州规划", null },                                       // 003 is a 行动计划
        { "《四川规划》", null },                                   // a title in 《》 is written out, not shortened
        // Continuously numbered documents: a bare locator is unique.
        { "长江经济带指导意见第十四条", "miit-2017-178/part_5__item_14" },
        { "长江经济带指导意见（十四）", "miit-2017-178/part_5__item_14" },
        { "工信部联节〔2017〕178号 第21条", "miit-2017-178/part_6__item_21" },
        { "长江经济带指导意见 六（二十一）", "miit-2017-178/part_6__item_21" },
        { "长江经济带指导意见 三（五）", null },                   // （五） is under 二, not 三
        { "长江经济带指导意见第（二十二）条", null },              // only （一）…（二十一）
        { "工业和通信业污染防治攻坚战三年行动计划第十五条", null }, // only （一）…（十四）
        { "坚决打好工业和通信业污染防治攻坚战三年行动计划 二（三）", "miit-2018-136/part_2__item_3" },
        // Part-relative numbering: a bare item is ambiguous, with the part it is not.
        { "《贵州省绿色制造三年行动计划（2018—2020年）》（五）", null },
        { "贵州省绿色制造三年行动计划 四（五）", "guizhou-2018-14/part_4__item_5" },
        { "工业绿色发展规划第（一）条", null },                    // 二（一） and 三（一）
        { "工业绿色发展规划 三（一）", "miit-2016-225#part_3__item_1" },
        { "黔府办发〔2018〕14号 二——2", "guizhou-2018-14/part_2__point_2" },
        { "工业绿色发展规划一第2段", "miit-2016-225/part_1__para_2" },
        { "工信部规〔2016〕225号 三.(二)", "miit-2016-225#part_3__item_2" },          // 三. as people type 三、
        // Words after a 文号 that only say it is a document.
        { "黔府办发〔2018〕14号文件", "guizhou-2018-14" },
        { "黔府办发〔2018〕14号文件 三（二）", "guizhou-2018-14/part_3__item_2" },
        { "黔府办发〔2018〕14号文 三（二）", "guizhou-2018-14/part_3__item_2" },
        { "黔府办发〔2018〕14号的三（二）", "guizhou-2018-14/part_3__item_2" },
        { "黔府办发〔2018〕14号 全文", "guizhou-2018-14" },
        { "黔府办发〔2018〕14号通知", "guizhou-2018-14" },
        { "工信部联节〔2017〕178号 第三（七）", "miit-2017-178/part_3__item_7" },
        { "黔府办发〔2018〕14号的三", "guizhou-2018-14#part_3" },
        { "黔府办发〔2018〕14号、三", "guizhou-2018-14#part_3" },
        // What is asked of the unit, after its locator.
        { "黔府办发〔2018〕14号三（二）的规定", "guizhou-2018-14/part_3__item_2" },
        { "贵州省绿色制造三年行动计划三（二）的要求", "guizhou-2018-14/part_3__item_2" },
        { "《贵州省绿色制造三年行动计划（2018—2020年）》三（二）规定", "guizhou-2018-14/part_3__item_2" },   // a bare part glued to the title, then a paragraph
        // Named parts.
        { "贵州省绿色制造三年行动计划 主要目标", "guizhou-2018-14#part_2" },
        { "《贵州省绿色制造三年行动计划（2018—2020年）》主要目标第三条", "guizhou-2018-14/part_2__point_3" },
        { "贵州绿色制造三年行动计划保障措施第（二）条", "guizhou-2018-14/part_4__item_2" },
        // Chapters, sections, boxes, rows, annexes.
        { "四川十三五工业绿色发展规划 第四章第一节", "sichuan-13fyp#chp_4__sec_1" },
        { "四川十三五工业绿色发展规划第4章", "sichuan-13fyp#chp_4" },
        { "四川十三五工业绿色发展规划 第四章第一节第9段", null },
        { "四川省“十三五”工业绿色发展规划 专栏3", "sichuan-13fyp#chp_4__sec_1__box_3" },
        { "四川省“十三五”工业绿色发展规划 专栏3第2项", "sichuan-13fyp/chp_4__sec_1__box_3__item_2" },
        { "工业绿色发展规划 专栏1第3行", "miit-2016-225/part_2__box_1__row_3" },
        { "工业绿色发展规划 专栏9", null },
        { "《工业绿色发展规划》第四章", null },                    // 002 has parts, not chapters
        { "工信部规〔2016〕225号 第三部分", "miit-2016-225#part_3" },
        { "工信部节〔2018〕136号 附件", "miit-2018-136#annex_1" },
        { "长江经济带指导意见 附件", null },                       // 000 mentions 附件1, 附件2 but does not include them
        // Mixed forms as people write them.
        { "《工业绿色发展规划（2016—2020年）》专栏四", "miit-2016-225#part_3__box_4" },          // Chinese numeral box
        { "工信部规〔2016〕225号 二（三）", "miit-2016-225#part_2__item_3" },                     // an item holding paragraphs
        { "四川省“十三五”工业绿色发展规划 第二章第三节", "sichuan-13fyp#chp_2__sec_3" },
        { "四川省十三五工业绿色发展规划 第4章 第1节 第2段", "sichuan-13fyp/chp_4__sec_1__para_2" },
        { "坚决打好工业和通信业污染防治攻坚战三年行动计划（工信部节〔2018〕136号）第（十二）条", "miit-2018-136/part_5__item_12" },
        { "工信部节〔2018〕136号第十四条", "miit-2018-136/part_5__item_14" },                  // no space after 号
        { "工信部联节[2017]178号（二十一）", "miit-2017-178/part_6__item_21" },
        { "长江经济带工业绿色发展指导意见 第二部分", "miit-2017-178#part_2" },
        { "贵州省绿色制造三年行动计划 第四部分第五条", "guizhou-2018-14/part_4__item_5" },
        { "贵州省绿色制造三年行动计划第五条", null },                                            // 三（五） or 四（五）
        { "黔府办发〔2018〕14号 总体要求", "guizhou-2018-14#part_1" },
        // No document named.
        { "第十四条", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_over_the_corpus(string input, string? expected)
    {
        var res = Resolver.Value.Resolve(input);
        Assert.True(expected == res.Target?.Id, $"{input}: expected {expected ?? "unresolved"}, got {res.Target?.Id ?? "unresolved: " + res.Reason}");
        if (expected is null)
            Assert.False(string.IsNullOrWhiteSpace(res.Reason));
    }

    [Fact]
    public void An_ambiguous_item_lists_both_candidates_and_says_where()
    {
        var res = Resolver.Value.Resolve("贵州省绿色制造三年行动计划（五）");
        Assert.False(res.Resolved);
        Assert.Equal(["guizhou-2018-14/part_3__item_5", "guizhou-2018-14/part_4__item_5"], res.Candidates.Select(c => c.Id));
        Assert.Contains("2处", res.Reason);
        Assert.Contains("重点任务", res.Reason);
        Assert.Contains("保障措施", res.Reason);
    }

    [Fact]
    public void An_item_cited_under_the_wrong_part_offers_where_it_is()
    {
        var res = Resolver.Value.Resolve("长江经济带指导意见 三（五）");
        Assert.False(res.Resolved);
        Assert.Equal(["miit-2017-178/part_2__item_5"], res.Candidates.Select(c => c.Id));
        Assert.Contains("（五）见于二（五）", res.Reason);
    }

    [Fact]
    public void A_missing_chapter_says_which_chapters_exist()
    {
        var res = Resolver.Value.Resolve("四川十三五工业绿色发展规划第十章");
        Assert.Equal("该文件没有第十章（《四川省“十三五”工业绿色发展规划》），现有第一章至第九章", res.Reason);
    }

    [Fact]
    public void A_box_target_carries_its_heading_items_citation_and_url()
    {
        var t = Resolver.Value.Resolve("工业绿色发展规划 专栏3").Target!;
        Assert.Equal("box", t.Kind);
        Assert.StartsWith("专栏3 绿色清洁生产推进工程", t.Text);
        Assert.Contains("工业节水专项行动", t.Text);            // its last item
        Assert.Equal("《工业绿色发展规划（2016-2020年）》（工信部规〔2016〕225号）专栏3", t.Citation);
        Assert.Equal("/documents/miit-2016-225#part_3__box_3", t.Url);
    }

    [Theory]
    [InlineData("工信部规〔2016〕225号 二（二）abc", "二（二）abc")]
    [InlineData("工信部规〔2016〕225号 二（二）2", "二（二）2")]
    [InlineData("工信部规〔2016〕225号 xyz", "xyz")]
    public void Words_after_a_docnumber_that_are_no_locator_are_not_dropped(string input, string words)
    {
        var res = Resolver.Value.Resolve(input);
        Assert.False(res.Resolved, $"{input} resolved to {res.Target?.Citation}");
        Assert.Contains($"看不懂其后的“{words}”", res.Reason);
        Assert.Equal("miit-2016-225", Assert.Single(res.Candidates).Id);   // the document it names is offered
    }

    [Fact]
    public void A_covering_title_before_the_docnumber_still_resolves_by_the_number() =>
        Assert.Equal("miit-2016-225", Resolver.Value.Resolve("工业和信息化部关于印发工业绿色发展规划的通知 工信部规〔2016〕225号").Target?.Id);

    [Theory]
    [InlineData("工信部规〔2016〕225号", "为落实《国民经济和社会发展第十三个五年规划纲要》")]   // 002 opens with a word processor's bookmark
    [InlineData("黔府办发〔2018〕14号", "省人民政府办公厅关于转发")]                          // the 发文 title lines
    public void A_document_target_shows_what_names_the_document_not_artefacts(string input, string start)
    {
        var t = Resolver.Value.Resolve(input).Target!;
        Assert.Equal("document", t.Kind);
        Assert.StartsWith(start, t.Text);
        Assert.DoesNotContain("bookmark", t.Text);
    }

    [Fact]
    public void A_clause_target_uses_the_clause_citation_and_url()
    {
        var t = Resolver.Value.Resolve("工信部节【2018】136号 三（六）").Target!;
        Assert.Equal("clause", t.Kind);
        Assert.Equal("/clauses/miit-2018-136/part_3__item_6", t.Url);
        Assert.EndsWith("三（六）", t.Citation);
        Assert.Contains("全国工业固体废物综合利用率达到73%", t.Text);
    }

    [Theory]
    [InlineData("长江经济带", false)]                 // contained in 000's title, but a search word, not a citation
    [InlineData("长江经济带指导意见", true)]           // a short title from the front matter, matched exactly
    [InlineData("工业绿色发展规划", true)]
    [InlineData("长江经济带 第十四条", true)]
    [InlineData("工信部节〔2018〕136号", true)]
    public void Tells_a_citation_from_a_search_that_happens_to_name_a_document(string input, bool explicitCitation)
    {
        var res = Resolver.Value.Resolve(input);
        Assert.True(res.Resolved, res.Reason);
        Assert.Equal(explicitCitation, res.IsExplicit);
    }

    [Fact]
    public void Never_throws_on_arbitrary_or_citation_like_text()
    {
        var noise = Gen.String[Gen.OneOf("《》〔〕（）()[]【】第条章节段项行部分专栏附件注一二三五十四0123４号年工信部节规划贵州四川十三五主要目标保障措施 ——、".ToCharArray()), 0, 50];
        Gen.OneOf(Gen.String, noise).Sample(s =>
        {
            var res = Resolver.Value.Resolve(s);
            Assert.True(res.Resolved || !string.IsNullOrWhiteSpace(res.Reason), s);
        });
    }

    [Fact]
    public void Resolves_the_titles_a_clause_cites()
    {
        // 000's 总体要求: 扎实推进《工业绿色发展规划（2016-2020年）》; 全面实施中国制造2025 is not in 《》.
        const string text = "全面实施中国制造2025，扎实推进《工业绿色发展规划（2016-2020年）》，落实《中国制造2025》和黔府办发〔2018〕14号";
        var mentions = GreenPolicy.Domain.Citations.CitationParser.FindInText(text);
        var targets = mentions.Select(m => Resolver.Value.ResolveMention(text, m).Target?.Id).ToList();
        Assert.Equal(["miit-2016-225", null, "guizhou-2018-14"], targets);
    }
}
