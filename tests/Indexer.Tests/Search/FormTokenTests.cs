using System.Text.Json;
using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// A vocabulary form of three or more characters is searched through its form token (FormTokens, FormQuery), not as a
/// phrase of its bigrams. That is a speed-up only: on the real corpus every form must match the same clauses with the
/// same scores as its phrase, and whole searches must answer exactly as an index written without form tokens.
/// </summary>
public sealed class FormTokenTests
{
    private sealed record Written(LuceneStore Store, DirectoryReader Reader);

    private static readonly Lazy<(Written With, Written Without, IReadOnlyList<string> Forms)> Indexes = new(() =>
    {
        using var corpus = CorpusPipeline.Run(RepoPaths.CorpusDir);
        Assert.True(corpus.Succeeded, string.Join("\n", corpus.Errors));
        Written Open(IReadOnlyList<string>? forms)
        {
            var dir = new RAMDirectory();
            GenerationWriter.Write(dir, corpus.Documents, corpus.Vocabulary, progress: null, segments: null, flushEveryDocs: null, forms);
            var reader = DirectoryReader.Open(dir);
            return new Written(new LuceneStore(reader, corpus.Vocabulary, "corpus", () => CorpusStore.Today, CitationWiring.Default, dir), reader);
        }
        return (Open(null), Open([]), FormTokens.Forms(corpus.Vocabulary));
    });

    [Fact]
    public void TheIndexListsItsFormsAndAnIndexWithoutThemListsNone()
    {
        var (with, without, forms) = Indexes.Value;
        Assert.True(forms.Count > 100, $"only {forms.Count} forms of 3+ characters in the vocabulary");
        Assert.Equal(forms.ToHashSet(), FormTokens.Read(with.Reader));
        Assert.Empty(FormTokens.Read(without.Reader));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("heading")]
    public void EveryFormMatchesAndScoresAsItsPhrase(string field)
    {
        var (with, _, forms) = Indexes.Value;
        var searcher = new IndexSearcher(with.Reader) { Similarity = GenerationWriter.Similarity };
        var asForms = new QueryBuilder(new ChineseAnalyzer(), forms.ToHashSet());
        var asPhrases = new QueryBuilder(new ChineseAnalyzer());
        var found = 0;
        foreach (var form in forms)
        {
            var formQuery = asForms.PhraseOf(field, form);
            var phrase = asPhrases.PhraseOf(field, form);
            Assert.IsType<FormQuery>(formQuery);
            Assert.IsType<PhraseQuery>(phrase);
            var expected = searcher.Search(phrase, with.Reader.MaxDoc);
            var actual = searcher.Search(formQuery, with.Reader.MaxDoc);
            Assert.Equal(expected.TotalHits, actual.TotalHits);
            Assert.Equal(expected.ScoreDocs.Select(d => (d.Doc, d.Score)), actual.ScoreDocs.Select(d => (d.Doc, d.Score)));
            if (actual.TotalHits > 0)
            {
                found++;
                // An explanation adds up its parts in another order: equal to float rounding, as Lucene's own.
                var explained = searcher.Explain(formQuery, actual.ScoreDocs[0].Doc).Value;
                Assert.True(Math.Abs(explained - actual.ScoreDocs[0].Score) <= 1e-5 * actual.ScoreDocs[0].Score, $"{form}: explained {explained}, scored {actual.ScoreDocs[0].Score}");
            }
        }
        // The comparison proves something only if many forms occur.
        Assert.True(found >= (field == "text" ? 50 : 5), $"only {found} of {forms.Count} forms occur in the {field} field");
    }

    private static readonly string[] RequestJson =
    [
        """{"q":"光伏"}""",
        """{"q":"钢铁"}""",
        """{"q":"地条钢"}""",
        """{"q":"有色金属"}""",
        """{"q":"新能源 2020年"}""",
        """{"q":"绿色制造体系"}""",
        """{"q":"工业固体废物"}""",
        """{"q":"挥发性有机物"}""",
        """{"q":"工业和信息化部 牵头"}""",
        """{"q":"清洁生产","jurisdiction":["CN-GZ"]}""",
        """{"q":"磷石膏无害化处理率"}""",
        """{"q":"\"绿色工厂\""}""",
        """{"q":"电解铝 -水泥"}""",
    ];

    public static TheoryData<string> Requests() => new(RequestJson);

    [Theory]
    [MemberData(nameof(Requests))]
    public void SearchesAnswerAsWithoutFormTokens(string requestJson)
    {
        var request = JsonSerializer.Deserialize<SearchRequest>(requestJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var (with, without, _) = Indexes.Value;
        var expected = without.Store.Search(request) with { TookMs = 0 };
        var actual = with.Store.Search(request) with { TookMs = 0 };
        Assert.True(expected.Total > 0, $"{requestJson} finds nothing: the comparison would prove little");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    [Fact]
    public void FormsAreFoundWithinARunOnlyAndEachOccurrenceCounts()
    {
        var matcher = new FormMatcher(["清洁能源", "能源产业", "清洁能源产业", "哈哈哈"]);
        Assert.Equal(
            ["清洁能源", "清洁能源产业", "能源产业", "清洁能源"],
            Tokens(matcher, "发展清洁能源产业，推广清洁能源"));
        // A punctuation mark or a Latin word ends a run: no phrase of bigrams matches across it, nor does a form.
        Assert.Equal(["能源产业"], Tokens(matcher, "清洁，能源产业"));
        Assert.Empty(Tokens(matcher, "清洁能 abc 源产业"));
        // Overlapping occurrences count, as ExactPhraseScorer counts them.
        Assert.Equal(["哈哈哈", "哈哈哈"], Tokens(matcher, "哈哈哈哈"));
    }

    private static List<string> Tokens(FormMatcher matcher, string text) =>
        Index.AnalyzerAssert.Analyze(new FormsAnalyzer(matcher), text).Select(t => t.Term).ToList();
}
