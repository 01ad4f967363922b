using System.Diagnostics;
using GreenPolicy.Domain;
using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>Development aid (GP_SCALE=copies): the corpus copied N times, timing the dev queries.</summary>
public class ZzScaleProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("GP_SCALE"), out var copies))
        {
            return;
        }
        var corpus = CorpusPipeline.Run(RepoPaths.CorpusDir);
        var docs = new List<ParsedDocument>();
        for (var i = 0; i < copies; i++)
        {
            foreach (var d in corpus.Documents)
            {
                var id = $"{d.Meta.Id}-{i}";
                docs.Add(d with
                {
                    Meta = d.Meta with { Id = id },
                    Clauses = d.Clauses.Select(c => c with { Id = $"{id}/{c.EId}", DocId = id, Links = [] }).ToList(),
                });
            }
        }
        var sw = Stopwatch.StartNew();
        var path = Path.Combine(Path.GetTempPath(), "gp-scale-" + Guid.NewGuid().ToString("N")[..6]);
        var dir = FSDirectory.Open(path);
        GenerationWriter.Write(dir, docs, corpus.Vocabulary);
        output.WriteLine($"{docs.Sum(d => d.Clauses.Count)} clauses written in {sw.Elapsed.TotalSeconds:0.0} s");
        using var store = new LuceneStore(DirectoryReader.Open(dir), corpus.Vocabulary, "scale", () => new DateOnly(2026, 1, 1), ownedDirectory: dir);
        string[] queries = ["汞", "印染", "水泥", "有色金属", "VOCs", "磷石膏", "钢铁 产能置换", "贵州 磷石膏 综合利用", "哪些条款禁止新增钢铁产能", "节能司 负责", "重点区域秋冬季错峰生产涉及哪些行业"];
        foreach (var q in queries) store.Search(new SearchRequest { Q = q });
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var wall0 = Stopwatch.StartNew();
        for (var r = 0; r < 5; r++) foreach (var q in queries) store.Search(new SearchRequest { Q = q, Size = 20 });
        output.WriteLine($"cpu per query {(Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / (5 * queries.Length):0.00} ms, wall {wall0.Elapsed.TotalMilliseconds / (5 * queries.Length):0.00} ms");
        var times = new List<(double, string)>();
        foreach (var q in queries)
        {
            for (var r = 0; r < 5; r++)
            {
                sw.Restart();
                var res = store.Search(new SearchRequest { Q = q, Size = 20 });
                times.Add((sw.Elapsed.TotalMilliseconds, $"{q} total={res.Total}"));
            }
        }
        times.Sort();
        output.WriteLine($"p50 {times[times.Count / 2].Item1:0.00} ms, p90 {times[times.Count * 9 / 10].Item1:0.00} ms, max {times[^1].Item1:0.00} ms {times[^1].Item2}");
        foreach (var g in times.GroupBy(t => t.Item2.Split(" TIMING")[0])) output.WriteLine($"  {g.Min(x => x.Item1),8:0.00} ms  {g.OrderBy(x => x.Item1).First().Item2}");
    }
}
