using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>A narrower form of an industry ranks the clauses that use that very form first.</summary>
public class LiteralFormTests
{
    [Theory]
    // 地条钢 is one of 钢铁's forms: the two clauses saying 地条钢 (000 （六）, 001 （二）) ranked 6th and 8th below
    // 吨钢 rows and steel box items until the typed form weighed on its own.
    [InlineData("地条钢", 2)]
    public void ClausesWithTheTypedFormComeFirst(string query, int expected)
    {
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = query, Size = expected }).Hits;
        Assert.Equal(expected, hits.Count);
        Assert.All(hits, h => Assert.Contains(query, h.Text));
    }
}
