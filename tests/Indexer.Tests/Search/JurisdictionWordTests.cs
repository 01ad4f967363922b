using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>A word naming a province favours that province's clauses over national ones that merely share the other words.</summary>
public class JurisdictionWordTests
{
    [Theory]
    // At a 2× boost the Guizhou clause 三(六) on 再制造 came sixth, below national and Sichuan clauses.
    [InlineData("贵州 再制造", "CN-GZ")]
    [InlineData("四川 绿色园区", "CN-SC")]
    public void TheTopHitIsFromTheNamedProvince(string query, string jurisdiction)
    {
        var store = CorpusStore.Instance;
        var result = store.Search(new SearchRequest { Q = query, Size = 3 });
        Assert.NotEmpty(result.Hits);
        var top = store.Documents().Single(d => d.Meta.Id == result.Hits[0].DocId);
        Assert.Equal(jurisdiction, top.Meta.Jurisdiction);
    }
}
