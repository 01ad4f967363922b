using System.Text.Json;
using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// A large index is merged into one segment per core and a search scores the segments side by side
/// (GenerationWriter.SegmentsFor, LuceneStore.Collect). The real corpus written as one segment and as several
/// must answer every search identically: the same hits with the same scores, totals, facet counts and notes.
/// </summary>
public sealed class SegmentedSearchTests
{
    private static readonly Lazy<(LuceneStore One, LuceneStore Several, int Segments)> Stores = new(() =>
    {
        using var corpus = CorpusPipeline.Run(RepoPaths.CorpusDir);
        Assert.True(corpus.Succeeded, string.Join("\n", corpus.Errors));
        LuceneStore Open(int segments, int? flushEveryDocs, out int leaves)
        {
            var dir = new RAMDirectory();
            GenerationWriter.Write(dir, corpus.Documents, corpus.Vocabulary, progress: null, segments, flushEveryDocs);
            var reader = DirectoryReader.Open(dir);
            leaves = reader.Leaves.Count;
            return new LuceneStore(reader, corpus.Vocabulary, "corpus", () => CorpusStore.Today, CitationWiring.Default, dir);
        }
        var one = Open(1, null, out _);
        var several = Open(3, 40, out var count); // ~300 clauses flushed as ~8 segments, merged into 3
        return (one, several, count);
    });

    // Search requests as the API takes them (SearchRequest in JSON).
    private static readonly string[] RequestJson =
    [
        """{"q":"钢铁"}""",
        """{"q":"汞"}""",
        """{"q":"绿色制造体系"}""",
        """{"q":"超低排放 钢铁"}""",
        """{"q":"贵州 磷石膏"}""",
        """{"q":"工业固体废物综合利用率 2020年"}""",
        """{"q":"禁止"}""",
        """{"q":"节能","industry":["C31"]}""",
        """{"q":"清洁生产","jurisdiction":["CN-GZ"]}""",
        """{"q":"能耗","year":[2020]}""",
        """{"q":"","modality":["prohibit"]}""",
        """{"q":"园区","sort":"order","page":2,"size":5}""",
        """{"q":"绿色","page":3,"size":10}""",
        """{"q":"磷石膏无害化处理率"}""",
        """{"q":"黔府办发〔2018〕14号"}""",
    ];

    public static TheoryData<string> Requests() => new(RequestJson);

    private static SearchRequest Parse(string json) =>
        JsonSerializer.Deserialize<SearchRequest>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public void TheIndexIsReallySplit()
    {
        Assert.Equal(3, Stores.Value.Segments);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void SeveralSegmentsAnswerAsOne(string requestJson)
    {
        var request = Parse(requestJson);
        var (one, several, _) = Stores.Value;
        var expected = one.Search(request) with { TookMs = 0 };
        var actual = several.Search(request) with { TookMs = 0 };
        Assert.True(expected.Total > 0, $"{requestJson} finds nothing: the comparison would prove little");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
    }

    [Fact]
    public void ConcurrentSearchesAnswerAsOne()
    {
        // Searches running side by side score the segments one after the other (only a search running alone splits
        // them over the cores): both ways, and any mix of them, must answer as the one-segment index does.
        var (one, several, _) = Stores.Value;
        var requests = RequestJson.Select(Parse).ToList();
        var expected = requests.Select(r => JsonSerializer.Serialize(one.Search(r) with { TookMs = 0 })).ToList();
        var actual = new string[4][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = actual.Length }, t =>
            actual[t] = requests.Select(r => JsonSerializer.Serialize(several.Search(r) with { TookMs = 0 })).ToArray());
        foreach (var run in actual)
        {
            Assert.Equal(expected, run);
        }
    }

    [Fact]
    public void PartsAreBalancedAndCoverEverySegmentOnce()
    {
        var sizes = new long[] { 90, 10, 40, 40, 30, 30, 20, 5, 5 };
        var parts = BalancedMergePolicy.Parts(sizes, 3);
        Assert.Equal(3, parts.Count);
        Assert.Equal(Enumerable.Range(0, sizes.Length), parts.SelectMany(p => p).Order());
        Assert.Equal([90L, 90L, 90L], parts.Select(p => p.Sum(i => sizes[i])));
        Assert.Equal(parts.Select(p => string.Join(",", p)), BalancedMergePolicy.Parts(sizes, 3).Select(p => string.Join(",", p)));
        Assert.Single(BalancedMergePolicy.Parts(sizes, 1));
    }
}
