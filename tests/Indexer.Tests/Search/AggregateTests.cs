using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

public sealed class AggregateTests : IDisposable
{
    private readonly GreenPolicy.Index.LuceneStore store = SmallIndex.Open(Documents());

    public void Dispose() => store.Dispose();

    private static IReadOnlyList<ParsedDocument> Documents()
    {
        var docs = SmallIndex.Documents().ToList();
        var nat = docs[0];
        var target = new QuantTarget
        {
            Metric = "单位工业增加值能耗", Value = 18, Unit = "%", Direction = "decrease", BaseYear = 2015, TargetYear = 2020, Rule = "test",
        };
        docs[0] = nat with { Clauses = nat.Clauses.Select(c => c.EId == "p5" ? c with { Targets = [target] } : c).ToList() };
        return docs;
    }

    [Fact]
    public void IndustriesCountClausesByDocumentIncludingChildrenUnderTheirParent()
    {
        var industries = store.Industries();
        var c32 = industries.Single(i => i.Code == "C32");
        Assert.Equal("有色金属", c32.Name);
        // gz/p1 is tagged C32; nat/p1 and nat/p3 are tagged 电解铝 (C3216 ⊂ C32).
        Assert.Equal(1, c32.ClauseCountsByDoc["gz"]);
        Assert.Equal(2, c32.ClauseCountsByDoc["nat"]);
        Assert.Equal("C32", industries.Single(i => i.Code == "C3216").Parent);
    }

    [Fact]
    public void DepartmentsCountClausesByRole()
    {
        var energy = store.Departments().Single(d => d.Canonical == "工业和信息化部节能与综合利用司");
        Assert.Equal(1, energy.ClauseCountsByRole[Roles.Lead]);
        Assert.Equal(1, energy.ClauseCountsByRole[Roles.Participant]);
    }

    [Fact]
    public void TargetsAreListedWithTheirClauseAndFilteredByYearAndIndustry()
    {
        var all = store.Targets(new TargetFilter());
        var row = Assert.Single(all.Rows);
        Assert.Equal("nat/p5", row.ClauseId);
        Assert.Equal(2020, row.Target.TargetYear);
        Assert.Equal(1, all.Total);
        var nat = Assert.Single(all.Documents);
        Assert.Equal(("nat", 1), (nat.DocId, nat.Count));
        Assert.Equal(new Dictionary<int, int> { [2020] = 1 }, nat.ByYear);
        Assert.Empty(store.Targets(new TargetFilter(Year: 2030)).Rows);
        Assert.Equal(0, store.Targets(new TargetFilter(Year: 2030)).Total);
        Assert.Single(store.Targets(new TargetFilter(Industry: "钢铁")).Rows);
        Assert.Empty(store.Targets(new TargetFilter(Industry: "C32")).Rows);
        Assert.Equal([2020], store.TargetYears());
    }

    [Fact]
    public void DocumentsAndClausesComeBackWhole()
    {
        var view = store.Document("nat");
        Assert.NotNull(view);
        Assert.Equal(["nat/p1", "nat/p2", "nat/p3", "nat/p4", "nat/p5", "nat/p6"], view!.Clauses.Select(c => c.Id));
        Assert.Equal(6, view.Summary.ClauseCount);
        Assert.Null(store.Document("nope"));
        var clause = store.Clause("nat/p3")!;
        Assert.Equal(Roles.Lead, clause.Departments.Single().Role);
        Assert.Null(store.Clause("nat/none"));
    }
}

/// <summary>The browse aggregates, read from terms and facet ordinals, against a count over every clause of the corpus.</summary>
public sealed class CorpusAggregateTests
{
    private static readonly IReadOnlyList<Clause> Clauses = AllClauses();

    private static List<Clause> AllClauses()
    {
        using var corpus = GreenPolicy.Pipeline.CorpusPipeline.Run(GreenPolicy.Indexer.Tests.Corpus.RepoPaths.CorpusDir);
        return corpus.Documents.SelectMany(d => d.Clauses).ToList();
    }

