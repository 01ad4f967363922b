using GreenPolicy.Domain;
using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>Small hand-made documents, one numbering style each, so each rule can fail on its own.</summary>
public class StructureParserTests
{
    private static readonly DocumentMeta Meta = new()
    {
        Id = "test-doc", Title = "测试规划", DocNumber = "测发〔2020〕1号", Level = Levels.Provincial, Jurisdiction = "CN-SC",
    };

    private static ParsedDocument Parse(string body, DocumentMeta? meta = null) => StructureParser.Parse(meta ?? Meta, body);

    private static string Ids(ParsedDocument d) => string.Join(" ", d.Clauses.Select(c => c.EId));

    [Fact]
    public void Items_with_inline_titles_are_clauses_with_headings_locators_and_citations()
    {
        var d = Parse("""
            一、主要任务

            （一）优化产业布局。落实产业转移指南。

            （二）调整产业结构。加大过剩产能压减力度。
            """);
        Assert.Equal("part_1__item_1 part_1__item_2", Ids(d));
        var c = d.Clauses[1];
        Assert.Equal("test-doc/part_1__item_2", c.Id);
        Assert.Equal(ClauseKinds.Item, c.Kind);
        Assert.Equal("调整产业结构", c.Heading);
        Assert.Equal("一（二）", c.Locator);
        Assert.Equal("《测试规划》（测发〔2020〕1号）一（二）", c.Citation);
        Assert.Equal("（二）调整产业结构。加大过剩产能压减力度。", c.Text); // the number stays in the text
        Assert.Equal(["一、主要任务"], c.Path);
        Assert.Equal("part_1", c.ParentEId);
        Assert.Equal(5, c.Line);
        Assert.Equal(["part_1"], d.Units.Select(u => u.EId));
    }

    [Fact]
    public void A_document_without_a_number_is_cited_by_title_alone()
    {
        var d = Parse("一、总则\n\n（一）加强领导。各地要落实。\n", Meta with { DocNumber = null });
        Assert.Equal("《测试规划》一（一）", d.Clauses.Single().Citation);
    }

    [Fact]
    public void A_sentence_split_by_a_page_break_is_one_clause()
    {
        // 000 （九）: "…在上" + blank lines + "海临港…".
        var d = Parse("一、任务\n\n（一）发展节能环保产业。在重庆等地，在上\n\n\n海临港、合肥等地加快建设。\n\n（二）加强资源综合利用。推进利用。\n");
        Assert.Equal("part_1__item_1 part_1__item_2", Ids(d));
        Assert.Equal("（一）发展节能环保产业。在重庆等地，在上海临港、合肥等地加快建设。", d.Clauses[0].Text);
    }

    [Fact]
    public void A_signature_after_a_last_clause_without_full_stop_is_not_joined_to_it()
    {
        var d = Parse("一、保障\n\n（一）加强宣传。营造良好氛围\n\n工业和信息化部\n\n2017年6月30日\n");
        Assert.Equal("（一）加强宣传。营造良好氛围", d.Clauses.Single().Text);
        Assert.Equal([MetadataKinds.Signature, MetadataKinds.Date], d.Metadata.Select(m => m.Kind));
    }

    [Fact]
    public void A_new_number_after_an_unfinished_sentence_still_starts_a_clause()
    {
        // 004 第五章第二节 ends "…和污染治理" without 。 and the next line is 第三节.
        var d = Parse("第一章 任务\n\n第一节 改造\n\n推进重点行业集中连片清洁生产改造和污染治理\n\n第二节 工艺\n\n推广清洁高效制造工艺。\n");
        Assert.Equal("chp_1__sec_1__para_1 chp_1__sec_2__para_1", Ids(d));
        Assert.Equal("第一章第二节第1段", d.Clauses[1].Locator);
    }

    [Fact]
    public void A_heading_item_with_several_topic_paragraphs_is_a_unit_of_paragraphs()
    {
        // 002 三（一）: a heading line, a lead paragraph, then topic-sentence paragraphs.
        var d = Parse("""
            三、主要任务

            （一）大力推进能效提升，加快实现节约发展

            坚持节约优先，大力推进能源消费革命，提高工业能源利用效率，促进企业降本增效。

            以供给侧结构性改革为导向，推进结构节能。把优化工业结构作为重要途径。

            以先进适用技术装备应用为手段，强化技术节能。全面推进节能技术改造。
            """);
        Assert.Equal("part_3__item_1__para_1 part_3__item_1__para_2 part_3__item_1__para_3", Ids(d));
        Assert.Null(d.Clauses[0].Heading);
        Assert.Equal("以供给侧结构性改革为导向，推进结构节能", d.Clauses[1].Heading);
        Assert.Equal("三（一）第2段", d.Clauses[1].Locator);
        Assert.Equal(["三、主要任务", "（一）大力推进能效提升，加快实现节约发展"], d.Clauses[1].Path);
        var unit = d.Units.Single(u => u.EId == "part_3__item_1");
        Assert.Equal(UnitKinds.Item, unit.Kind);
        Assert.Equal("三（一）", unit.Locator);
        Assert.Equal("part_3", unit.ParentEId);
    }

