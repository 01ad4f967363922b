using GreenPolicy.Domain;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Citations;

/// <summary>The resolver on small hand-built outlines: each test shows one rule of document and unit matching.</summary>
public class CitationResolverTests
{
    private static DocumentMeta Meta(string id, string title, string? number = null, params string[] shortTitles) => new()
    {
        Id = id, Title = title, DocNumber = number, ShortTitles = shortTitles, Level = Levels.National, Jurisdiction = "CN",
    };

    private static StructureUnit Unit(string eid, string kind, string heading, string locator) =>
        new() { EId = eid, Kind = kind, Heading = heading, Locator = locator };

    private static OutlineClause Clause(string doc, string eid, string locator, string text, string? heading = null) =>
        new($"{doc}/{eid}", eid, "item", locator, heading, text, $"《x》{locator}");

    // A plan numbered per part, like 003: （一） restarts under 三 and 四.
    private static readonly DocumentOutline PerPart = new()
    {
        Meta = Meta("gz", "贵州省绿色制造三年行动计划（2018—2020年）", "黔府办发〔2018〕14号", "贵州省绿色制造三年行动计划"),
        Units =
        [
            Unit("part_2", "part", "二、主要目标", "二"),
            Unit("part_3", "part", "三、重点任务", "三"),
            Unit("part_4", "part", "四、保障措施", "四"),
        ],
        Clauses =
        [
            Clause("gz", "part_2__point_1", "二——1", "——到2018年底，粉煤灰综合利用率超过90%"),
            Clause("gz", "part_2__point_2", "二——2", "——到2019年底，二氧化碳排放量比2015年下降18%"),
            Clause("gz", "part_3__item_1", "三（一）", "(一)深入开展产业绿色化改造。", "深入开展产业绿色化改造"),
            Clause("gz", "part_3__item_2", "三（二）", "(二)扎实推进工业绿色化转型。", "扎实推进工业绿色化转型"),
            Clause("gz", "part_4__item_1", "四（一）", "(一)加强组织领导。", "加强组织领导"),
        ],
        Opening = "省人民政府办公厅关于转发\n省经济和信息化委贵州省绿色制造三年\n行动计划(2018—2020年)的通知",
    };

    // A guidance numbered continuously across parts, like 000; its parts have no StructureUnit (implicit nodes).
    private static readonly DocumentOutline Continuous = new()
    {
        Meta = Meta("cj", "关于加强长江经济带工业绿色发展的指导意见", "工信部联节〔2017〕178号", "长江经济带指导意见"),
        Clauses =
        [
            Clause("cj", "part_2__item_1", "二（一）", "（一）完善工业布局规划。"),
            Clause("cj", "part_2__item_2", "二（二）", "（二）改造提升工业园区。"),
            Clause("cj", "part_3__item_3", "三（三）", "（三）规范工业集约集聚发展。"),
            Clause("cj", "part_3__box_1__item_1", "专栏1第1项", "重点项目一。"),
        ],
    };

    // Two plans whose titles differ by one character from a typo: a typo between them must not be guessed.
    private static readonly DocumentOutline PlanA = new() { Meta = Meta("a", "甲省绿色制造规划") };
    private static readonly DocumentOutline PlanB = new() { Meta = Meta("b", "乙省绿色制造规划") };

    private static CitationResolver Resolver(params DocumentOutline[] outlines) => new(new InMemoryCitationCatalog(outlines));

    private static readonly CitationResolver Both = Resolver(PerPart, Continuous, PlanA, PlanB);

