using System.Diagnostics;
using GreenPolicy.Index;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>
/// The indexer killed half-way (SIGKILL: no finally blocks, no cleanup) and an index folder that is
/// missing or damaged when the site starts.
/// </summary>
public sealed class BuildFaultTests : IDisposable
{
    private static readonly Func<DateOnly> Today = () => new DateOnly(2026, 11, 23);
    private readonly TempCorpus corpus = new("kill");

    public void Dispose() => corpus.Dispose();

    [Fact]
    public void A_build_killed_mid_way_leaves_the_old_generation_serving_and_the_next_build_cleans_up()
    {
        Assert.True(IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir).Succeeded);
        var serving = corpus.Current!;
        using var manager = IndexManager.Open(corpus.IndexDir, Today, TimeSpan.Zero);
        var before = manager.Search(new SearchRequest { Q = "电解铝" }).Total;
        Assert.True(before > 0);

        // A new document, so the killed build would have produced a different generation.
        corpus.Write("test-2021-1.md", SampleDoc.Text("test-2021-1"));
        var killedAt = KillBuildMidWay();

        // Killed: CURRENT still names the old generation, the site still answers from it, and a refresh
        // does not switch to the half-written one.
        Assert.Equal(serving, corpus.Current);
        Assert.False(manager.Refresh());
        Assert.Equal(before, manager.Search(new SearchRequest { Q = "电解铝" }).Total);
        var broken = corpus.Generations.Where(g => g != serving).ToList();

        // The next build succeeds (the dead process's lock is not held) and removes the broken generation.
        var next = IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir);
        Assert.True(next.Succeeded, string.Join("\n", next.Errors));
        Assert.NotEqual(serving, corpus.Current);
        foreach (var b in broken)
        {
            Assert.DoesNotContain(b, corpus.Generations);
        }
        Assert.True(manager.Refresh());
        Assert.Equal(6, manager.Documents().Count);
        Assert.True(killedAt is "parsing" or "writing", killedAt);
    }

    /// <summary>
    /// Starts "GreenPolicy.Indexer build" as a child process and SIGKILLs it as soon as it is writing a
    /// generation (a gen-* folder without a manifest), or failing that, while it reports parsing.
    /// </summary>
    private string KillBuildMidWay()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "GreenPolicy.Indexer.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "build", "--corpus", corpus.CorpusDir, "--index", corpus.IndexDir })
        {
            info.ArgumentList.Add(a);
        }
        var before = corpus.Generations.ToHashSet();
        using var process = Process.Start(info)!;
        var parsing = false;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("parsed", StringComparison.Ordinal) == true)
            {
                Volatile.Write(ref parsing, true);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        string? phase = null;
        while (phase is null && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var fresh = corpus.Generations.Where(g => !before.Contains(g)).ToList();
            if (fresh.Count > 0 && !File.Exists(Path.Combine(corpus.IndexDir, fresh[0], IndexLayout.ManifestFile)))
            {
                phase = "writing";
            }
            else if (Volatile.Read(ref parsing))
            {
                // Parsing is most of a build; give the writer a moment, then kill wherever it is.
                Thread.Sleep(Random.Shared.Next(0, 200));
                phase = corpus.Generations.Any(g => !before.Contains(g)) ? "writing" : "parsing";
            }
            else
            {
                Thread.Sleep(2);
            }
        }
        Assert.False(process.HasExited, "the build finished before it could be killed");
        process.Kill(entireProcessTree: true); // SIGKILL on Linux
        process.WaitForExit();
        return phase ?? "timeout";
    }

    [Fact]
    public void A_missing_index_without_a_corpus_is_a_clear_error()
    {
        var empty = Path.Combine(corpus.Root, "no-index");
        var e = Assert.Throws<InvalidOperationException>(() => IndexManager.Open(empty, Today, TimeSpan.Zero));
        Assert.Contains("no index generation", e.Message);
        var noCorpus = Path.Combine(corpus.Root, "no-corpus");
        var e2 = Assert.Throws<InvalidOperationException>(() => IndexManager.EnsureBuiltAndOpen(noCorpus, empty, Today));
        Assert.Contains("corpus directory not found", e2.Message);
    }

    [Fact]
    public void A_missing_index_is_rebuilt_from_the_corpus()
    {
        using var manager = IndexManager.EnsureBuiltAndOpen(corpus.CorpusDir, corpus.IndexDir, Today, pollInterval: TimeSpan.Zero);
        Assert.Equal(5, manager.Documents().Count);
    }

    [Fact]
    public void Current_naming_garbage_is_treated_as_missing_and_rebuilt()
    {
        Directory.CreateDirectory(corpus.IndexDir);
        File.WriteAllText(Path.Combine(corpus.IndexDir, IndexLayout.CurrentFile), "../../etc/passwd");
        using var manager = IndexManager.EnsureBuiltAndOpen(corpus.CorpusDir, corpus.IndexDir, Today, pollInterval: TimeSpan.Zero);
        Assert.Equal(5, manager.Documents().Count);
        Assert.StartsWith("gen-", corpus.CurrentFileText);
    }

    [Theory]
    [InlineData("truncate")]   // a disk that filled up: every Lucene file cut to half
    [InlineData("delete")]     // someone "cleaned up" the segment files
    [InlineData("manifest")]   // the manifest is not JSON any more
    public void A_corrupt_serving_generation_is_rebuilt_from_the_corpus_at_start(string damage)
    {
        Assert.True(IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir).Succeeded);
        var damaged = corpus.Current!;
        var dir = Path.Combine(corpus.IndexDir, damaged);
        switch (damage)
        {
            case "truncate":
                foreach (var f in Directory.GetFiles(Path.Combine(dir, IndexLayout.LuceneFolder)))
                {
                    using var s = new FileStream(f, FileMode.Open);
                    s.SetLength(s.Length / 2);
                }
                break;
            case "delete":
                foreach (var f in Directory.GetFiles(Path.Combine(dir, IndexLayout.LuceneFolder), "segments*"))
                {
                    File.Delete(f);
                }
                break;
            default:
                File.WriteAllText(Path.Combine(dir, IndexLayout.ManifestFile), "{ not json");
                break;
        }
        var log = new List<string>();
        using var manager = IndexManager.EnsureBuiltAndOpen(corpus.CorpusDir, corpus.IndexDir, Today, log.Add, TimeSpan.Zero);
        Assert.Equal(5, manager.Documents().Count);
        Assert.True(manager.Search(new SearchRequest { Q = "电解铝" }).Total > 0);
        Assert.NotEqual(damaged, corpus.Current);
        Assert.Contains(log, l => l.Contains("build", StringComparison.OrdinalIgnoreCase));
    }
}
