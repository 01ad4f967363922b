using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>Lucene's own syntax typed by a person is text, never syntax: no exception, a sane answer.</summary>
public sealed class QuerySafetyTests : IDisposable
{
    private readonly GreenPolicy.Index.LuceneStore store = SmallIndex.Open();

    public void Dispose() => store.Dispose();

    public static TheoryData<string> Inputs => new()
    {
        "*:*",                  // match-all in Lucene syntax: here only punctuation, nothing to search
        "text:钢铁",             // a field prefix is not a field: 钢铁 is still searched
        "钢铁 AND (",            // unbalanced parenthesis and an operator word
        "\"",                   // a lone quote
        "\\",                   // a lone backslash
        "钢铁\"产能",             // an unclosed quote in the middle
        "-",                    // a lone minus
        "--钢铁",                // a double minus
        "钢铁~2 产能^10",          // fuzzy and boost operators
        "[* TO *]",             // a range
        "电解铝 /正则/",           // a regex
        "\u0000\uFFFF\uD800",   // control, non-character, lone surrogate
        "   ",                  // only spaces
        "哪些",                  // only a question word
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void LuceneSyntaxIsTreatedAsText(string q)
    {
        var result = store.Search(new SearchRequest { Q = q });
        Assert.NotNull(result);
        Assert.True(result.Total >= 0);
        Assert.All(result.Hits, h => Assert.DoesNotContain("<script", h.Snippet));
    }

    [Fact]
    public void MatchAllSyntaxDoesNotMatchAll()
    {
        var result = store.Search(new SearchRequest { Q = "*:*" });
        Assert.Equal(0, result.Total);
        Assert.Contains(result.Notes, n => n.Contains("没有可检索的词"));
    }

    [Fact]
    public void FieldPrefixIsJustAWord()
    {
        // "text:钢铁" searches for the words text and 钢铁; 钢铁 clauses still come back.
        var ids = store.Search(new SearchRequest { Q = "text:钢铁" }).Hits.Select(h => h.Id).ToList();
        Assert.Contains("nat/p1", ids);
    }

    [Fact]
    public void VeryLongInputIsCutAndAnsweredQuickly()
    {
        var q = string.Concat(Enumerable.Repeat("钢铁 产能 ", 1_000)) + new string('铝', 5_000);
        Assert.True(q.Length >= 10_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = store.Search(new SearchRequest { Q = q });
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Contains(result.Notes, n => n.Contains("查询过长"));
        Assert.Equal("nat/p1", result.Hits[0].Id);
    }

    [Fact]
    public void EmptyQueryListsClausesInReadingOrder()
    {
        var result = store.Search(new SearchRequest { Q = "", Size = 3 });
        Assert.Equal(8, result.Total);
        Assert.Equal(["nat/p1", "nat/p2", "nat/p3"], result.Hits.Select(h => h.Id));
    }
}