    [Theory]
    [InlineData("长江经济带指导意见第三条", "cj/part_3__item_3")]        // continuous: the unique item_3, wherever it sits
    [InlineData("长江经济带指导意见（二）", "cj/part_2__item_2")]
    [InlineData("长江经济带指导意见 二（二）", "cj/part_2__item_2")]     // part 二 exists only as a prefix of eIds
    [InlineData("长江经济带指导意见 专栏1第1项", "cj/part_3__box_1__item_1")]
    [InlineData("长江经济带指导意见 三", "cj#part_3")]
    [InlineData("贵州省绿色制造三年行动计划 三（二）", "gz/part_3__item_2")]
    [InlineData("贵州省绿色制造三年行动计划 主要目标第二条", "gz/part_2__point_2")]
    [InlineData("贵州省绿色制造三年行动计划 重点任务", "gz#part_3")]
    [InlineData("贵州省绿色制造三年行动计划 扎实推进工业绿色化转型", "gz/part_3__item_2")] // a clause named by its topic heading
    [InlineData("黔府办发〔2018〕14号", "gz")]
    [InlineData("黔府办发（2018）14号 四（一）", "gz/part_4__item_1")]
    [InlineData("甲省绿色制造规划", "a")]
    public void Resolves(string input, string expected) => Assert.Equal(expected, Both.Resolve(input).Target?.Id);

    [Theory]
    [InlineData("贵州省绿色制造三年行动计划（一）", "（一）在该文件中出现2处")]   // 三（一） and 四（一）
    [InlineData("长江经济带指导意见 二（三）", "该文件的二没有（三）")]         // （三） is under 三
    [InlineData("长江经济带指导意见 专栏2", "该文件没有专栏2")]
    [InlineData("长江经济带指导意见（一）第2段", "没有第2段")]
    [InlineData("丙省绿色制造规划", "“丙省绿色制造规划”可指2个文件")]           // one typo from both 甲 and 乙: never guess
    [InlineData("绿色制造规划", "可指2个文件")]
    [InlineData("黔府办发〔2019〕14号", "文号不存在")]
    [InlineData("《甲省绿色制造规划》（黔府办发〔2018〕14号）", "指向不同的文件")]
    [InlineData("第三条", "没有指明文件")]
    [InlineData("？？", "无法识别")]
    public void Explains_why_it_does_not_resolve(string input, string reason)
    {
        var res = Both.Resolve(input);
        Assert.False(res.Resolved);
        Assert.Contains(reason, res.Reason);
    }

    [Fact]
    public void An_ambiguous_item_returns_both_as_candidates()
    {
        var res = Both.Resolve("贵州省绿色制造三年行动计划（一）");
        Assert.Equal(["gz/part_3__item_1", "gz/part_4__item_1"], res.Candidates.Select(c => c.Id));
        Assert.Contains("三、重点任务", res.Reason);
    }

    [Fact]
    public void An_ambiguous_title_returns_the_documents_as_candidates() =>
        Assert.Equal(["a", "b"], Both.Resolve("丙省绿色制造规划").Candidates.Select(c => c.Id));

    [Fact]
    public void A_document_target_shows_its_opening()
    {
        var t = Both.Resolve("黔府办发〔2018〕14号").Target!;
        Assert.Equal(CitationKinds.Document, t.Kind);
        Assert.StartsWith("省人民政府办公厅关于转发\n省经济和信息化委贵州省绿色制造三年", t.Text);
        Assert.Equal("《贵州省绿色制造三年行动计划（2018—2020年）》（黔府办发〔2018〕14号）", t.Citation);
        Assert.Equal("/documents/gz", t.Url);
    }

    [Fact]
    public void A_part_target_holds_its_heading_and_clauses()
    {
        var t = Both.Resolve("贵州省绿色制造三年行动计划 二").Target!;
        Assert.Equal(CitationKinds.Part, t.Kind);
        Assert.Equal("二、主要目标", t.Heading);
        Assert.Equal("二、主要目标\n——到2018年底，粉煤灰综合利用率超过90%\n——到2019年底，二氧化碳排放量比2015年下降18%", t.Text);
        Assert.Equal("/documents/gz#part_2", t.Url);
        Assert.EndsWith("二", t.Citation);
    }

    /// <summary>A catalog that counts the outlines read from it.</summary>
    private sealed class CountingCatalog(params DocumentOutline[] outlines) : ICitationCatalog
    {
        private readonly InMemoryCitationCatalog _inner = new(outlines);

        public int OutlinesRead { get; private set; }

