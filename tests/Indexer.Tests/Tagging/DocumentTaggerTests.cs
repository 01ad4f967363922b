using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>Document-wide rules on small hand-made documents, so a new document in the same style is covered.</summary>
public class DocumentTaggerTests
{
    private static Clause C(int order, string eid, string text, string? parent = null, string kind = "item", IReadOnlyList<string>? path = null) => new()
    {
        Id = "d/" + eid, DocId = "d", EId = eid, Kind = kind, ParentEId = parent, Path = path ?? [],
        Locator = eid, Citation = eid, Text = text, Order = order,
    };

    private static ParsedDocument Doc(string jurisdiction, params Clause[] clauses) => new()
    {
        Meta = new DocumentMeta { Id = "d", Title = "测试", Level = Levels.National, Jurisdiction = jurisdiction, Period = [2018, 2020], Issuers = ["工业和信息化部"] },
        Clauses = clauses,
    };

    private static ParsedDocument Tag(ParsedDocument d) => DocumentTagger.Tag(d, TaggingTestData.Taxonomies);

    [Fact]
    public void BlanketRuleMakesLocalDepartmentsImplementersOfEveryLaterClause()
    {
        var doc = Tag(Doc("CN",
            C(0, "part_1__para_1", "到2020年，工业绿色发展整体水平显著提升。", "part_1", "paragraph"),
            C(1, "part_2__item_1", "（一）优化布局。实施负面清单。（部内产业司负责。以下均需地方工业和信息化主管部门落实，不再列出）", "part_2"),
            C(2, "part_2__item_2", "（二）调整结构。加大过剩产能压减力度。（部内原材料司负责）", "part_2"),
            C(3, "annex_1__para_1", "重点区域具体范围：京津冀及周边地区。", "annex_1", "paragraph")));
        Assert.DoesNotContain(doc.Clauses[0].Departments, d => d.Role == Roles.Implementer);
        foreach (var i in new[] { 1, 2 })
            Assert.Contains(doc.Clauses[i].Departments, d => d is { Canonical: "地方各级工业和信息化主管部门", Role: Roles.Implementer, Rule: "blanket-rule" });
        Assert.Empty(doc.Clauses[3].Departments);   // an annex is not a task
    }

    [Fact]
    public void AnnotationCoversTheSentencesBeforeItAcrossASplitClause()
    {
        // A paragraph cut in two (a page break the parser could not join): the annotation at the end of the
        // second part also covers the first.
        var doc = Tag(Doc("CN",
            C(0, "part_2__item_4__para_1", "（四）实施错峰生产。各地针对钢铁、建材、焦化", "part_2__item_4", "paragraph"),
            C(1, "part_2__item_4__para_2", "等高排放行业，科学制定错峰生产方案。（部内原材料司牵头，规划司参与）", "part_2__item_4", "paragraph")));
        Assert.Contains(doc.Clauses[0].Departments, d => d is { Canonical: "工业和信息化部原材料工业司", Role: Roles.Lead });
        Assert.Contains(doc.Clauses[0].Departments, d => d is { Canonical: "工业和信息化部规划司", Role: Roles.Participant });
    }

    [Fact]
    public void BulletsInheritTheLeadInDeadline()
    {
        var doc = Tag(Doc("CN",
            C(0, "part_2__item_3__para_1", "到2020年，绿色发展理念成为工业全领域全过程的普遍要求。", "part_2__item_3", "paragraph"),
            C(1, "part_2__item_3__point_1", "——能源利用效率显著提升。", "part_2__item_3", "point"),
            C(2, "part_2__item_3__point_2", "——到2019年底，资源利用水平明显提高。", "part_2__item_3", "point")));
        Assert.Equal([2020], doc.Clauses[1].TargetYears);
        Assert.Equal("inherited:lead-in", doc.Clauses[1].YearTags[0].Rule);
        Assert.Equal([2019], doc.Clauses[2].TargetYears);   // its own deadline wins
    }

    [Fact]
    public void DescriptiveSectionsHaveNoModalityButKeepIndustries()
    {
        var doc = Tag(Doc("CN-SC",
            C(0, "chp_1__sec_1__para_3", "淘汰落后硬任务超额完成。累计淘汰炼铁产能358.12万吨、炼钢505.5万吨。", "chp_1__sec_1", "paragraph",
                ["第一章 规划背景", "第一节 取得的成绩"])));
        var c = doc.Clauses[0];
        Assert.Empty(c.Modality);
        Assert.Equal(["钢铁"], c.Industries.Select(i => i.Name));
    }

    [Fact]
    public void FillsEveryTagPropertyAndSummaries()
    {
        var doc = Tag(Doc("CN-GZ",
            C(0, "part_3__item_1", "(一)推进改造。严禁在赤水河流域新建化工项目，鼓励企业到2020年底前完成清洁生产审核。" +
                "(责任单位：省经济和信息化委、省环境保护厅;各市〔州〕人民政府，贵安新区管委会)", "part_3")));
        var c = doc.Clauses[0];
        Assert.Equal(["prohibit", "require", "encourage"], c.Modality);
        Assert.Equal([2020], c.TargetYears);
        Assert.Equal(["化工"], c.Industries.Select(i => i.Name));
        Assert.Contains(c.Places, p => p.Name == "赤水河");
        Assert.Contains(c.Topics, t => t.Name == "清洁生产");
        Assert.Equal(["贵州省经济和信息化委员会:lead", "贵州省环境保护厅:participant", "贵州省各市（州）人民政府:implementer", "贵州贵安新区管理委员会:implementer"],
            c.Departments.Select(d => $"{d.Canonical}:{d.Role}"));
        Assert.DoesNotContain(c.Departments, d => d.Role == Roles.Issuer);   // issuers are document-level
    }

    [Fact]
    public void IssuersAreDocumentLevel()
    {
        var issuers = DocumentTagger.Issuers(Doc("CN").Meta, TaggingTestData.Taxonomies);
        Assert.Equal([("工业和信息化部", Roles.Issuer)], issuers.Select(d => (d.Canonical, d.Role)));
    }

    [Fact]
    public void ANewProvinceInTheSameStyleNeedsNoCodeChange()
    {
        // A made-up Yunnan plan: none of its bodies are in the taxonomy, yet the list's roles hold and the
        // 省… bodies are named after the document's province.
        var doc = Tag(Doc("CN-YN",
            C(0, "part_3__item_1", "(一)推进钢铁行业超低排放改造。到2019年底前完成。" +
                "（责任单位：省工业和信息化厅、省生态环境厅；各州、市人民政府）", "part_3")));
        var c = doc.Clauses[0];
        Assert.Equal(["云南省工业和信息化厅:lead", "云南省生态环境厅:participant", "各州、市人民政府:implementer"],
            c.Departments.Select(d => $"{d.Canonical}:{d.Role}"));
        Assert.Equal([2019], c.TargetYears);
        Assert.Equal(["钢铁"], c.Industries.Select(i => i.Name));
    }
}
