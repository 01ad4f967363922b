using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>The linker on small hand-made documents, one behaviour per test.</summary>
public sealed class LinkerTests
{
    // Filler clauses on unrelated subjects, so that document frequencies look like a real corpus's.
    private static readonly string[] Filler =
    [
        "推动电子商务企业直销或与实体企业合作，扩大绿色产品消费市场，引导居民购买节能家电。",
        "严格控制高耗能行业新增产能，对钢铁、水泥、平板玻璃行业实行产能等量或减量置换。",
        "鼓励金融机构开发绿色信贷产品，支持节能环保项目融资，探索排污权抵押贷款。",
        "开展重点用水企业水效领跑者引领行动，推广高效冷却、洗涤和循环用水技术。",
        "实施燃煤锅炉节能环保综合提升工程，推广高效煤粉锅炉，淘汰落后小锅炉。",
        "加快推进新能源汽车推广应用，完善充电基础设施，提升公共交通电动化水平。",
        "培育一批节能环保龙头企业，壮大节能服务产业，推行合同能源管理模式。",
        "强化重金属污染防治，在有色金属冶炼行业推进清洁生产技术改造。",
    ];

    private static Clause MakeClause(string docId, string eId, string text, int order) => new()
    {
        Id = $"{docId}/{eId}", DocId = docId, EId = eId, Kind = "paragraph", Locator = eId, Citation = eId, Text = text, Order = order,
    };

    private static ParsedDocument Doc(string id, string level, string title, params string[] texts) => new()
    {
        Meta = new DocumentMeta { Id = id, Title = title, Level = level, Jurisdiction = level == Levels.National ? "CN" : "CN-SC" },
        Clauses = texts.Select((t, k) => MakeClause(id, $"para_{k + 1}", t, k)).ToList(),
    };

    private static Clause Get(IReadOnlyList<ParsedDocument> docs, string id) => docs.SelectMany(d => d.Clauses).Single(c => c.Id == id);

    [Fact]
    public void Linked_documents_let_go_of_their_links_when_disposed_and_cannot_be_read_after()
    {
        var linked = Linker.Links([Doc("cn-plan", Levels.National, "《工业绿色发展规划》", NationalCasting, Filler[0]),
            Doc("sc-plan", Levels.Provincial, "《四川省工业绿色发展规划》", NationalCasting, Filler[1])]);
        Assert.Contains(linked[1].Clauses[0].Links, l => l.Id == "cn-plan/para_1");

        linked.Dispose();

        Assert.Equal(2, linked.Count);
        Assert.Throws<ObjectDisposedException>(() => linked[1]);
        Assert.Throws<ObjectDisposedException>(() => linked.Meta(0));
    }

    [Fact]
    public void A_clause_whose_id_is_not_its_document_id_and_eid_is_refused_since_the_linker_names_clauses_by_them()
    {
        var doc = Doc("sc-plan", Levels.Provincial, "《四川省工业绿色发展规划》", NationalCasting, Filler[0]);
        Assert.Equal("sc-plan/para_2", LinkDocument.From(doc).ClauseId(1));
        var renamed = doc with { Clauses = [doc.Clauses[0], doc.Clauses[1] with { Id = "other/para_2" }] };
        var error = Assert.Throws<ArgumentException>(() => Linker.Link([renamed]));
        Assert.Contains("other/para_2", error.Message);
    }

    private const string NationalCasting =
        "提升工业基础绿色化水平。以铸造、热处理、焊接、涂镀等领域为重点，推广清洁生产技术，推进绿色化改造，减少污染物排放，提升基础制造工艺绿色化水平。";
    private const string ProvincialCasting =
        "提升工业基础绿色化水平。以热处理、焊接、涂镀等领域为重点，推广先进适用清洁生产技术，推进绿色化改造，减少污染物排放，提升基础制造工艺绿色化水平。";

    private static IReadOnlyList<ParsedDocument> CastingCorpus() => Linker.Link(
    [
        Doc("nat", Levels.National, "工业绿色发展规划（2016-2020年）", [NationalCasting, .. Filler[..4]]),
        Doc("prov", Levels.Provincial, "四川省工业绿色发展规划", [.. Filler[4..], ProvincialCasting]),
    ]);

