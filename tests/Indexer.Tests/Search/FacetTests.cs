using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

public sealed class FacetTests : IDisposable
{
    private readonly GreenPolicy.Index.LuceneStore store = SmallIndex.Open();

    public void Dispose() => store.Dispose();

    private static int Count(SearchResult r, string dim, string value) =>
        r.Facets[dim].FirstOrDefault(f => f.Value == value)?.Count ?? 0;

    [Fact]
    public void CountsWithoutFiltersCoverEveryMatch()
    {
        var r = store.Search(new SearchRequest { Q = "钢铁" });
        Assert.Equal(3, r.Total);
        Assert.Equal(2, Count(r, "doc", "nat"));
        Assert.Equal(1, Count(r, "doc", "gz"));
        Assert.Equal(3, Count(r, "industry", "C31"));
        Assert.Equal("钢铁", r.Facets["industry"].Single(f => f.Value == "C31").Label);
    }

    [Fact]
    public void EachFacetIsCountedUnderTheOtherFilters()
    {
        // Filtering to Guizhou leaves one hit, but the jurisdiction facet still shows CN (2) beside CN-GZ (1),
        // so the user can switch; the doc facet, under the jurisdiction filter, only shows gz.
        var r = store.Search(new SearchRequest { Q = "钢铁", Jurisdiction = ["CN-GZ"] });
        Assert.Equal(["gz/p2"], r.Hits.Select(h => h.Id));
        Assert.Equal(1, r.Total);
        Assert.Equal(2, Count(r, "jurisdiction", "CN"));
        Assert.Equal(1, Count(r, "jurisdiction", "CN-GZ"));
        Assert.Equal(0, Count(r, "doc", "nat"));
        Assert.Equal(1, Count(r, "doc", "gz"));
        Assert.Equal(1, Count(r, "modality", Modalities.Encourage));
        Assert.Equal(0, Count(r, "modality", Modalities.Prohibit));
    }

    [Fact]
    public void TwoFiltersEachCountUnderTheOther()
    {
        var r = store.Search(new SearchRequest { Q = "", Modality = ["encourage"], Jurisdiction = ["CN"] });
        Assert.Equal(0, r.Total);
        // modality counted under jurisdiction=CN only; jurisdiction counted under modality=encourage only.
        Assert.Equal(1, Count(r, "modality", Modalities.Prohibit));
        Assert.Equal(2, Count(r, "jurisdiction", "CN-GZ"));
        Assert.Equal(0, Count(r, "jurisdiction", "CN"));
    }

    [Fact]
    public void IndustryFilterIncludesChildren()
    {
        // C32 (有色金属) finds gz/p1 (tagged C32) and nat/p1, nat/p3 (tagged C3216 电解铝); a name works as well as a code.
        var byCode = store.Search(new SearchRequest { Industry = ["C32"] }).Hits.Select(h => h.Id).Order().ToList();
        Assert.Equal(["gz/p1", "nat/p1", "nat/p3"], byCode);
        var byName = store.Search(new SearchRequest { Industry = ["有色"] }).Hits.Select(h => h.Id).Order().ToList();
        Assert.Equal(byCode, byName);
    }

    [Fact]
    public void DepartmentFilterTakesAnyAliasAndAnOptionalRole()
    {
        Assert.Equal(["nat/p4"], store.Search(new SearchRequest { Department = ["环保部"] }).Hits.Select(h => h.Id));
        Assert.Equal(["nat/p3", "gz/p2"], store.Search(new SearchRequest { Department = ["节能司"] }).Hits.Select(h => h.Id));
        Assert.Equal(["nat/p3"], store.Search(new SearchRequest { Department = ["节能司"], Role = Roles.Lead }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void StatusIsComputedFromThePeriodAgainstTheGivenToday()
    {
        // nat's period ends 2020, gz's 2030: in 2026 nat is 已到期; in 2019 both are 现行.
        using var in2026 = SmallIndex.Open(today: new DateOnly(2026, 1, 1));
        Assert.All(in2026.Search(new SearchRequest { Status = ["已到期"] }).Hits, h => Assert.Equal("nat", h.DocId));
        Assert.All(in2026.Search(new SearchRequest { Status = ["现行"] }).Hits, h => Assert.Equal("gz", h.DocId));
        using var in2019 = SmallIndex.Open(today: new DateOnly(2019, 1, 1));
        Assert.Equal(0, in2019.Search(new SearchRequest { Status = ["已到期"] }).Total);
        Assert.Equal("已到期", in2026.Documents().Single(d => d.Meta.Id == "nat").Status);
    }

    [Fact]
    public void YearAndTopicFilters()
    {
        Assert.Equal(["nat/p1", "nat/p3", "gz/p1"], store.Search(new SearchRequest { Year = [2020] }).Hits.Select(h => h.Id));
        Assert.Equal(["nat/p5", "gz/p1"], store.Search(new SearchRequest { Topic = ["资源综合利用"] }).Hits.Select(h => h.Id));
    }
}