    [Fact]
    public void A_heading_item_with_one_paragraph_is_one_clause()
    {
        // 002 二（一） 指导思想 and 四（一） 加强组织领导: the heading names its single paragraph.
        var d = Parse("二、总体要求\n\n（一）指导思想\n\n贯彻落实党的十八大精神，牢固树立新发展理念。\n\n（二）基本原则\n\n创新驱动，标准引领。促进创新。\n\n政策引导，市场推动。发挥作用。\n");
        Assert.Equal("part_2__item_1 part_2__item_2__para_1 part_2__item_2__para_2", Ids(d));
        Assert.Equal("指导思想", d.Clauses[0].Heading);
        Assert.Equal("贯彻落实党的十八大精神，牢固树立新发展理念。", d.Clauses[0].Text);
        Assert.Equal("二（一）", d.Clauses[0].Locator);
        Assert.DoesNotContain(d.Units, u => u.EId == "part_2__item_1");
    }

    [Fact]
    public void Numbering_restarts_and_continuous_numbering_keep_path_based_ids()
    {
        // 003 restarts （一） in 四; 000 numbers （一）…（二十一） across parts.
        var d = Parse("三、任务\n\n(一)甲。甲。\n\n(二)乙。乙。\n\n四、保障\n\n(一)丙。丙。\n\n五、其他\n\n（十八）丁。丁。\n");
        Assert.Equal("part_3__item_1 part_3__item_2 part_4__item_1 part_5__item_18", Ids(d));
        Assert.Equal("五（十八）", d.Clauses[^1].Locator);
    }

    [Fact]
    public void Bullets_are_points_counted_within_their_parent()
    {
        var d = Parse("二、主要目标\n\n——到2018年底，粉煤灰综合利用率超过90%。\n\n——到2019年底，能耗大幅下降。\n");
        Assert.Equal("part_2__point_1 part_2__point_2", Ids(d));
        Assert.Equal(ClauseKinds.Point, d.Clauses[0].Kind);
        Assert.Equal("二——2", d.Clauses[1].Locator);
        Assert.StartsWith("——", d.Clauses[0].Text);
    }

    [Fact]
    public void Chapters_sections_and_lower_numberings_nest()
    {
        // A sixth document in styles the corpus barely uses: 1. under 第N节, （1） under 1., ① under （1）.
        var d = Parse("""
            第一章 总则

            第一节 目标

            1.提高能效。到2020年能耗下降。

            2.加强管理。分三步：

            （1）建立制度。制定办法。

            （2）开展考核。每年一次。

            ①省级考核。由省负责。

            第二章 保障
            """);
        Assert.Equal("chp_1__sec_1__subitem_1 chp_1__sec_1__subitem_2__para_1 chp_1__sec_1__subitem_2__subitem_1 " +
                     "chp_1__sec_1__subitem_2__subitem_2__para_1 chp_1__sec_1__subitem_2__subitem_2__subitem_1", Ids(d));
        Assert.Equal("第一章第一节2（2）①", d.Clauses[^1].Locator);
        Assert.Contains(d.Units, u => u.EId == "chp_2" && u.Kind == UnitKinds.Chapter);
    }

    [Fact]
    public void Boxes_hold_items_and_end_at_the_next_open_heading()
    {
        var d = Parse("""
            三、主要任务

            （一）推进能效提升

            坚持节约优先，提高效率。

            	专栏2 能效提升工程

            	重点行业系统改造。钢铁行业实施技术改造。
            高耗能通用设备改造。在电机系统实施改造。


            （二）推进清洁生产

            减少有毒有害原料使用。修订目录。
            """);
        Assert.Equal("part_3__item_1__para_1 part_3__box_2__item_1 part_3__box_2__item_2 part_3__item_2", Ids(d));
        var item = d.Clauses.Single(c => c.EId == "part_3__box_2__item_2");
        Assert.Equal(ClauseKinds.BoxItem, item.Kind);
        Assert.Equal("专栏2第2项", item.Locator);
        Assert.Equal("高耗能通用设备改造", item.Heading);
        Assert.Equal(["三、主要任务", "（一）推进能效提升", "专栏2能效提升工程"], item.Path);
        Assert.Equal("part_3__box_2", item.ParentEId);
        Assert.Equal("part_3__item_2", d.Clauses[^1].EId);
    }

