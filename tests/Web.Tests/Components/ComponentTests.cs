using Bunit;
using GreenPolicy.Domain;
using GreenPolicy.Search;
using GreenPolicy.Web.Components.Shared;

namespace GreenPolicy.Web.Tests.Components;

// Components rendered alone with hand-made values: each test states what a person must see.
public sealed class ComponentTests : BunitContext
{
    private static SearchHit Hit(string id, string snippet, string? heading = null) => new()
    {
        Id = id,
        DocId = id.Split('/')[0],
        DocTitle = "贵州省绿色制造三年行动计划（2018—2020年）",
        Citation = "《贵州省绿色制造三年行动计划（2018—2020年）》（黔府办发〔2018〕14号）三（二）",
        Locator = "三（二）",
        Heading = heading,
        Text = "严格控制电解铝新增产能。",
        Snippet = snippet,
        Industries = [new IndustryTag("C3216", "电解铝", new TextSpan(4, 3), "dict")],
        Departments = [new DepartmentTag("省经济和信息化委", "贵州省经济和信息化委员会", Roles.Lead, new TextSpan(0, 2), "rule")],
        TargetYears = [2020],
        Modality = [Modalities.Prohibit],
    };

    [Fact]
    public void Hit_list_renders_the_snippet_marks_but_escapes_every_other_field()
    {
        var cut = Render<HitList>(p => p.Add(x => x.Hits, [Hit("guizhou-2018-14/part_3__item_2", "严格控制<mark>电解铝</mark>新增产能", "<b>控制</b>产能")]));
        Assert.Single(cut.FindAll("mark"));
        Assert.Equal("电解铝", cut.Find("mark").TextContent);
        Assert.Empty(cut.FindAll("b"));
        Assert.Contains("&lt;b&gt;", cut.Markup);
        Assert.Equal("/clauses/guizhou-2018-14/part_3__item_2", cut.Find("h2 a").GetAttribute("href"));
        Assert.Contains("黔府办发〔2018〕14号", cut.Find("cite").TextContent);
    }

    [Fact]
    public void Tag_chips_name_modality_industry_department_role_and_year()
    {
        var h = Hit("guizhou-2018-14/part_3__item_2", "x");
        var cut = Render<TagChips>(p => p
            .Add(x => x.Industries, h.Industries).Add(x => x.Departments, h.Departments)
            .Add(x => x.Years, h.TargetYears).Add(x => x.Modality, h.Modality));
        var text = cut.Find("ul.chips").TextContent;
        Assert.Contains("禁止", text);
        Assert.Contains("电解铝", text);
        Assert.Contains("贵州省经济和信息化委员会", text);
        Assert.Contains("牵头", text);
        Assert.Contains("2020年", text);
        Assert.Equal("/industries/C3216", cut.Find(".chip-industry a").GetAttribute("href"));
    }

    [Fact]
    public void Tag_chips_render_nothing_without_tags()
    {
        var cut = Render<TagChips>();
        Assert.Empty(cut.FindAll("ul"));
    }