    [Fact]
    public void A_near_verbatim_copy_is_linked_both_ways_with_a_correct_diff()
    {
        var docs = CastingCorpus();
        var prov = Get(docs, "prov/para_5");
        var nat = Get(docs, "nat/para_1");

        var up = Assert.Single(prov.Links, l => l.Id == nat.Id);
        Assert.Equal(Relations.NearVerbatim, up.Relation);
        Assert.Equal(Directions.National, up.Direction);
        Assert.InRange(up.Score, 0.6, 1.0);
        // The diff is not stored (it is computed when the link is shown): none until explained.
        Assert.Empty(up.Evidence!.Diff);
        // The diff turns the national text into the provincial one: 铸造、 deleted, 先进适用 inserted.
        var diff = LinkExplainer.Explain(prov, up, nat).Evidence!.Diff;
        Assert.Equal(nat.Text, CharDiff.Apply(diff, newSide: false));
        Assert.Equal(prov.Text, CharDiff.Apply(diff, newSide: true));
        Assert.Contains(new DiffOp(CharDiff.Delete, "铸造、"), diff);
        Assert.Contains(new DiffOp(CharDiff.Insert, "先进适用"), diff);

        var down = Assert.Single(nat.Links, l => l.Id == prov.Id);
        Assert.Equal(Directions.Provincial, down.Direction);
        var downEvidence = LinkExplainer.Explain(nat, down, prov).Evidence!;
        Assert.Equal(nat.Text, CharDiff.Apply(downEvidence.Diff, newSide: true));
        Assert.Equal(prov.Text, CharDiff.Apply(downEvidence.Diff, newSide: false));
        Assert.Matches(@"^字符对齐 \d+%$", downEvidence.Note);
        Assert.Contains("推进绿色化改造，减少污染物排放", downEvidence.Common);
    }

    [Fact]
    public void Clauses_sharing_only_boilerplate_are_not_linked()
    {
        // Every plan ends with 加强组织领导 / 强化宣传引导 / 加大资金支持: in many clauses, they weigh nothing.
        string[] boiler = ["加强组织领导，强化宣传引导，加大资金支持。", "加强组织领导。", "强化宣传引导。"];
        var a = Doc("a", Levels.National, "甲", [.. Filler[..4].Select((f, i) => boiler[i % 3] + f), boiler[0] + "推进工业固体废物综合利用基地建设。"]);
        var b = Doc("b", Levels.Provincial, "乙", [.. Filler[4..].Select((f, i) => boiler[i % 3] + f), boiler[0] + "开展绿色数据中心试点示范。"]);
        var docs = Linker.Link([a, b]);
        Assert.DoesNotContain(Get(docs, "a/para_5").Links, l => l.Id == "b/para_5");
        Assert.DoesNotContain(Get(docs, "b/para_5").Links, l => l.Id == "a/para_5");
    }

    [Fact]
    public void Clauses_sharing_a_single_word_are_not_linked()
    {
        // links.json link-38: 电子 in 电子信息产业 and 电子商务.
        var a = Doc("a", Levels.National, "甲", [.. Filler[1..5], "大力培育电子信息产业、高端装备产业集群，打造一批特色产业基地。"]);
        var b = Doc("b", Levels.National, "乙", [.. Filler[5..], "推动电子商务平台开设绿色产品专区，开展以旧换新活动。"]);
        var docs = Linker.Link([a, b]);
        Assert.DoesNotContain(Get(docs, "a/para_5").Links, l => l.Id == "b/para_4");
        Assert.DoesNotContain(Get(docs, "b/para_4").Links, l => l.Id == "a/para_5");
    }