        public IReadOnlyList<DocumentMeta> Documents => _inner.Documents;

        public DocumentOutline? Outline(string docId)
        {
            OutlinesRead++;
            return _inner.Outline(docId);
        }
    }

    [Theory]
    [InlineData("黔府办发〔2018〕14号")]
    [InlineData("《贵州省绿色制造三年行动计划（2018—2020年）》")]
    [InlineData("丙省绿色制造规划")]       // ambiguous: its candidates are the documents, without text
    [InlineData("《丁省绿色制造规划》")]    // no such document
    public void Locating_a_whole_document_reads_no_outline(string input)
    {
        var catalog = new CountingCatalog(PerPart, Continuous, PlanA, PlanB);
        var located = new CitationResolver(catalog).Locate(input);
        Assert.Equal(0, catalog.OutlinesRead);
        var resolved = Both.Resolve(input);
        Assert.Equal(resolved.Target?.Id, located.Target?.Id);
        Assert.Equal(resolved.Target?.Kind, located.Target?.Kind);
        Assert.Equal(resolved.DocumentMatch, located.DocumentMatch);
        Assert.Equal(resolved.Reason, located.Reason);
        Assert.Equal(resolved.Candidates.Select(c => c.Id), located.Candidates.Select(c => c.Id));
        Assert.Null(located.Target?.Text);
    }

    [Theory]
    [InlineData("贵州省绿色制造三年行动计划 三（二）", "gz/part_3__item_2")]
    [InlineData("黔府办发〔2018〕14号 重点任务", "gz#part_3")]
    [InlineData("长江经济带指导意见 专栏1第1项", "cj/part_3__box_1__item_1")]
    public void Locating_a_unit_walks_its_document_outline(string input, string expected)
    {
        var catalog = new CountingCatalog(PerPart, Continuous, PlanA, PlanB);
        Assert.Equal(expected, new CitationResolver(catalog).Locate(input).Target?.Id);
        Assert.Equal(1, catalog.OutlinesRead);
    }

    [Fact]
    public void Identifies_documents_by_folded_titles()
    {
        var id = Both.Identifier;
        Assert.Equal("gz", id.ByTitle("《贵州省绿色制造三年行动计划(2018-2020年)》").Single?.Id); // brackets and dash folded
        Assert.Equal("gz", id.ByTitle("贵州省 绿色制造 三年行动计划").Single?.Id);               // spaces
        Assert.Equal("cj", id.ByTitle("加强长江经济带工业绿色发展的指导意见").Single?.Id);       // contained
        Assert.Equal("标题错字", id.ByTitle("贵洲省绿色制造三年行动计划").Method);
    }

    [Theory]
    [InlineData("绿色制造三年行动计划", "贵州省绿色制造三年行动计划", true)]     // exact
    [InlineData("录色制造三年行动计划", "贵州省绿色制造三年行动计划", true)]     // first character wrong
    [InlineData("绿色制造三年行动计化", "贵州省绿色制造三年行动计划", true)]     // last character wrong
    [InlineData("绿色制造三行动计划", "贵州省绿色制造三年行动计划", true)]       // one missing in the middle
    [InlineData("绿色制造三年年行动计划", "贵州省绿色制造三年行动计划", true)]   // one extra in the middle
    [InlineData("录色制造三年行动计化", "贵州省绿色制造三年行动计划", false)]    // two wrong
    [InlineData("绿色制造五年行动计划", "贵州省绿色制造三年行动计划", false)]    // a numeral is never the edit
    [InlineData("节约能源法实施条例", "贵州省绿色制造三年行动计划", false)]
    public void Finds_a_title_inside_another_within_one_edit(string q, string k, bool expected) =>
        Assert.Equal(expected, DocumentIdentifier.SubstringWithinOneEdit(q, k));