    [Fact]
    public void Facet_links_add_their_filter_and_show_counts()
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            ["industry"] = [new FacetValue("C31", "钢铁", 7), new FacetValue("C32", "有色金属", 3)],
            ["level"] = [new FacetValue("national", "national", 5)],
        };
        var request = new SearchRequest { Q = "产能", Industry = ["C32"] };
        var cut = Render<FacetList>(p => p.Add(x => x.Facets, facets).Add(x => x.Request, request));
        var steel = cut.FindAll("a.facet-link").Single(a => a.TextContent.Contains("钢铁"));
        Assert.Equal("/search?q=%E4%BA%A7%E8%83%BD&industry=C32&industry=C31", steel.GetAttribute("href"));
        Assert.Contains("7", steel.TextContent);
        var active = cut.Find("a.facet-link.active");
        Assert.Contains("有色金属", active.TextContent);
        Assert.Equal("/search?q=%E4%BA%A7%E8%83%BD", active.GetAttribute("href"));
        Assert.Contains("国家级", cut.Markup); // the UI word for a code the store left unlabelled
    }

    [Fact]
    public void Active_filters_each_link_to_the_search_without_them()
    {
        var request = new SearchRequest { Q = "产能", Industry = ["C31"], Year = [2020] };
        var cut = Render<ActiveFilters>(p => p.Add(x => x.Request, request));
        var chips = cut.FindAll("a.filter-chip");
        Assert.Equal(2, chips.Count);
        Assert.Equal("/search?q=%E4%BA%A7%E8%83%BD&year=2020", chips[0].GetAttribute("href"));
        Assert.Equal("/search?q=%E4%BA%A7%E8%83%BD&industry=C31", chips[1].GetAttribute("href"));
    }

    [Fact]
    public void Pager_past_the_last_page_still_renders_the_real_pages()
    {
        // page=1000 is clamped, not refused; with 250 hits of 100 there are 3 pages (this threw once: a 500).
        var cut = Render<Pager>(p => p.Add(x => x.Request, new SearchRequest { Q = "工业", Page = 1000, Size = 100 }).Add(x => x.Total, 250));
        Assert.Equal(["上一页", "1", "2", "3"], cut.FindAll("nav.pager li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void Citation_box_shows_the_citation_the_permalink_and_script_enhanced_copy_buttons()
    {
        var cut = Render<CitationBox>(p => p
            .Add(x => x.Citation, "《工业绿色发展规划（2016-2020年）》（工信部规〔2016〕225号）专栏4")
            .Add(x => x.Permalink, "http://127.0.0.1:5000/clauses/miit-2016-225/chp_4__box_4"));
        Assert.Equal("《工业绿色发展规划（2016-2020年）》（工信部规〔2016〕225号）专栏4", cut.Find("output").TextContent);
        Assert.Equal("http://127.0.0.1:5000/clauses/miit-2016-225/chp_4__box_4", cut.Find("input#permalink").GetAttribute("value"));
        Assert.NotNull(cut.Find("label[for=permalink]"));
        var buttons = cut.FindAll("button.copy");
        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("hidden"))); // shown by site.js only
    }

    [Fact]
    public void Tagged_text_marks_spans_and_escapes_the_rest()
    {
        var clause = new Clause
        {
            Id = "d/part_1", DocId = "d", EId = "part_1", Kind = "item", Locator = "一", Citation = "c",
            Text = "到2020年，钢铁<行业>由工业和信息化部负责。",
            Industries = [new IndustryTag("C31", "钢铁", new TextSpan(7, 2), "dict")],
            YearTags = [new YearTag(2020, "deadline", new TextSpan(0, 6), "rule")],
            Departments = [new DepartmentTag("工业和信息化部", "工业和信息化部", Roles.Lead, new TextSpan(14, 7), "rule"),
                           new DepartmentTag("工业", "工业和信息化部", Roles.Lead, new TextSpan(14, 2), "overlap")],
        };
        var cut = Render<TaggedText>(p => p.Add(x => x.Clause, clause));
        var marks = cut.FindAll("mark");
        Assert.Equal(["到2020年", "钢铁", "工业和信息化部"], marks.Select(m => m.TextContent));
        Assert.Equal(clause.Text, cut.Find("p").TextContent);
        Assert.Contains("&lt;行业&gt;", cut.Markup);
    }

    [Fact]
    public void Timeline_draws_one_dot_per_target_year_in_time_order()
    {
        var lanes = new List<TargetTimeline.Lane>
        {
            new("工业绿色发展规划", "/documents/miit-2016-225", Levels.National, [2016, 2020], new Dictionary<int, int> { [2020] = 12, [2025] = 1 }),
            new("贵州省绿色制造三年行动计划", "/documents/guizhou-2018-14", Levels.Provincial, [2018, 2020], new Dictionary<int, int> { [2018] = 2, [2020] = 5 }),
        };
        var cut = Render<TargetTimeline>(p => p.Add(x => x.Lanes, lanes));
        var circles = cut.FindAll("circle");
        Assert.Equal(4, circles.Count);
        var xs = circles.Take(2).Select(c => double.Parse(c.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(xs[0] < xs[1], "2020 is left of 2025");
        // Bigger counts draw bigger dots.
        var r12 = double.Parse(circles[0].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture);
        var r1 = double.Parse(circles[1].GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(r12 > r1);
        Assert.Equal(2, cut.FindAll("rect.period").Count);
        Assert.Contains("工业绿色发展规划：2020年12项、2025年1项", cut.Find("desc").TextContent);
        Assert.Equal("img", cut.Find("svg").GetAttribute("role"));
        Assert.Equal(["工业绿色发展规划", "贵州省绿色制造三年行动计划"], cut.FindAll("text.lane-label").Select(t => t.TextContent));
    }

    [Fact]
    public void Timeline_renders_nothing_without_lanes()
    {
        var cut = Render<TargetTimeline>(p => p.Add(x => x.Lanes, []));
        Assert.Empty(cut.FindAll("svg"));
    }

    [Fact]
    public void Clause_links_split_national_grounds_from_provincial_implementation()
    {
        var clause = new Clause
        {
            Id = "miit-2016-225/part_1", DocId = "miit-2016-225", EId = "part_1", Kind = "item", Locator = "一", Citation = "c", Text = "t",
            Links =
            [
                new ClauseLink("guizhou-2018-14/part_3__item_2", Relations.Implements, 0.9, Directions.Provincial, null),
                new ClauseLink("miit-2017-178/part_2__item_1", Relations.Cites, 0.5, Directions.National, null),
            ],
        };
        var cut = Render<ClauseLinks>(p => p.Add(x => x.Clause, clause));
        var groups = cut.FindAll("section.link-group");
        Assert.Contains("国家层面依据", groups[0].TextContent);
        Assert.Contains("miit-2017-178/part_2__item_1", groups[0].TextContent);
        Assert.Contains("省级落实", groups[1].TextContent);
        Assert.Contains("guizhou-2018-14/part_3__item_2", groups[1].TextContent);
    }
}
