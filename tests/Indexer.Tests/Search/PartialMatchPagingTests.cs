using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// A search with fewer full matches than a page lists partial matches after them. From the first page that reaches
/// past the full matches, its total counts every partial match, whatever the page size: a client pages by the total
/// (the site's pager), and a total that grew by a page at a time hid the partial matches past the page it showed.
/// </summary>
public sealed class PartialMatchPagingTests
{
    private static SearchResult Search(string q, int page, int size) =>
        CorpusStore.Instance.Search(new SearchRequest { Q = q, Page = page, Size = size, Facets = false });

    [Theory]
    [InlineData("钢铁")]      // 57 full matches in the corpus, more partial ones
    [InlineData("磷石膏 赤泥")]
    public void From_the_first_page_with_partial_matches_the_total_counts_them_all(string q)
    {
        var full = Search(q, 1, 1).Total;          // a page of one: full matches only
        var all = Search(q, 1, 100).Total;
        Assert.True(all > full, $"{q}: {all} with partial matches, {full} without");
        foreach (var size in new[] { 7, 20, 100 })
        {
            for (var page = 1; page <= 6; page++)
            {
                var expected = page * size > full ? all : full;
                var total = Search(q, page, size).Total;
                Assert.True(expected == total, $"{q}: page {page} of {size} says {total}, expected {expected}");
            }
        }
    }

    [Theory]
    [InlineData("\"超低排放\"")]          // two clauses say it
    [InlineData("“十三五”")]
    public void A_quoted_phrase_lists_its_exact_matches_alone(string q)
    {
        var result = Search(q, 1, 100);
        Assert.True(result.Total is > 0 and < 20, $"{q}: {result.Total}");
        Assert.Equal(result.Total, result.Hits.Count);
        Assert.DoesNotContain(result.Notes, n => n.Contains("部分匹配", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("钢铁")]
    [InlineData("磷石膏 赤泥")]
    public void Pages_of_twenty_list_what_one_page_of_a_hundred_lists(string q)
    {
        var big = Search(q, 1, 100);
        Assert.Contains(big.Notes, n => n.Contains("部分匹配", StringComparison.Ordinal));
        var paged = new List<string>();
        for (var page = 1; page <= 5; page++)
        {
            paged.AddRange(Search(q, page, 20).Hits.Select(h => h.Id));
        }
        Assert.Equal(big.Hits.Select(h => h.Id), paged);
        Assert.Equal(paged.Count, paged.Distinct().Count());
        // Every listed hit is counted, and the pager reaches every counted one.
        Assert.True(big.Total >= big.Hits.Count);
        var last = (big.Total - 1) / 20 + 1;
        Assert.NotEmpty(Search(q, last, 20).Hits);
        Assert.Empty(Search(q, last + 1, 20).Hits);
    }
}