    [Fact]
    public void Every_clause_and_unit_of_the_corpus_is_found_by_its_own_citation()
    {
        // The structure parser writes each clause's citation 《title》（文号）locator; the resolver must read them back.
        // Preamble paragraphs included: 序言 / 序言第2段 are the locators the structure parser writes for them.
        var resolver = CitationEvalTests.CorpusResolver();
        var misses = new List<string>();
        var total = 0;
        foreach (var doc in CorpusDocuments.All)
        {
            foreach (var c in doc.Clauses)
            {
                total++;
                var res = resolver.Resolve(c.Citation);
                if (res.Target?.Id != c.Id)
                    misses.Add($"{c.Citation} → {res.Target?.Id ?? res.Reason}");
            }
            foreach (var u in doc.Units)
            {
                total++;
                var res = resolver.Resolve(CitationResolver.FormatCitation(doc.Meta, u.Locator));
                if (res.Target?.Id != $"{doc.Meta.Id}#{u.EId}")
                    misses.Add($"{u.Locator} ({doc.Meta.Id}) → {res.Target?.Id ?? res.Reason}");
            }
        }
        Assert.True(total > 300, $"only {total} clauses and units");
        Assert.True(misses.Count == 0, $"{misses.Count} of {total} not found by their own citation:\n" + string.Join("\n", misses.Take(30)));
    }

    [Fact]
    public void Clauses_inside_annexes_are_found_by_their_own_citation()
    {
        // Two unnumbered annexes, the second with numbered parts: 附件 + 七 must not read as 附件七 (annex 7), and
        // 附件 alone would name both annexes.
        var meta = new DocumentMeta
        {
            Id = "yn", Title = "云南省工业绿色发展规划", DocNumber = "云经信节能〔2024〕8954号", Level = Levels.Provincial, Jurisdiction = "CN-YN",
        };
        var body = """
            一、总体要求

            （一）指导思想。坚持绿色发展，推进工业节能降耗。

            附件

            重点区域具体范围：京津冀及周边地区。

            附件

            六、加快推进绿色智能改造

            （一）加强工业节能。持续开展工业节能监察。

            七、加强组织领导

            （二）成立领导小组。统筹推进各项工作。
            """;
        var doc = GreenPolicy.Domain.Structure.StructureParser.Parse(meta, body);
        var resolver = new CitationResolver(new InMemoryCitationCatalog([DocumentOutline.From(doc)]));
        var annexed = doc.Clauses.Where(c => c.EId.StartsWith("annex_", StringComparison.Ordinal)).ToList();
        Assert.True(annexed.Count >= 3, string.Join(", ", doc.Clauses.Select(c => c.EId)));
        foreach (var c in doc.Clauses)
        {
            var res = resolver.Resolve(c.Citation);
            Assert.True(res.Target?.Id == c.Id, $"{c.Citation} → {res.Target?.Id ?? res.Reason}");
        }
        Assert.Contains(annexed, c => c.Locator == "附件2第七部分（二）");
    }

    [Fact]
    public void A_part_number_printed_twice_is_told_apart_by_the_next_step()
    {
        // 四、 printed twice, items numbered across the parts: 四（三） can only be in the second 四; 四 alone is either.
        var meta = new DocumentMeta { Id = "dup", Title = "某省工业绿色发展规划", DocNumber = "某经信〔2016〕53号", Level = Levels.Provincial, Jurisdiction = "CN-SC" };
        var body = """
            四、重点任务

            （一）推进能效提升。实施节能改造。

            （二）推进清洁生产。实施清洁生产审核。

            四、保障措施

            （三）加强组织领导。建立协调机制。
            """;
        var doc = GreenPolicy.Domain.Structure.StructureParser.Parse(meta, body);
        var resolver = new CitationResolver(new InMemoryCitationCatalog([DocumentOutline.From(doc)]));
        foreach (var c in doc.Clauses)
        {
            var res = resolver.Resolve(c.Citation);
            Assert.True(res.Target?.Id == c.Id, $"{c.Citation} → {res.Target?.Id ?? res.Reason}");
        }
        var either = resolver.Resolve("某经信〔2016〕53号 四");
        Assert.False(either.Resolved);
        Assert.Equal(2, either.Candidates.Count);
    }
}
