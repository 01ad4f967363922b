using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>A four-character word no dictionary knows is two words, and either of them names the matter.</summary>
public class CompoundWordTests
{
    [Fact]
    public void Either_word_of_an_unknown_compound_raises_a_clause()
    {
        // 产能置换 is unknown to the vocabulary. While it counted only as a phrase or through the bigram across its
        // words (能置), the top ten for 钢铁 产能置换 held three clauses about 产能, then 吨钢 indicator rows and other
        // steel clauses; the clauses on steel capacity (淘汰落后产能, 过剩产能) came later.
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = "钢铁 产能置换", Size = 10 }).Hits;
        var capacity = hits.Count(h => h.Text.Contains("产能"));
        Assert.True(capacity >= 5, $"{capacity} of the top ten are about 产能");
    }

    [Fact]
    public void A_common_word_of_the_compound_adds_no_matches()
    {
        // 生产 is in most clauses: 错峰生产 must not find them all.
        var both = CorpusStore.Instance.Search(new SearchRequest { Q = "错峰生产", Size = 1 }).Total;
        var word = CorpusStore.Instance.Search(new SearchRequest { Q = "生产", Size = 1 }).Total;
        Assert.True(both * 3 < word, $"错峰生产 {both}, 生产 {word}");
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
