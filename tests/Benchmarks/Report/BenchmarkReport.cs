using GreenPolicy.Benchmarks.Engines;
using GreenPolicy.Benchmarks.Measure;

namespace GreenPolicy.Benchmarks.Report;

// The report's shape: docs/benchmarks.json is this record serialised (camelCase); docs/benchmarks.md
// is rendered from it by MarkdownReport.

internal sealed record BenchmarkReport
{
    public required MachineInfo Machine { get; init; }
    public required string Command { get; init; }
    public int Seed { get; init; }
    public DateTimeOffset Started { get; init; }
    public double Seconds { get; set; }
    public List<SizeResult> Sizes { get; init; } = [];
    public List<TargetCheck> Targets { get; set; } = [];
    public List<string> Notes { get; init; } = [];
}

internal sealed record MachineInfo(int Cores, double MemoryGb, string Os, string Dotnet, string Sqlite, string Gc, string Commit);

internal sealed record SizeResult
{
    public int Documents { get; init; }
    public long Clauses { get; set; }
    public double TextMb { get; init; }
    public double GenerateSeconds { get; init; }
    public DumpResult? ParseAndTag { get; set; }
    public GreenPolicyBuild? GreenPolicy { get; set; }
    public FtsBuild? Fts5 { get; set; }
    public List<KindRow> Queries { get; init; } = [];
    public HttpBench.Result? Http { get; set; }
    /// <summary>Where the time of the one-term queries (1-char, 2-char) goes (Floor), medians over each kind's terms.</summary>
    public List<Floor.KindFloor> Floors { get; init; } = [];
    /// <summary>The browse pages' store calls, first call on a freshly opened index (what the first visitor waits for).</summary>
    public List<BrowseCall> Browse { get; init; } = [];
    /// <summary>/proc/loadavg (1 min) when the size started and ended: the machine is shared, so wall times carry this much contention.</summary>
    public double LoadAtStart { get; set; }
    public double LoadAtEnd { get; set; }
}

/// <summary>One browse-page store call: wall and process CPU milliseconds of its first (cold) call, and how many items it returned.</summary>
internal sealed record BrowseCall(string Call, double Ms, double CpuMs, int Items);

/// <summary>The parse + tag pass that feeds FTS5 the same clauses (its own child process).</summary>
internal sealed record DumpResult(int Documents, long Clauses, double Seconds, long PeakBytes);

internal sealed record GreenPolicyBuildRun(GreenPolicyEngine.StageTimes Stages, long PeakBytes, double CpuSeconds);

internal sealed record FtsBuildRun(Fts5Engine.BuildTimes Times, double ReadSeconds, long PeakBytes, double CpuSeconds);

internal sealed record GreenPolicyBuild(
    List<double> Runs,
    double MedianSeconds,
    GreenPolicyEngine.StageTimes Stages,
    double ClausesPerSecond,
    double TextMbPerSecond,
    double PeakMb,
    double IndexMb,
    double CpuSeconds);

internal sealed record FtsBuild(
    List<double> InsertRuns,
    double MedianInsertSeconds,
    double IndexSeconds,
    double OptimizeSeconds,
    double ClausesPerSecond,
    double TextMbPerSecond,
    double PeakMb,
    double DatabaseMb,
    double CpuSeconds);

internal sealed record KindRow(string Kind, LatencyRunner.KindResult GreenPolicy, LatencyRunner.KindResult Fts5)
{
    /// <summary>GreenPolicy p50 / FTS5 p50: below 1 means GreenPolicy is faster.</summary>
    public double RatioP50 => GreenPolicy.Latency.P50 / Fts5.Latency.P50;
}

internal sealed record TargetCheck(string Target, string Measured, bool Holds);