    [Fact]
    public void Box_items_led_by_a_label_are_not_joined_even_without_a_full_stop()
    {
        // 004 专栏4: "食品发酵：…等技术改造" (no 。) then "火力发电：…".
        var d = Parse("第一章 节水\n\n专栏4 高耗水行业水效提升工程\n\n食品发酵：实施分子蒸馏等技术改造\n\n火力发电：火电行业实施节水改造。\n");
        Assert.Equal("chp_1__box_4__item_1 chp_1__box_4__item_2", Ids(d));
        Assert.Equal("火力发电", d.Clauses[1].Heading);
    }

    [Fact]
    public void Indicator_tables_become_rows_with_cells_by_column()
    {
        var body = "二、目标\n\n\t专栏1 主要指标\n\n\t指\u3000\u3000标\n\t2015年\n\t2020年\n\t变化幅度\n\n/变化率\n\n" +
                   "\t（1）单位工业增加值能耗降低（%）\n\t1.218\n\t0.999\n\t[-18]\n\n" +
                   "\t吨钢综合能耗（千克标准煤）\n\t549\n\t540\n\t\n\n" +
                   "\t烧碱（氢氧化钠）综合能耗\n\t369\n\t325\n\t-44\n\n" +
                   "\t注：[\u3000]内为变化率。\n\n\n三、任务\n\n（一）推进。推进。\n";
        var d = Parse(body);
        Assert.Equal("part_2__box_1__row_1 part_2__box_1__row_2 part_2__box_1__row_3 part_2__box_1__para_1 part_3__item_1", Ids(d));
        var first = d.Clauses[0];
        Assert.Equal(ClauseKinds.IndicatorRow, first.Kind);
        Assert.Equal("专栏1第1行", first.Locator);
        Assert.Equal(new IndicatorRow("单位工业增加值能耗降低", "%",
            [new("2015年", "1.218"), new("2020年", "0.999"), new("变化幅度/变化率", "[-18]")]), first.Row, new RowComparer());
        Assert.Equal("千克标准煤", d.Clauses[1].Row!.Unit);
        Assert.Equal(2, d.Clauses[1].Row!.Cells.Count);                 // the empty change cell is left out
        Assert.Null(d.Clauses[2].Row!.Unit);                            // "（氢氧化钠）" is not a unit
        Assert.Equal("烧碱（氢氧化钠）综合能耗", d.Clauses[2].Row!.Indicator);
        Assert.Equal("专栏1注", d.Clauses[3].Locator);                   // the note is kept as text of the box
        Assert.Contains(d.Metadata, m => m.Kind == MetadataKinds.TableHeader);
    }

    [Theory]
    [InlineData("（1）规模以上企业单位工业增加值能耗下降（%）", "规模以上企业单位工业增加值能耗下降", "%")]
    [InlineData("废塑料（国内）（万吨）", "废塑料（国内）", "万吨")]
    [InlineData("其中：尾矿（%）", "尾矿", "%")]
    [InlineData("电解铝液交流电耗（千瓦时/吨）", "电解铝液交流电耗", "千瓦时/吨")]
    [InlineData("烧碱（氢氧化钠）综合能耗", "烧碱（氢氧化钠）综合能耗", null)]
    public void Parses_indicator_names_and_units(string text, string indicator, string? unit) =>
        Assert.Equal((indicator, unit), OutlineReader.IndicatorName(text));

    [Fact]
    public void Frame_lines_and_trailers_are_metadata_not_clauses()
    {
        var d = Parse("""
            关于印发某某行动计划的通知

            测发〔2020〕1号

            各市（州）经济和信息化主管部门：

            现将《某某行动计划》印发给你们，请认真贯彻执行。

            某某省经济和信息化厅

            2020年3月1日

            (此件公开发布)

            某某行动计划

            一、总体要求

            [bookmark: _GoBack]坚持绿色发展。

            附件：1.重点项目清单
            2.产业转移指南

            （联系电话：010-12345678）

            原文地址：<http://example.org/a.html>
            """);
        Assert.Equal("preamble part_1__para_1", Ids(d));
        Assert.Equal("坚持绿色发展。", d.Clauses[1].Text);
        var kinds = d.Metadata.Select(m => m.Kind).ToList();
        Assert.Equal([MetadataKinds.Title, MetadataKinds.DocNumber, MetadataKinds.Addressee, MetadataKinds.Signature,
            MetadataKinds.Date, MetadataKinds.PublicationNote, MetadataKinds.Title, MetadataKinds.Artefact,
            MetadataKinds.Attachments, MetadataKinds.Contact, MetadataKinds.SourceUrl], kinds);
    }

