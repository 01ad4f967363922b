using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// An industry's name inside a word the taxonomy says is no industry (再生有色金属, 废钢铁: recycled materials) matches
/// the words of a search for the industry; the clause is still found, after the clauses that say the word and are
/// tagged with the industry. (A clause tagged through another form, 冶金 for 钢铁, and not saying the word, may come
/// either side: both are weak matches.)
/// </summary>
public class UntaggedIndustryWordTests
{
    [Theory]
    [InlineData("有色金属", "有色", "C32")]
    [InlineData("钢铁", "钢铁", "C31")]
    public void Clauses_the_tagger_left_untagged_follow_the_industrys_clauses(string query, string word, string industry)
    {
        // Before: 其中：再生有色金属（万吨） ranked 2nd for 有色金属, 废钢铁（万吨） 5th for 钢铁.
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = query, Size = 100 }).Hits;
        bool Tagged(SearchHit h) => h.Industries.Any(i => i.Code.StartsWith(industry, StringComparison.Ordinal));
        var saying = hits.Select((h, rank) => (h, rank)).Where(x => x.h.Text.Contains(word)).ToList();
        var untagged = saying.Where(x => !Tagged(x.h)).ToList();
        var lastTagged = saying.Last(x => Tagged(x.h)).rank;
        Assert.NotEmpty(untagged);
        Assert.All(untagged, x => Assert.True(x.rank > lastTagged,
            $"{x.h.Text[..Math.Min(20, x.h.Text.Length)]} at {x.rank + 1}, a {industry} clause at {lastTagged + 1}"));
    }

    [Theory]
    [InlineData("再生有色金属")]
    [InlineData("废钢铁")]
    public void A_search_for_the_material_itself_finds_it_first(string word)
    {
        // The query reads the false friend whole: it asks for the word, not for the industry inside it.
        var hits = CorpusStore.Instance.Search(new SearchRequest { Q = word, Size = 5 }).Hits;
        Assert.Contains(word, hits[0].Text);
    }

    [Fact]
    public void A_string_read_across_words_is_no_word_of_a_query()
    {
        // 化工业 is the chemical industry (盐化工业); typed in a search it is 化工, as 优化工业 is no word of a query.
        var asTyped = CorpusStore.Instance.Search(new SearchRequest { Q = "化工业", Size = 10 }).Hits;
        Assert.All(asTyped, h => Assert.Contains(h.Industries, i => i.Code.StartsWith("C26", StringComparison.Ordinal)));
    }
}