    [Fact]
    public void Clauses_of_one_document_are_not_linked_unless_one_cites_the_other()
    {
        var doc = new ParsedDocument
        {
            Meta = new DocumentMeta { Id = "d", Title = "甲", Level = Levels.National, Jurisdiction = "CN" },
            Clauses =
            [
                MakeClause("d", "part_1__para_1", NationalCasting, 0),
                MakeClause("d", "part_1__para_2", NationalCasting, 1),
                MakeClause("d", "part_1__para_3", "实施绿色制造重点工程（见专栏1），推进传统制造业绿色改造。", 2),
                MakeClause("d", "part_1__box_1__item_1", "绿色制造重点工程：建设百家绿色示范工厂和百家绿色示范园区。", 3),
            ],
        };
        var docs = Linker.Link([doc, Doc("x", Levels.Provincial, "乙", Filler)]);
        Assert.DoesNotContain(Get(docs, "d/part_1__para_1").Links, l => l.Id == "d/part_1__para_2");
        var cite = Assert.Single(Get(docs, "d/part_1__para_3").Links, l => l.Id == "d/part_1__box_1__item_1");
        Assert.Equal(Relations.Cites, cite.Relation);
        Assert.Contains(Get(docs, "d/part_1__box_1__item_1").Links, l => l.Id == "d/part_1__para_3" && l.Relation == Relations.Cites);
    }

    [Fact]
    public void A_title_reference_is_resolved_despite_punctuation_and_unknown_titles_are_kept()
    {
        var nat = Doc("miit", Levels.National, "工业绿色发展规划（2016-2020年）", ["为落实《中国制造2025》，制定本规划。", .. Filler[..3]]);
        var prov = Doc("gz", Levels.Provincial, "贵州省绿色制造三年行动计划",
            ["根据《工业绿色发展规划(2016—2020年)》《中国制造2025》，制定本行动计划。", .. Filler[3..6]]);
        var docs = Linker.Link([nat, prov]);
        var cite = Assert.Single(Get(docs, "gz/para_1").Links, l => l.Relation == Relations.Cites);
        Assert.Equal("miit/para_1", cite.Id); // a document-level reference lands on the document's first clause
        Assert.Equal(Directions.National, cite.Direction);
        var refs = docs.Single(d => d.Meta.Id == "gz").References;
        Assert.Contains(refs, r => r.TargetDocId == "miit" && r.Title == "工业绿色发展规划(2016—2020年)");
        Assert.Contains(refs, r => r.TargetDocId is null && r.Title == "中国制造2025");
    }

    [Fact]
    public void The_same_quantitative_target_is_a_paraphrase()
    {
        static QuantTarget T(decimal v) => new() { Metric = "工业固体废物综合利用率", Value = v, Unit = "%", Direction = "reach", TargetYear = 2020, Rule = "test" };
        var prose = MakeClause("a", "para_9", "推进大宗工业固体废物综合利用，到2020年全国工业固体废物综合利用率达到73%。", 8) with { Targets = [T(73)] };
        // The table cell gives 73.0 (a decimal with scale 1), the prose 73: the same value.
        var row = MakeClause("b", "box_1__row_5", "工业固体废物综合利用率（%）：2015年 65；2020年 73", 8) with { Targets = [T(73.0m)] };
        var a = Doc("a", Levels.National, "甲", Filler[..4]) with { };
        var b = Doc("b", Levels.National, "乙", Filler[4..]);
        var docs = Linker.Link([a with { Clauses = [.. a.Clauses, prose] }, b with { Clauses = [.. b.Clauses, row] }]);
        var link = Assert.Single(Get(docs, "a/para_9").Links, l => l.Id == "b/box_1__row_5");
        Assert.Equal(Relations.Paraphrase, link.Relation);
        Assert.Equal("同一量化目标", link.Evidence!.Note);
        Assert.Equal(Directions.Peer, link.Direction);
    }

    [Fact]
    public void Declared_implements_links_the_documents_first_clauses()
    {
        var nat = Doc("miit", Levels.National, "工业绿色发展规划（2016-2020年）", Filler[..3]);
        var prov = Doc("sc", Levels.Provincial, "四川省规划", Filler[3..6]);
        prov = prov with { Meta = prov.Meta with { Implements = ["miit"] } };
        var docs = Linker.Link([nat, prov]);
        Assert.Contains(Get(docs, "sc/para_1").Links, l => l.Id == "miit/para_1" && l.Relation == Relations.Implements);
        Assert.Contains(Get(docs, "miit/para_1").Links, l => l.Id == "sc/para_1" && l.Relation == Relations.Implements && l.Direction == Directions.Provincial);
    }
}
