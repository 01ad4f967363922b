using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GreenPolicy.Benchmarks.Measure;

/// <summary>Latency percentiles in milliseconds (nearest rank) over N timed calls.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = samples.OrderBy(x => x).ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average());
    }
}

/// <summary>Warm, repeated timing of one query kind against one engine, bounded by a count and a time budget.</summary>
internal static class LatencyRunner
{
    /// <param name="Missed">The queries of the kind that found nothing (a citation GreenPolicy cannot resolve is a bug to report).</param>
    /// <param name="Cpu">The process's CPU time per query: on a shared machine, what the query costs without waiting for a core.</param>
    public sealed record KindResult(Percentiles Latency, int Queries, int QueriesWithHits, double MeanTotal, IReadOnlyList<string> Missed, Percentiles? Cpu = null);

    /// <param name="run">Runs one query, returns its total hit count.</param>
    public static KindResult Measure(IReadOnlyList<BenchQuery> queries, Func<BenchQuery, int> run, int repetitions, TimeSpan budget)
    {
        // Warm-up: every query twice (JIT, caches, Lucene's term dictionary, SQLite's page cache).
        var totals = new Dictionary<BenchQuery, int>();
        foreach (var q in queries)
        {
            run(q);
            totals[q] = run(q);
        }
        var samples = new List<double>(repetitions);
        var cpu = new List<double>(repetitions);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            var q = queries[i % queries.Count];
            var cpu0 = ProcessCpuMs();
            var start = Stopwatch.GetTimestamp();
            run(q);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            cpu.Add(ProcessCpuMs() - cpu0);
            if (clock.Elapsed > budget && i + 1 >= Math.Min(repetitions, queries.Count * 3))
            {
                break;
            }
        }
        return new KindResult(Percentiles.Of(samples), queries.Count, totals.Values.Count(t => t > 0), totals.Values.Average(),
            totals.Where(t => t.Value == 0).Select(t => t.Key.ToString()).ToList(), double.IsNaN(ProcessCpuMs()) ? null : Percentiles.Of(cpu));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>
    /// CPU time of this process, all threads (Linux CLOCK_PROCESS_CPUTIME_ID), NaN elsewhere: a GreenPolicy search of a
    /// large index scores its segments on several threads, so the calling thread's time would leave part of it out.
    /// Nothing else runs in the process while queries are timed.
    /// </summary>
    public static double ProcessCpuMs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }
        const int ClockProcessCpuTimeId = 2;
        return ClockGetTime(ClockProcessCpuTimeId, out var t) == 0 ? t.Seconds * 1000.0 + t.Nanoseconds / 1e6 : double.NaN;
    }
}
