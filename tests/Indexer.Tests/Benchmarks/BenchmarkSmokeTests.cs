using System.Text.Json;
using GreenPolicy.Benchmarks;
using GreenPolicy.Benchmarks.Measure;

namespace GreenPolicy.Indexer.Tests.Benchmarks;

/// <summary>
/// The benchmark (tests/Benchmarks, issue 7) at a tiny size, so that it cannot rot between real runs:
/// it generates 12 documents from the corpus, builds both engines in child processes, runs the query
/// mix and writes the report. Asserts the report's structure and that both engines answered — never
/// timings, which belong to docs/benchmarks.md.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Smoke_run_writes_a_report_where_both_engines_answer_every_kind()
    {
        var work = Path.Combine(Path.GetTempPath(), "greenpolicy-bench-smoke-" + Guid.NewGuid().ToString("N"));
        var md = Path.Combine(work, "benchmarks.md");
        var log = new StringWriter();
        try
        {
            var report = Program.Run(["--smoke", "--work", work, "--out", md], log);

            Assert.NotNull(report);
            var size = Assert.Single(report.Sizes);
            Assert.Equal(12, size.Documents);
            Assert.True(size.Clauses > 100, $"12 generated documents gave only {size.Clauses} clauses\n{log}");
            Assert.NotNull(size.GreenPolicy);
            Assert.NotNull(size.Fts5);
            Assert.Equal(size.Clauses, size.GreenPolicy.Stages.Clauses);
            Assert.True(size.GreenPolicy.PeakMb > 0 && size.Fts5.PeakMb > 0, "each build reports its child process's peak working set");
            Assert.True(size.GreenPolicy.IndexMb > 0 && size.Fts5.DatabaseMb > 0);
            Assert.Equal(QueryMix.Kinds, size.Queries.Select(q => q.Kind));
            foreach (var kind in size.Queries)
            {
                Assert.True(kind.GreenPolicy.Latency.Count > 0 && kind.Fts5.Latency.Count > 0, kind.Kind);
                Assert.True(kind.Fts5.QueriesWithHits > 0, $"FTS5 found nothing for any {kind.Kind} query");
                Assert.True(kind.GreenPolicy.QueriesWithHits > 0, $"GreenPolicy found nothing for any {kind.Kind} query");
            }
            Assert.Contains(size.GreenPolicy!.Stages.LinkSteps, step => step.Contains("candidate pairs", StringComparison.Ordinal));
            Assert.True(size.GreenPolicy.Stages.Merge >= 0 && size.GreenPolicy.Stages.Merge < size.GreenPolicy.Stages.Write);
            Assert.Contains(size.Browse, b => b.Call == "Departments()" && b.Items > 0);
            Assert.Contains(size.Browse, b => b.Call == "Documents()" && b.Items == 12);
            Assert.Equal([QueryMix.OneChar, QueryMix.TwoChar], size.Floors.Select(f => f.Kind));
            foreach (var floor in size.Floors)
            {
                // The query GreenPolicy builds from a term finds at least what the term finds in the text.
                Assert.True(floor.Median.QueryMatches >= floor.Median.TextMatches && floor.Median.Walk > 0 && floor.Median.Search > 0, floor.ToString());
            }
            Assert.NotEmpty(report.Targets);

            var text = File.ReadAllText(md);
            Assert.Contains("## Queries in-process", text);
            Assert.Contains("## Targets", text);
            Assert.Contains("## Browse pages", text);
            Assert.Contains("### Where a one-term query's time goes", text);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(md, ".json")));
            Assert.Equal(12, json.RootElement.GetProperty("sizes")[0].GetProperty("documents").GetInt32());
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
