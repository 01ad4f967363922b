using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>
/// The serving shortcuts (issue 7) answer exactly what the long way answers: a generation opened from
/// its precomputed extras, hit records read by the hand-written reader, text folded by the fast path.
/// </summary>
public sealed class ServingTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 1, 1);
    private readonly string root = Path.Combine(Path.GetTempPath(), "gp-serving-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static readonly string[] Queries =
        ["电解铝", "钢铁", "汞", "贵州 磷石膏 综合利用", "绿色制造体系", "节能司", "\"超低排放\"", "工业绿色发展规划 三（一）", "哪些条款禁止新增钢铁产能"];

    private string BuildGeneration()
    {
        var index = Path.Combine(root, "index");
        var result = IndexBuild.Run(RepoPaths.CorpusDir, index);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return Path.Combine(index, IndexLayout.ReadCurrent(index)!);
    }

    private static string Answers(LuceneStore store)
    {
        var parts = new List<string> { IndexJson.Write(store.Documents()) };
        foreach (var q in Queries)
        {
            parts.Add(IndexJson.Write(store.Search(new SearchRequest { Q = q, Size = 50 }) with { TookMs = 0 }));
            parts.Add(IndexJson.Write(store.Search(new SearchRequest { Q = q, Industry = ["C31"], Sort = "order" }) with { TookMs = 0 }));
            parts.Add(IndexJson.Write(store.Cite(q)));
        }
        foreach (var d in store.Documents())
        {
            parts.Add(IndexJson.Write(store.Document(d.Meta.Id)));
        }
        return string.Join("\n", parts);
    }

    [Fact]
    public void A_generation_opened_from_its_extras_answers_as_one_opened_from_the_index_alone()
    {
        var dir = BuildGeneration();
        var extras = Path.Combine(dir, GenerationExtras.Folder);
        if (Directory.Exists(extras))
        {
            Directory.Delete(extras, recursive: true);  // a build may already write them: start without
        }
        string fromIndex;
        using (var first = LuceneStore.Open(dir, () => Today))
        {
            fromIndex = Answers(first);
        }
        Assert.True(File.Exists(Path.Combine(extras, "documents.json")), "the first open leaves the extras behind");
        Assert.NotEmpty(Directory.GetFiles(extras, "facets-*.bin"));
        using var second = LuceneStore.Open(dir, () => Today);
        Assert.Equal(fromIndex, Answers(second));
    }

    [Fact]
    public void Damaged_extras_are_ignored()
    {
        var dir = BuildGeneration();
        GenerationExtras.Write(dir);
        string expected;
        using (var store = LuceneStore.Open(dir, () => Today))
        {
            expected = Answers(store);
        }
        foreach (var f in Directory.GetFiles(Path.Combine(dir, GenerationExtras.Folder)))
        {
            File.WriteAllText(f, "{ not what it was");
        }
        using var reopened = LuceneStore.Open(dir, () => Today);
        Assert.Equal(expected, Answers(reopened));
    }

    [Fact]
    public void The_hit_reader_reads_every_hit_record_as_the_general_reader_does()
    {
        using var corpus = CorpusPipeline.Run(RepoPaths.CorpusDir);
        Assert.True(corpus.Succeeded);
        var clauses = corpus.Documents.SelectMany(d => d.Clauses).ToList();
        Assert.True(clauses.Count > 100);
        foreach (var clause in clauses)
        {
            var json = IndexJson.Write(HitRecord.From(clause));
            var fast = HitJson.Read(System.Text.Encoding.UTF8.GetBytes(json));
            Assert.Equal(json, IndexJson.Write(fast));
        }
    }

    [Fact]
    public void The_fold_fast_path_agrees_with_lower_casing()
    {
        // ASCII and U+3001–U+9FFF skip char.ToLowerInvariant: true only while no character there has a lower case.
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var ch = (char)c;
            var expected = ch switch
            {
                >= '\uFF01' and <= '\uFF5E' => char.ToLowerInvariant((char)(ch - 0xFEE0)),
                '\u3000' => ' ',
                _ => char.ToLowerInvariant(ch),
            };
            Assert.Equal(expected, QueryUnderstanding.FoldChar(ch));
            Assert.Equal(char.ToLowerInvariant(ch), GreenPolicy.Domain.Text.CaseFolding.Lower(ch));
        }
    }
}