    [Fact]
    public void An_annex_is_a_unit_of_paragraphs()
    {
        var d = Parse("一、要求\n\n（一）甲。甲。\n\n附件\n\n重点区域具体范围\n\n重点区域：京津冀及周边地区。\n\n重点流域：长江经济带。\n");
        Assert.Equal("part_1__item_1 annex_1__para_1 annex_1__para_2", Ids(d));
        Assert.Equal("附件第2段", d.Clauses[^1].Locator);
        Assert.Equal("附件 重点区域具体范围", d.Units.Single(u => u.Kind == UnitKinds.Annex).Heading);
    }

    [Fact]
    public void Repeated_numbers_still_give_unique_ids()
    {
        var d = Parse("一、任务\n\n（三）甲。甲。\n\n（三）乙。乙。\n");
        Assert.Equal("part_1__item_3 part_1__item_3_2", Ids(d));
    }

    [Fact]
    public void Crlf_and_lf_bodies_parse_alike()
    {
        const string body = "一、任务\n\n（一）甲。在上\n\n海。\n\n（二）乙。乙。\n";
        var lf = Parse(body);
        var crlf = Parse(body.Replace("\n", "\r\n"));
        Assert.Equal(lf.Clauses.Select(c => (c.EId, c.Text, c.Line)), crlf.Clauses.Select(c => (c.EId, c.Text, c.Line)));
    }

    private sealed class RowComparer : IEqualityComparer<IndicatorRow?>
    {
        public bool Equals(IndicatorRow? x, IndicatorRow? y) =>
            x is not null && y is not null && x.Indicator == y.Indicator && x.Unit == y.Unit && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode(IndicatorRow? obj) => 0;
    }
}

public class StructureParserStyleTests
{
    private static readonly DocumentMeta Meta = new() { Id = "t", Title = "T", Level = Levels.National, Jurisdiction = "CN" };

    private static string Ids(string body) => string.Join(" ", StructureParser.Parse(Meta, body).Clauses.Select(c => c.EId));

    [Fact]
    public void A_division_with_inline_text_keeps_its_text_as_a_paragraph()
    {
        var d = StructureParser.Parse(Meta, "一、总体要求。坚持绿色发展，推进节能。\n\n到2020年，能耗下降。\n");
        Assert.Equal("part_1__para_1 part_1__para_2", string.Join(" ", d.Clauses.Select(c => c.EId)));
        Assert.Equal("一、总体要求", d.Units.Single().Heading);
        Assert.Equal("一、总体要求。坚持绿色发展，推进节能。", d.Clauses[0].Text);
    }

    [Fact]
    public void Markdown_lists_and_ascii_dots_are_layout_forms_of_the_same_numbering()
    {
        Assert.Equal("part_1__point_1 part_1__point_2 part_2__subitem_1 part_2__subitem_2",
            Ids("## 一.目标\n\n- 到2020年，能耗下降。\n- 到2020年，水耗下降。\n\n## 二.任务\n\n1. 节能。推进节能。\n2. 节水。推进节水。\n"));
    }

    [Fact]
    public void A_box_at_the_top_level_ends_at_the_document_s_next_item()
    {
        Assert.Equal("item_1 box_1__item_1 box_1__item_2 item_2",
            Ids("（一）节能。推进节能。\n\n专栏1 重点工程\n\n节能改造。实施改造。\n节水改造。实施改造。\n\n（二）节水。推进节水。\n"));
    }

    [Fact]
    public void Numbered_entries_inside_a_box_are_its_items()
    {
        const string body = "一、任务\n\n（一）节能。推进节能。\n\n专栏1 重点工程\n\n1.节能改造。实施改造。\n2.节水改造。实施改造。\n\n二、保障\n\n（一）加强领导。落实责任。\n";
        Assert.Equal("part_1__item_1 part_1__box_1__item_1 part_1__box_1__item_2 part_2__item_1", Ids(body));
        Assert.Equal("节水改造", StructureParser.Parse(Meta, body).Clauses[2].Heading);
    }