    [Fact]
    public void Department_counts_are_the_clauses_naming_each_department_in_each_role()
    {
        var expected = Clauses
            .SelectMany(c => c.Departments.Select(d => (d.Canonical, d.Role)).Distinct())
            .GroupBy(p => p)
            .ToDictionary(g => $"{g.Key.Canonical}|{g.Key.Role}", g => g.Count());
        var actual = CorpusStore.Instance.Departments()
            .SelectMany(d => d.ClauseCountsByRole.Select(r => (Key: $"{d.Canonical}|{r.Key}", r.Value)))
            .ToDictionary(p => p.Key, p => p.Value);
        Assert.True(expected.Count > 20, $"only {expected.Count} (department, role) pairs");
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Targets_by_year_are_the_corpus_targets_of_that_year_in_reading_order()
    {
        var store = CorpusStore.Instance;
        var all = store.Targets(new TargetFilter());
        Assert.Equal(Clauses.Sum(c => c.Targets.Count), all.Total);
        Assert.Equal(all.Total, all.Rows.Count);
        var years = store.TargetYears();
        Assert.Equal(Clauses.SelectMany(c => c.Targets).Select(t => t.TargetYear).OfType<int>().Distinct().Order(), years);
        foreach (var year in years)
        {
            var ofYear = store.Targets(new TargetFilter(Year: year));
            Assert.Equal(all.Rows.Where(r => r.Target.TargetYear == year), ofYear.Rows);
            Assert.Equal(ofYear.Rows.Count, ofYear.Total);
        }
    }

    [Fact]
    public void Targets_come_a_page_at_a_time_with_the_counts_of_the_whole_selection()
    {
        var store = CorpusStore.Instance;
        var all = store.Targets(new TargetFilter());
        Assert.True(all.Total > 30, $"only {all.Total} targets in the corpus");
        // Pages of 7 rows put together are the whole table; each says the same total.
        var paged = new List<TargetRow>();
        for (var offset = 0; offset < all.Total + 7; offset += 7)
        {
            var page = store.Targets(new TargetFilter(), offset, 7);
            Assert.Equal(all.Total, page.Total);
            Assert.True(page.Rows.Count <= 7);
            paged.AddRange(page.Rows);
        }
        Assert.Equal(all.Rows, paged);
        // The per-document counts are those of the corpus, documents in reading order.
        var expected = Clauses.Where(c => c.Targets.Count > 0).GroupBy(c => c.DocId)
            .Select(g => (g.Key, g.Sum(c => c.Targets.Count),
                string.Join(",", g.SelectMany(c => c.Targets).Select(t => t.TargetYear).OfType<int>().GroupBy(y => y).OrderBy(y => y.Key).Select(y => $"{y.Key}:{y.Count()}"))))
            .OrderBy(e => e.Key, StringComparer.Ordinal);
        var actual = all.Documents
            .Select(d => (d.DocId, d.Count, string.Join(",", d.ByYear.OrderBy(y => y.Key).Select(y => $"{y.Key}:{y.Value}"))))
            .OrderBy(e => e.DocId, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.Equal(all.Rows.Select(r => r.DocId).Distinct(), all.Documents.Select(d => d.DocId));
        // A page past the end is empty and still counts.
        var past = store.Targets(new TargetFilter(), all.Total + 100, 10);
        Assert.Empty(past.Rows);
        Assert.Equal(all.Total, past.Total);
    }

    [Fact]
    public void Industry_counts_are_the_clauses_of_each_document_tagged_with_the_industry_or_a_child()
    {
        var industries = CorpusStore.Instance.Industries();
        var c31 = industries.Single(i => i.Code == "C31");
        foreach (var (doc, count) in c31.ClauseCountsByDoc)
        {
            Assert.Equal(Clauses.Count(c => c.DocId == doc && c.Industries.Any(t => t.Code.StartsWith("C31", StringComparison.Ordinal))), count);
        }
        Assert.True(c31.ClauseCountsByDoc.Values.Sum() > 5);
    }

    [Theory]
    [InlineData("C32", "C32")]
    [InlineData("c32", "C32")]
    [InlineData(" 有色金属 ", "C32")]
    [InlineData("有色行业", "C32")]
    [InlineData("电解铝", "C3216")]
    [InlineData("有色金属行业", "C32")]      // a name with 行业 after it, as the texts write it
    [InlineData("钢铁工业", "C31")]
    public void An_industry_is_found_by_code_name_or_alias_as_the_search_filter_reads_them(string name, string code)
    {
        var store = CorpusStore.Instance;
        Assert.Equal(code, store.Industry(name)?.Code);
        // The filter finds the same clauses by that name as by the code.
        Assert.Equal(store.Search(new SearchRequest { Industry = [code] }).Total, store.Search(new SearchRequest { Industry = [name] }).Total);
    }

    [Theory]
    [InlineData("")]
    [InlineData("C99999")]
    [InlineData("有色金属行业的")]
    [InlineData("行业")]
    [InlineData("C3")]
    public void A_name_no_industry_bears_finds_none(string name) => Assert.Null(CorpusStore.Instance.Industry(name));
}
