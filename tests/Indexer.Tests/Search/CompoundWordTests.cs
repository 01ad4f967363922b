using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>A four-character word no dictionary knows is two words, and either of them names the matter.</summary>
public class CompoundWordTests
{
    [Fact]
    public void Either_word_of_an_unknown_compound_raises_a_clause()
    {
        // 产能置换 is unknown to the vocabulary; the clauses about steel capacity (淘汰落后产能, 过剩产能) ranked below
        // 吨钢 indicator rows while the compound counted only through the bigram across its words (能置).
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = "钢铁 产能置换", Size = 6 }).Hits;
        Assert.Equal(6, hits.Count);
        Assert.All(hits, h => Assert.Contains("产能", h.Text));
    }

    [Fact]
    public void The_compound_as_written_still_comes_first()
    {
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = "阶梯电价", Size = 20 }).Hits;
        var written = hits.Count(h => h.Text.Contains("阶梯电价"));
        Assert.True(written >= 2, $"{written} clauses say 阶梯电价");
        Assert.All(hits.Take(written), h => Assert.Contains("阶梯电价", h.Text));
    }
}
