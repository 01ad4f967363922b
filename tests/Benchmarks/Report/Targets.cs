using System.Globalization;

namespace GreenPolicy.Benchmarks.Report;

/// <summary>Issue 7's targets, checked at the largest size the run reached.</summary>
internal static class Targets
{
    private static string F(double v, string format = "0.00") => v.ToString(format, CultureInfo.InvariantCulture);

    public static List<TargetCheck> Check(BenchmarkReport report)
    {
        var checks = new List<TargetCheck>();
        var s = report.Sizes.LastOrDefault(x => x.GreenPolicy is not null);
        if (s is null)
        {
            return checks;
        }
        var at = $"{s.Documents:N0} docs: ";
        foreach (var k in s.Queries)
        {
            var gp = k.GreenPolicy.Latency;
            checks.Add(new TargetCheck($"{k.Kind}: p50 < 2 ms, p99 < 15 ms", at + $"p50 {F(gp.P50)} ms, p99 {F(gp.P99)} ms", gp.P50 < 2 && gp.P99 < 15));
            checks.Add(new TargetCheck($"{k.Kind}: faster than FTS5 at p50", at + $"{F(gp.P50)} vs {F(k.Fts5.Latency.P50)} ms", gp.P50 < k.Fts5.Latency.P50));
        }
        if (s.GreenPolicy is { } g && s.Fts5 is { } f)
        {
            checks.Add(new TargetCheck("build ≥ 20,000 clauses/s", at + $"{g.ClausesPerSecond:N0} clauses/s", g.ClausesPerSecond >= 20_000));
            var ratio = g.MedianSeconds / f.MedianInsertSeconds;
            checks.Add(new TargetCheck("build within 3× FTS5 bare insert", at + $"{F(g.MedianSeconds)} s vs {F(f.MedianInsertSeconds)} s = {F(ratio)}×", ratio <= 3));
            checks.Add(new TargetCheck("build peak working set ≤ 1.5 GB", at + $"{g.PeakMb:0} MB", g.PeakMb <= 1536));
        }
        if (report.Sizes.LastOrDefault(x => x.Http is not null) is { Http: { } h } hs)
        {
            var hat = $"{hs.Documents:N0} docs: ";
            checks.Add(new TargetCheck($"HTTP ≥ 1,000 req/s at concurrency {h.Concurrency}", hat + $"{h.RequestsPerSecond:N0} req/s ({h.Errors} errors)", h.RequestsPerSecond >= 1000 && h.Errors == 0));
            checks.Add(new TargetCheck("HTTP p99 < 50 ms", hat + $"{F(h.Latency.P99)} ms", h.Latency.P99 < 50));
            checks.Add(new TargetCheck("start to first answer < 2 s", hat + $"{h.StartToFirstAnswerMs:0} ms", h.StartToFirstAnswerMs < 2000));
            checks.Add(new TargetCheck("site working set < 600 MB", hat + $"{h.WorkingSetMbAfterLoad:0} MB after the load", h.WorkingSetMbAfterLoad < 600));
        }
        return checks;
    }

    /// <summary>Facts about growth the tables show, stated so a reader need not compute them.</summary>
    public static IEnumerable<string> Notes(BenchmarkReport report)
    {
        var sizes = report.Sizes.Where(s => s.GreenPolicy is not null && s.Clauses > 0).ToList();
        for (var i = 1; i < sizes.Count; i++)
        {
            var a = sizes[i - 1];
            var b = sizes[i];
            var clauses = (double)b.Clauses / a.Clauses;
            yield return $"{a.Documents:N0} → {b.Documents:N0} documents: clauses ×{F(clauses, "0.0")}, GreenPolicy build ×{F(b.GreenPolicy!.MedianSeconds / a.GreenPolicy!.MedianSeconds, "0.0")} " +
                         $"(link stage ×{F(b.GreenPolicy.Stages.Link / Math.Max(1e-6, a.GreenPolicy.Stages.Link), "0.0")}), FTS5 insert ×{F(b.Fts5!.MedianInsertSeconds / a.Fts5!.MedianInsertSeconds, "0.0")}.";
        }
    }
}
