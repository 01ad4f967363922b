using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

public sealed class RankingTests : IDisposable
{
    private readonly GreenPolicy.Index.LuceneStore store = SmallIndex.Open();

    public void Dispose() => store.Dispose();

    private IReadOnlyList<string> Ids(string q, int size = 20) => store.Search(new SearchRequest { Q = q, Size = size }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void ChineseWordIsAPhraseNotLooseCharacters()
    {
        // nat/p2 has 电解 (电解水) and 铝 (铝合金) but not 电解铝: it must not match.
        Assert.Equal(["nat/p1", "nat/p3"], Ids("电解铝").Order());
    }

    [Fact]
    public void SingleCharacterQueryFindsTheCharacter()
    {
        Assert.Equal(["nat/p6"], Ids("汞"));
    }

    [Fact]
    public void LatinTermsMatchCaseInsensitivelyAndThroughTheirSynonyms()
    {
        // vocs is VOCs; 挥发性有机物 is its synonym group.
        Assert.Equal(["nat/p4"], Ids("vocs"));
        Assert.Equal(["nat/p4"], Ids("挥发性有机物"));
    }

    [Fact]
    public void HeadingMatchOutranksPassingMention()
    {
        // nat/p1's heading is about new steel capacity; nat/p5 and gz/p2 only mention 钢铁.
        var ids = Ids("钢铁");
        Assert.Equal("nat/p1", ids[0]);
        Assert.Equal(["gz/p2", "nat/p1", "nat/p5"], ids.Order().ToList());
    }

    [Fact]
    public void ClausesWithEveryWordComeFirstButOthersStillFollow()
    {
        var ids = Ids("钢铁 产能置换");
        Assert.Equal("nat/p1", ids[0]);
        Assert.Contains("nat/p5", ids);
    }

    [Fact]
    public void ParentIndustryFindsChildIndustryTags()
    {
        // 有色金属 (C32): gz/p1 writes 有色; nat/p3 is tagged 电解铝 (C3216 ⊂ C32) without the word.
        var ids = Ids("有色金属");
        Assert.Equal("gz/p1", ids[0]);
        Assert.Contains("nat/p3", ids);
    }

    [Fact]
    public void DepartmentAliasAndRoleWordFavourTheLeadClause()
    {
        // 节能司 leads nat/p3 and participates in gz/p2: 负责 puts the lead first.
        Assert.Equal(["nat/p3", "gz/p2"], Ids("节能司 负责").Take(2));
        // 环保部 is an alias of 生态环境部, tagged on nat/p4 (written 环境保护部).
        Assert.Equal("nat/p4", Ids("环保部").First());
    }

    [Fact]
    public void JurisdictionWordBoostsInsteadOfBeingRequired()
    {
        // 贵州 occurs in no clause text; it raises gz clauses above the national one.
        var ids = Ids("贵州 钢铁");
        Assert.Equal("gz/p2", ids[0]);
        Assert.Contains("nat/p1", ids);
    }

    [Fact]
    public void QuestionWordsAreIgnoredAndModalityFavoursTaggedClauses()
    {
        var result = store.Search(new SearchRequest { Q = "哪些条款禁止新增钢铁产能" });
        Assert.Equal("nat/p1", result.Hits[0].Id);
        Assert.Contains(result.Notes, n => n.Contains("哪些"));
    }

    [Fact]
    public void ExcludedWordRemovesClauses()
    {
        Assert.DoesNotContain("nat/p1", Ids("钢铁 -产能"));
        Assert.Contains("nat/p5", Ids("钢铁 -产能"));
    }

    [Fact]
    public void QuotedPhraseIsExact()
    {
        Assert.Equal(["nat/p3"], Ids("\"阶梯电价\""));
        Assert.Empty(Ids("\"电价阶梯\""));
    }

    [Fact]
    public void SortByOrderFollowsReadingOrder()
    {
        var hits = store.Search(new SearchRequest { Q = "钢铁", Sort = "order" }).Hits.Select(h => h.Id).ToList();
        Assert.Equal(["nat/p1", "nat/p5", "gz/p2"], hits);
    }

    [Fact]
    public void PagingClampsSizeAndPage()
    {
        var all = Ids("钢铁");
        var page2 = store.Search(new SearchRequest { Q = "钢铁", Size = 1, Page = 2 });
        Assert.Equal(all[1], Assert.Single(page2.Hits).Id);
        var huge = store.Search(new SearchRequest { Q = "钢铁", Size = 100_000, Page = -5 });
        Assert.Equal(all, huge.Hits.Select(h => h.Id));
        Assert.Single(store.Search(new SearchRequest { Q = "钢铁", Size = 0 }).Hits);
    }
}
