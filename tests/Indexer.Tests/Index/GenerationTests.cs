using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>Index generations on disk: atomic switch, failed builds, cleanup, staleness, live switching.</summary>
public sealed class GenerationTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "gp-gen-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string corpus;
    private readonly string index;

    public GenerationTests()
    {
        corpus = Path.Combine(root, "corpus");
        index = Path.Combine(root, "index");
        CopyDirectory(RepoPaths.CorpusDir, corpus);
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }

    private BuildResult Build(DateTimeOffset? now = null)
    {
        var result = IndexBuild.Run(corpus, index, now: now);
        return result;
    }

    [Fact]
    public void BuildWritesAGenerationAndPointsCurrentAtIt()
    {
        Assert.Equal(IndexState.Missing, Staleness.Check(corpus, index));
        var result = Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var current = IndexLayout.ReadCurrent(index);
        Assert.Equal(result.Manifest!.Generation, current);
        Assert.Equal(5, result.Manifest.Documents);
        Assert.True(result.Manifest.Clauses > 100);
        Assert.Equal(IndexState.Fresh, Staleness.Check(corpus, index));

        using var store = LuceneStore.Open(Path.Combine(index, current!), () => new DateOnly(2026, 1, 1));
        Assert.Equal(5, store.Documents().Count);
        var clause = store.Search(new SearchRequest { Q = "电解铝" }).Hits[0];
        Assert.Equal(clause.Text, store.Clause(clause.Id)!.Text);
    }

    [Fact]
    public void ChangingTheCorpusMakesTheIndexStale()
    {
        Assert.True(Build().Succeeded);
        var file = Directory.GetFiles(corpus, "*.md")[0];
        File.AppendAllText(file, "\n");
        Assert.Equal(IndexState.Stale, Staleness.Check(corpus, index));
        File.SetLastWriteTimeUtc(Path.Combine(corpus, "taxonomy", "industries.yaml"), DateTime.UtcNow.AddMinutes(1));
        Assert.True(Build().Succeeded);
        Assert.Equal(IndexState.Fresh, Staleness.Check(corpus, index));
    }

    [Fact]
    public void FailedBuildLeavesCurrentUntouchedAndReportsFileAndLine()
    {
        var first = Build();
        Assert.True(first.Succeeded);
        var before = File.ReadAllText(Path.Combine(index, IndexLayout.CurrentFile));

        // A document whose front matter lacks its required fields.
        File.WriteAllText(Path.Combine(corpus, "broken.md"), "---\nid: broken\n---\n正文。\n");
        var second = Build(DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(second.Succeeded);
        Assert.Contains(second.Errors, e => e.File.EndsWith("broken.md") && e.Line > 0);
        Assert.Equal(before, File.ReadAllText(Path.Combine(index, IndexLayout.CurrentFile)));
        Assert.Equal(first.Manifest!.Generation, IndexLayout.ReadCurrent(index));
    }

    [Fact]
    public void NonUtf8FileIsAnErrorWithItsLine()
    {
        File.WriteAllBytes(Path.Combine(corpus, "gbk.md"), [.. "---\nid: gbk\n"u8.ToArray(), 0xB9, 0xA4, 0xD2, 0xB5, (byte)'\n']);
        var result = Build();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.File.EndsWith("gbk.md") && e.Line == 3 && e.Message.Contains("UTF-8"));
        Assert.Null(IndexLayout.ReadCurrent(index));
    }

    [Fact]
    public void NextBuildRemovesIncompleteAndOldGenerationsKeepingThePreviousOne()
    {
        var t = DateTimeOffset.UtcNow;
        var g1 = Build(t).Manifest!.Generation;
        // A build killed half-way: a generation directory without manifest.
        var killed = Path.Combine(index, IndexLayout.NewGenerationName(t.AddSeconds(1)));
        Directory.CreateDirectory(Path.Combine(killed, IndexLayout.LuceneFolder));
        var g2 = Build(t.AddSeconds(2)).Manifest!.Generation;
        Assert.False(Directory.Exists(killed));
        Assert.True(Directory.Exists(Path.Combine(index, g1)), "the previous generation is kept");
        var g3 = Build(t.AddSeconds(3)).Manifest!.Generation;
        Assert.Equal(g3, IndexLayout.ReadCurrent(index));
        Assert.True(Directory.Exists(Path.Combine(index, g2)));
        Assert.False(Directory.Exists(Path.Combine(index, g1)), "older generations are removed");
    }

    [Fact]
    public void ManagerSwitchesToANewGenerationWithoutRestartAndLeasesKeepTheirs()
    {
        var t = DateTimeOffset.UtcNow;
        var g1 = Build(t).Manifest!.Generation;
        using var manager = IndexManager.Open(index, () => new DateOnly(2026, 1, 1), pollInterval: TimeSpan.Zero);
        Assert.Equal(g1, manager.Generation);
        using var lease = manager.Acquire();

        var g2 = Build(t.AddSeconds(1)).Manifest!.Generation;
        Assert.True(manager.Refresh());
        Assert.Equal(g2, manager.Generation);
        // The request that began on g1 still answers from g1, whole.
        Assert.Equal(g1, lease.Store.Generation);
        Assert.NotEmpty(lease.Store.Search(new SearchRequest { Q = "钢铁" }).Hits);
        Assert.NotEmpty(manager.Search(new SearchRequest { Q = "钢铁" }).Hits);
    }

    [Fact]
    public void ManagerPollsCurrent()
    {
        var t = DateTimeOffset.UtcNow;
        Build(t);
        using var manager = IndexManager.Open(index, () => new DateOnly(2026, 1, 1), pollInterval: TimeSpan.FromMilliseconds(100));
        using var switched = new ManualResetEventSlim();
        manager.Switched += _ => switched.Set();
        var g2 = Build(t.AddSeconds(1)).Manifest!.Generation;
        Assert.True(switched.Wait(TimeSpan.FromSeconds(10)), "no switch within 10 s");
        Assert.Equal(g2, manager.Generation);
    }

    [Fact]
    public void EnsureBuiltAndOpenBuildsWhenMissingAndServesTheOldIndexWhenABuildFails()
    {
        var log = new List<string>();
        using (var manager = IndexManager.EnsureBuiltAndOpen(corpus, index, new DateOnly(2026, 1, 1), log.Add))
        {
            Assert.Equal(5, manager.Documents().Count);
        }
        var generation = IndexLayout.ReadCurrent(index);
        File.WriteAllText(Path.Combine(corpus, "broken.md"), "---\nid: broken\n---\n");
        using (var manager = IndexManager.EnsureBuiltAndOpen(corpus, index, new DateOnly(2026, 1, 1), log.Add))
        {
            Assert.Equal(generation, manager.Generation);
            Assert.Contains(log, l => l.Contains("previous index"));
        }
    }
}
