using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// A search deeper than <see cref="SearchLimits.MaxDepth"/>: its pages stop there, and a page past it is empty, so a
/// client that pages until a short page (the CSV export) gets every reachable hit once, never the last page again.
/// </summary>
public sealed class DeepPagingTests : IDisposable
{
    private const int Clauses = SearchLimits.MaxDepth + 150;

    private readonly GreenPolicy.Index.LuceneStore store = SmallIndex.Open([Document()]);

    public void Dispose() => store.Dispose();

    private static ParsedDocument Document()
    {
        var nat = SmallIndex.National();
        return new ParsedDocument
        {
            Meta = nat,
            Clauses = [.. Enumerable.Range(0, Clauses).Select(k => SmallIndex.Clause(nat, $"p{k}", $"第{k}项：推进钢铁行业节能改造。", k))],
        };
    }

    [Theory]
    [InlineData(null)]
    [InlineData("钢铁")]
    public void Pages_stop_at_the_depth_limit_and_a_page_past_it_is_empty(string? q)
    {
        var size = SearchLimits.MaxPageSize;
        var seen = new List<string>();
        // Bounded: a store that repeated its last reachable page would otherwise be paged for ever.
        for (var page = 1; page <= Clauses / size + 2; page++)
        {
            var result = store.Search(new SearchRequest { Q = q, Page = page, Size = size, Facets = false });
            Assert.Equal(Clauses, result.Total);
            seen.AddRange(result.Hits.Select(h => h.Id));
            if (result.Hits.Count < size)
            {
                Assert.Empty(result.Hits);
                Assert.Equal(SearchLimits.MaxDepth / size + 1, page);
                break;
            }
            Assert.True(page <= SearchLimits.MaxDepth / size, $"page {page} past the depth limit came back with {result.Hits.Count} hits");
        }
        Assert.Equal(SearchLimits.MaxDepth, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(store.Search(new SearchRequest { Q = q, Page = 1_000, Size = 7 }).Hits);
    }
}