    [Fact]
    public void Articles_are_clauses_cited_alone_and_hold_their_items()
    {
        var d = StructureParser.Parse(Meta, "第一章 总则\n\n第一条 为规范节能管理，制定本办法。\n\n第二章 管理\n\n第二条 重点用能单位应当：\n\n（一）建立能源管理制度；\n\n（二）设立能源管理岗位。\n\n第三条\n\n本办法自发布之日起施行。\n");
        Assert.Equal("chp_1__art_1 chp_2__art_2__para_1 chp_2__art_2__item_1 chp_2__art_2__item_2 chp_2__art_3",
            string.Join(" ", d.Clauses.Select(c => c.EId)));
        Assert.Equal(ClauseKinds.Article, d.Clauses[0].Kind);
        Assert.Equal("第一条", d.Clauses[0].Locator);
        Assert.Equal("第二条（二）", d.Clauses[3].Locator);
        Assert.Equal("第三条 本办法自发布之日起施行。", d.Clauses[^1].Text); // a number alone on its line joins its text
        Assert.Equal(UnitKinds.Article, d.Units.Single(u => u.EId == "chp_2__art_2").Kind);
    }

    [Fact]
    public void Imprint_and_copy_lines_are_metadata()
    {
        var d = StructureParser.Parse(Meta, "一、任务\n\n（一）节能。推进节能。\n\n抄送：国家发展改革委。\n\n贵州省人民政府办公厅 2018年4月8日印发\n");
        Assert.Single(d.Clauses);
        Assert.Equal([MetadataKinds.Imprint, MetadataKinds.Imprint], d.Metadata.Select(m => m.Kind));
    }
}

public class OneLineTableTests
{
    private static readonly DocumentMeta Meta = new() { Id = "t", Title = "T", Level = Levels.National, Jurisdiction = "CN" };

    [Fact]
    public void A_markdown_table_in_a_box_gives_rows()
    {
        var d = StructureParser.Parse(Meta, "一、目标\n\n专栏1 主要指标\n\n| 指标 | 2015年 | 2020年 |\n| --- | --- | --- |\n| 单位工业增加值能耗（%） | — | 18 |\n| 吨钢综合能耗（千克标准煤） | 572 | 560 |\n\n注：均为指导性指标。\n\n二、任务\n\n（一）节能。推进。\n");
        Assert.Equal("part_1__box_1__row_1 part_1__box_1__row_2 part_1__box_1__para_1 part_2__item_1", string.Join(" ", d.Clauses.Select(c => c.EId)));
        Assert.Equal([new TableCell("2015年", "572"), new TableCell("2020年", "560")], d.Clauses[1].Row!.Cells);
        Assert.Equal("%", d.Clauses[0].Row!.Unit);
    }

    [Fact]
    public void A_tab_separated_table_outside_a_box_gives_rows_of_its_unit()
    {
        var d = StructureParser.Parse(Meta, "一、目标\n\n到2020年，完成以下指标。\n\n指标\t2015年\t2020年\n能耗下降（%）\t—\t18\n用水量下降（%）\t—\t23\n\n二、任务\n");
        Assert.Equal("part_1__para_1 part_1__row_1 part_1__row_2", string.Join(" ", d.Clauses.Select(c => c.EId)));
        Assert.Equal("一第2行", d.Clauses[2].Locator);
        Assert.Equal(new TableCell("2020年", "23"), d.Clauses[2].Row!.Cells[^1]);
    }

    [Fact]
    public void Headings_laid_out_with_tabs_are_not_tables()
    {
        var d = StructureParser.Parse(Meta, "第一章\t总则\n第一节\t目标\n到2020年，能耗下降。\n");
        Assert.Equal("chp_1__sec_1__para_1", Assert.Single(d.Clauses).EId);
    }

    [Theory]
    [InlineData("| 指标 | 2015年 | 2020年 |", new[] { "指标", "2015年", "2020年" })]
    [InlineData("\t吨钢综合能耗\t572\t560", new[] { "吨钢综合能耗", "572", "560" })]
    [InlineData("\t（1）规模以上企业单位工业增加值能耗下降（%）", null)]   // 002's layout: one cell per line, indentation only
    [InlineData("推进结构节能。把优化工业结构作为途径。", null)]
    public void Splits_one_line_rows(string raw, string[]? cells) =>
        Assert.Equal(cells, OutlineReader.RowCells(raw)?.ToArray());
}
