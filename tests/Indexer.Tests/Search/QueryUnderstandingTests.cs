using GreenPolicy.Domain;
using GreenPolicy.Index;

namespace GreenPolicy.Indexer.Tests.Search;

public class QueryUnderstandingTests
{
    private static readonly QueryUnderstanding Understanding =
        new(new VocabularyIndex(SmallIndex.Vocabulary), [SmallIndex.National(), SmallIndex.Guizhou()]);

    [Fact]
    public void AQuestionIsSegmentedIntoQuestionWordsModalityIndustryAndPlainWords()
    {
        var plan = Understanding.Understand("哪些条款禁止新增钢铁产能");
        Assert.Equal(["新增", "钢铁", "产能"], plan.Concepts.Select(c => c.Surface));
        Assert.Contains(new TagTerm(Fields.Industry, "C31"), plan.Concepts[1].Tags);
        Assert.Contains(plan.Boosts, b => b.Field == Fields.Modality && b.Value == Modalities.Prohibit);
        Assert.Contains(plan.Notes, n => n.Contains("哪些"));
        Assert.Contains(plan.Notes, n => n.Contains("条款"));
    }

    [Theory]
    [InlineData("哪些文件提到超低排放")]       // no particle to split the run at: 文件提到超低排放 was one unknown word
    [InlineData("哪些文件提到了超低排放")]
    [InlineData("提及超低排放的条款")]
    [InlineData("哪份文件写到超低排放")]
    [InlineData("请列出超低排放")]             // 请列出 was a required word: nothing found
    [InlineData("超低排放相关条款")]
    public void Words_about_documents_mentioning_something_are_not_searched_for(string q)
    {
        Assert.Equal(["超低排放"], Understanding.Understand(q).Concepts.Select(c => c.Surface));
        var store = CorpusStore.Instance;
        var plain = store.Search(new GreenPolicy.Search.SearchRequest { Q = "超低排放" });
        Assert.Equal(plain.Hits.Select(h => h.Id), store.Search(new GreenPolicy.Search.SearchRequest { Q = q }).Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("申请")]
    [InlineData("提请")]
    public void Question_words_do_not_split_words_that_end_like_them(string q) =>
        Assert.Equal([q], Understanding.Understand(q).Concepts.Select(c => c.Surface));

    [Fact]
    public void A_search_for_an_issuer_no_clause_names_says_which_documents_it_issued()
    {
        var result = CorpusStore.Instance.Search(new GreenPolicy.Search.SearchRequest { Q = "财政部" });
        Assert.Equal(0, result.Total);
        Assert.Contains(result.Notes, n => n == "没有条款提到“财政部”：它是《关于加强长江经济带工业绿色发展的指导意见》的发文机关");
        // A search that finds clauses says nothing of issuers.
        Assert.DoesNotContain(CorpusStore.Instance.Search(new GreenPolicy.Search.SearchRequest { Q = "工业和信息化部" }).Notes,
            n => n.Contains("发文机关", StringComparison.Ordinal));
    }

    [Theory]
    // 贵州 names the Guizhou document's scope (贵州省 without 省): a boost, not a required word.
    [InlineData("贵州 钢铁", Fields.Jurisdiction, "CN-GZ")]
    // A short title names a document.
    [InlineData("贵州省绿色制造三年行动计划 钢铁", Fields.Doc, "gz")]
    // 国家 names the national level.
    [InlineData("国家 钢铁", Fields.Level, Levels.National)]
    public void PlaceDocumentAndLevelWordsBecomeBoosts(string q, string field, string value)
    {
        var plan = Understanding.Understand(q);
        Assert.Contains(plan.Boosts, b => b.Field == field && b.Value == value);
        Assert.Equal(["钢铁"], plan.Concepts.Select(c => c.Surface));
    }

    [Fact]
    public void AliasesExpandToTheWholeGroup()
    {
        var plan = Understanding.Understand("环保部");
        var concept = Assert.Single(plan.Concepts);
        Assert.Contains("生态环境部", concept.Alternatives);
        Assert.Contains("环境保护部", concept.Alternatives);
        Assert.Contains(new TagTerm(Fields.Department, "生态环境部"), concept.Tags);
        // VOCs is a synonym group, not a tag.
        var vocs = Assert.Single(Understanding.Understand("VOCs").Concepts);
        Assert.Contains("挥发性有机物", vocs.Alternatives);
        Assert.Empty(vocs.Tags);
    }

    [Fact]
    public void RoleWordQualifiesTheDepartment()
    {
        var plan = Understanding.Understand("节能司 负责");
        Assert.Equal(["节能司"], plan.Concepts.Select(c => c.Surface));
        Assert.Contains(plan.Boosts, b => b.Field == Fields.DepartmentRole && b.Value == "工业和信息化部节能与综合利用司|lead");
    }

    [Fact]
    public void UserSyntaxQuotesAndExclusions()
    {
        var plan = Understanding.Understand("\"阶梯 电价\" -水泥 ＶＯＣｓ");
        Assert.True(plan.Concepts[0].Exact);
        Assert.Equal("阶梯 电价", plan.Concepts[0].Surface);
        Assert.Equal("水泥", Assert.Single(plan.Excluded).Surface);
        Assert.Equal("vocs", plan.Concepts[1].Surface);
    }

    [Fact]
    public void YearWordsMatchTextOrYearTag()
    {
        var concept = Assert.Single(Understanding.Understand("2020年").Concepts);
        Assert.Contains(new TagTerm(Fields.Year, "2020"), concept.Tags);
    }

    [Fact]
    public void A_word_holding_an_industry_name_is_read_whole_and_asks_for_no_industry()
    {
        var vocabulary = new QueryVocabulary
        {
            Entries = [.. SmallIndex.Vocabulary.Entries, new VocabularyEntry { Kind = VocabularyKinds.Word, Key = "废钢铁", Name = "废钢铁" }],
        };
        var plan = new QueryUnderstanding(new VocabularyIndex(vocabulary), []).Understand("废钢铁 回收");
        Assert.Equal(["废钢铁", "回收"], plan.Concepts.Select(c => c.Surface));
        Assert.Empty(plan.Concepts[0].Tags);
        Assert.DoesNotContain(plan.Boosts, b => b.Field == Fields.IndustryPassedOver);
    }

    [Fact]
    public void An_industry_concept_lowers_the_clauses_that_only_pass_its_name_over()
    {
        var plan = Understanding.Understand("钢铁 产能");
        Assert.Contains(plan.Boosts, b => b.Field == Fields.IndustryPassedOver && b.Value == "C31" && b.Weight < 1);
    }
}
