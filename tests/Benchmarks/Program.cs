using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using GreenPolicy.Benchmarks.Corpus;
using GreenPolicy.Benchmarks.Engines;
using GreenPolicy.Benchmarks.Measure;
using GreenPolicy.Benchmarks.Report;
using GreenPolicy.Search;

namespace GreenPolicy.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/Benchmarks -- --sizes 100,1000,10000 --out docs/benchmarks.md
/// For each size: generate the corpus, build GreenPolicy's index and the FTS5 table from the same
/// clauses (each build alone in a child process), run the query mix in-process against both, load the
/// site over HTTP, and write the report.
/// </summary>
public static class Program
{
    private const string Usage = """
        usage: GreenPolicy.Benchmarks [--sizes 100,1000,10000] [--out docs/benchmarks.md] [--work DIR] [--seed N]
                                      [--repeats N] [--reps N] [--budget SECONDS] [--scale X] [--no-http]
                                      [--http-requests N] [--http-seconds N] [--concurrency N] [--smoke] [--reuse]
          --reuse   keep a size's corpus, clauses, FTS5 table and index from an earlier run in --work: queries and HTTP only
          --smoke   a tiny run (12 documents, few repetitions, no HTTP) that checks the benchmark still works
        """;

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "child")
        {
            return Child(args[1..]);
        }
        try
        {
            return Run(args, Console.Out) is null ? 2 : 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    internal sealed record Options
    {
        public IReadOnlyList<int> Sizes { get; init; } = [100, 1000, 10000];
        public string? Out { get; init; }
        public string? Work { get; init; }
        public int Seed { get; init; } = 20260401;
        public int? Repeats { get; init; }
        public int Reps { get; init; } = 400;
        public double BudgetSeconds { get; init; } = 20;
        /// <summary>Sections per document relative to the seed; 1.8 gives about 100 clauses a document (1M at 10,000).</summary>
        public double Scale { get; init; } = 1.8;
        public bool Http { get; init; } = true;
        public int HttpRequests { get; init; } = 20_000;
        public double HttpSeconds { get; init; } = 20;
        public int Concurrency { get; init; } = 16;
        public bool Smoke { get; init; }
        /// <summary>Query-only: reuse what an earlier run left in the work folder (no generation, no builds).</summary>
        public bool Reuse { get; init; }

        public static Options Parse(IReadOnlyList<string> args)
        {
            var o = new Options();
            for (var i = 0; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                o = args[i] switch
                {
                    "--sizes" => o with { Sizes = Value().Split(',').Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture)).ToList() },
                    "--out" => o with { Out = Value() },
                    "--work" => o with { Work = Value() },
                    "--seed" => o with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--repeats" => o with { Repeats = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--reps" => o with { Reps = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--budget" => o with { BudgetSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--scale" => o with { Scale = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--no-http" => o with { Http = false },
                    "--http-requests" => o with { HttpRequests = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--http-seconds" => o with { HttpSeconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--concurrency" => o with { Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--reuse" => o with { Reuse = true },
                    "--smoke" => o with { Smoke = true, Sizes = [12], Reps = 10, BudgetSeconds = 2, Http = false, Repeats = 1 },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            return o;
        }
    }

    /// <summary>The whole benchmark; returns the report (also written to --out and its .json).</summary>
    internal static BenchmarkReport? Run(IReadOnlyList<string> args, TextWriter log)
    {
        var o = Options.Parse(args);
        var root = FindRoot() ?? throw new ArgumentException("run from inside the repository (no GreenPolicy.sln above)");
        var work = Path.GetFullPath(o.Work ?? Path.Combine(root, "data", o.Smoke ? "bench-smoke" : "bench"));
        var outPath = Path.GetFullPath(o.Out ?? Path.Combine(work, "benchmarks.md"), Directory.GetCurrentDirectory());
        var seedCorpus = Path.Combine(root, "corpus");
        void Log(string line)
        {
            lock (log)
            {
                log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
                log.Flush();
            }
        }

        var total = Stopwatch.StartNew();
        var report = new BenchmarkReport
        {
            Machine = Machine(root),
            Command = "dotnet run -c Release --project tests/Benchmarks -- " + string.Join(' ', args),
            Seed = o.Seed,
            Started = DateTimeOffset.UtcNow,
        };
        Log($"machine: {report.Machine}");
        var webDll = o.Http ? WebDll(root, Log) : null;
        var seeds = SeedCorpus.Read(seedCorpus);
        var generator = new CorpusGenerator(seeds, o.Seed, o.Scale);

        foreach (var size in o.Sizes)
        {
            Log($"== {size:N0} documents");
            var dir = Path.Combine(work, size.ToString(CultureInfo.InvariantCulture));
            var corpus = Path.Combine(dir, "corpus");
            var clausesFile = Path.Combine(dir, "clauses.jsonl");
            var db = Path.Combine(dir, "fts5.db");
            var index = Path.Combine(dir, "index");
            if (o.Reuse && Directory.Exists(corpus) && File.Exists(clausesFile) && File.Exists(db) && Directory.Exists(index))
            {
                var reused = new SizeResult { Documents = size, Clauses = File.ReadLines(clausesFile).LongCount(), LoadAtStart = LoadAverage() };
                report.Sizes.Add(reused);
                Log($"reusing {dir}: {reused.Clauses:N0} clauses, no generation and no builds");
                var reusedQueries = QueryMix.Build(ClauseRow.ReadAll(clausesFile), o.Seed);
                RunQueries(reused, reusedQueries, index, db, o, Log);
                if (webDll is not null)
                {
                    reused.Http = HttpBench.Run(webDll, corpus, index, reusedQueries, o.Concurrency, o.HttpRequests, TimeSpan.FromSeconds(o.HttpSeconds), Log);
                    var rh = reused.Http;
                    Log($"HTTP: start → first answer {rh.StartToFirstAnswerMs:0} ms; {rh.RequestsPerSecond:N0} req/s, p50 {rh.Latency.P50:0.00} ms, p99 {rh.Latency.P99:0.00} ms, {rh.Errors} errors; site {rh.WorkingSetMbAfterLoad:0} MB, {rh.SiteCpuMsPerRequest:0.00} CPU ms/request");
                }
                reused.LoadAtEnd = LoadAverage();
                MarkdownReport.Write(report, outPath);
                continue;
            }
            var watch = Stopwatch.StartNew();
            if (Directory.Exists(corpus))
            {
                Directory.Delete(corpus, recursive: true);
            }
            var bytes = generator.Write(size, corpus, Path.Combine(seedCorpus, "taxonomy"));
            var result = new SizeResult { Documents = size, TextMb = bytes / 1048576.0, GenerateSeconds = watch.Elapsed.TotalSeconds, LoadAtStart = LoadAverage() };
            report.Sizes.Add(result);
            Log($"generated {size:N0} documents, {result.TextMb:0.0} MB in {result.GenerateSeconds:0.0} s");

            // The clauses both engines index: GreenPolicy's parser and taggers, alone in a child process.
            result.ParseAndTag = ChildProcess.Run<DumpResult>("dump", [corpus, clausesFile], Log);
            result.Clauses = result.ParseAndTag.Clauses;
            Log($"parse + tag: {result.Clauses:N0} clauses in {result.ParseAndTag.Seconds:0.00} s ({result.Clauses / Math.Max(1, size):0} per document)");

            var repeats = o.Repeats ?? (size <= 100 ? 3 : 1);
            var ftsRuns = new List<FtsBuildRun>();
            for (var i = 0; i < repeats; i++)
            {
                var run = ChildProcess.Run<FtsBuildRun>("fts-build", [clausesFile, db], Log);
                ftsRuns.Add(run);
                Log($"FTS5 insert {i + 1}/{repeats}: {run.Times.InsertSeconds:0.00} s, process CPU {run.CpuSeconds:0.0} s (+ indexes {run.Times.IndexSeconds:0.00}, optimize {run.Times.OptimizeSeconds:0.00}), peak {run.PeakBytes / 1048576.0:0} MB");
            }
            var ftsMedian = ftsRuns.OrderBy(r => r.Times.InsertSeconds).ElementAt(ftsRuns.Count / 2);
            result.Fts5 = new FtsBuild(
                ftsRuns.Select(r => r.Times.InsertSeconds).ToList(), ftsMedian.Times.InsertSeconds, ftsMedian.Times.IndexSeconds,
                ftsMedian.Times.OptimizeSeconds, ftsMedian.Times.Clauses / ftsMedian.Times.InsertSeconds,
                ftsMedian.Times.TextBytes / 1048576.0 / ftsMedian.Times.InsertSeconds, ftsRuns.Max(r => r.PeakBytes) / 1048576.0,
                new FileInfo(db).Length / 1048576.0, ftsMedian.CpuSeconds);
            MarkdownReport.Write(report, outPath);
            var gpRuns = new List<GreenPolicyBuildRun>();
            for (var i = 0; i < repeats; i++)
            {
                var run = ChildProcess.Run<GreenPolicyBuildRun>("gp-build", [corpus, index], Log);
                gpRuns.Add(run);
                Log($"GreenPolicy build {i + 1}/{repeats}: {run.Stages.Total:0.00} s, CPU {run.CpuSeconds:0.0} s (read+parse+tag {run.Stages.Parse:0.00}, link {run.Stages.Link:0.00}, write {run.Stages.Write:0.00}), peak {run.PeakBytes / 1048576.0:0} MB");
            }
            var gpMedian = gpRuns.OrderBy(r => r.Stages.Total).ElementAt(gpRuns.Count / 2);
            result.GreenPolicy = new GreenPolicyBuild(
                gpRuns.Select(r => r.Stages.Total).ToList(), gpMedian.Stages.Total, gpMedian.Stages,
                result.Clauses / gpMedian.Stages.Total, result.TextMb / gpMedian.Stages.Total,
                gpRuns.Max(r => r.PeakBytes) / 1048576.0, DirectoryMb(index), gpMedian.CpuSeconds);

            MarkdownReport.Write(report, outPath);
            Log($"build: GreenPolicy {result.GreenPolicy.MedianSeconds:0.00} s ({result.GreenPolicy.ClausesPerSecond:N0} clauses/s, index {result.GreenPolicy.IndexMb:0.0} MB), FTS5 insert {result.Fts5.MedianInsertSeconds:0.00} s (db {result.Fts5.DatabaseMb:0.0} MB)");

            var queries = QueryMix.Build(ClauseRow.ReadAll(clausesFile), o.Seed);
            RunQueries(result, queries, index, db, o, Log);

            if (webDll is not null)
            {
                Log($"HTTP: {o.HttpRequests:N0} requests or {o.HttpSeconds:0} s at concurrency {o.Concurrency}");
                var textQueries = queries.ToList();
                result.Http = HttpBench.Run(webDll, corpus, index, textQueries, o.Concurrency, o.HttpRequests, TimeSpan.FromSeconds(o.HttpSeconds), Log);
                var h = result.Http;
                Log($"HTTP: start → first answer {h.StartToFirstAnswerMs:0} ms; {h.RequestsPerSecond:N0} req/s, p50 {h.Latency.P50:0.00} ms, p99 {h.Latency.P99:0.00} ms, {h.Errors} errors; site {h.WorkingSetMbAfterLoad:0} MB");
            }
            result.LoadAtEnd = LoadAverage();
            report.Seconds = total.Elapsed.TotalSeconds;
            report.Targets = Targets.Check(report);
            // Written after every size, so a long run that is stopped still leaves what it measured.
            MarkdownReport.Write(report, outPath);
            Log($"wrote {outPath}");
        }
        report.Notes.AddRange(Targets.Notes(report));
        report.Seconds = total.Elapsed.TotalSeconds;
        MarkdownReport.Write(report, outPath);
        Log($"done in {total.Elapsed.TotalMinutes:0.0} min: {outPath}");
        return report;
    }

    private static void RunQueries(SizeResult result, IReadOnlyList<BenchQuery> queries, string index, string db, Options o, Action<string> log)
    {
        var budget = TimeSpan.FromSeconds(o.BudgetSeconds);
        using var store = GreenPolicyEngine.Open(index);
        // The browse pages first, on the fresh store: their aggregates are computed on first use.
        result.Browse.AddRange(BrowseCalls(store));
        foreach (var b in result.Browse)
        {
            log($"browse {b.Call,-24} {b.Ms,9:0.0} ms (CPU {b.CpuMs:0.0}), {b.Items:N0} items");
        }
        using var fts = Fts5Engine.Open(db);
        foreach (var kind in QueryMix.Kinds)
        {
            var ofKind = queries.Where(q => q.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }
            var gp = LatencyRunner.Measure(ofKind, q => GreenPolicyQuery(store, q), o.Reps, budget);
            var ft = LatencyRunner.Measure(ofKind, q => FtsQuery(fts, q), o.Reps, budget);
            var row = new KindRow(kind, gp, ft);
            result.Queries.Add(row);
            log($"{kind,-10} GreenPolicy p50 {gp.Latency.P50,7:0.00} p95 {gp.Latency.P95,7:0.00} p99 {gp.Latency.P99,7:0.00} ms ({gp.QueriesWithHits}/{gp.Queries} found) | " +
                $"FTS5 p50 {ft.Latency.P50,8:0.00} p95 {ft.Latency.P95,8:0.00} p99 {ft.Latency.P99,8:0.00} ms ({ft.QueriesWithHits}/{ft.Queries} found) | ratio {row.RatioP50:0.00}");
        }
        foreach (var kind in new[] { QueryMix.OneChar, QueryMix.TwoChar })
        {
            var terms = queries.Where(q => q.Kind == kind).Select(q => q.Text).ToList();
            if (terms.Count > 0)
            {
                var floor = new Floor.KindFloor(kind, terms.Count, Floor.Median(kind, Floor.Measure(index, o.BudgetSeconds, terms)));
                result.Floors.Add(floor);
                log($"floor {kind,-8} {Floor.Cells(floor.Median)}");
            }
        }
    }

    /// <summary>What the documents, industries, departments and targets pages ask the store, each timed on its first call.</summary>
    private static IEnumerable<BrowseCall> BrowseCalls(IPolicyStore store)
    {
        BrowseCall Time(string call, Func<int> run)
        {
            var cpu = LatencyRunner.ProcessCpuMs();
            var watch = Stopwatch.StartNew();
            var items = run();
            return new BrowseCall(call, watch.Elapsed.TotalMilliseconds, LatencyRunner.ProcessCpuMs() - cpu, items);
        }
        var documents = store.Documents();
        var largest = documents.MaxBy(d => d.ClauseCount)!.Meta.Id;
        var years = store.TargetYears();
        yield return Time("Documents()", () => store.Documents().Count);
        yield return Time("Document(largest)", () => store.Document(largest)?.Clauses.Count ?? 0);
        yield return Time("Industries()", () => store.Industries().Count);
        yield return Time("Departments()", () => store.Departments().Count);
        yield return Time("TargetYears()", () => store.TargetYears().Count);
        // What the targets page asks (its first 500 rows and the counts of the whole selection): unfiltered, for the middle
        // target year and for C31 (steel, the industry the seed plans name most).
        yield return Time("Targets(all)", () => store.Targets(new TargetFilter(), 0, TargetsPageRows).Total);
        if (years.Count > 0)
        {
            var year = years[years.Count / 2];
            yield return Time("Targets(year)", () => store.Targets(new TargetFilter(Year: year), 0, TargetsPageRows).Total);
        }
        yield return Time("Targets(industry)", () => store.Targets(new TargetFilter(Industry: "C31"), 0, TargetsPageRows).Total);
    }

    /// <summary>The rows the targets page lists (src/Web Targets.razor).</summary>
    private const int TargetsPageRows = 500;

    private static int GreenPolicyQuery(IPolicyStore store, BenchQuery q)
    {
        if (q.Kind == QueryMix.Citation)
        {
            return store.Cite(q.Text).Resolved ? 1 : 0;
        }
        var result = store.Search(new SearchRequest
        {
            Q = q.Text,
            Industry = q.Industry is null ? [] : [q.Industry],
            Year = q.Year is null ? [] : [q.Year.Value],
            Size = 20,
        });
        return result.Total;
    }

    private static int FtsQuery(Fts5Engine fts, BenchQuery q)
    {
        if (q.Kind == QueryMix.Citation)
        {
            var (number, locator) = QueryMix.SplitCitation(q.Text);
            return fts.Cite(number, locator) is null ? 0 : 1;
        }
        return fts.Search(q.Text, q.Industry, q.Year).Total;
    }

    /// <summary>The child processes: one build (or the parse + tag feed) each, reporting its own peak working set.</summary>
    private static int Child(string[] args)
    {
        var watch = Stopwatch.StartNew();
        switch (args[0])
        {
            case "dump":
            {
                var (docs, clauses) = GreenPolicyEngine.DumpClauses(args[1], args[2]);
                ChildProcess.Report(new DumpResult(docs, clauses, watch.Elapsed.TotalSeconds, ChildProcess.PeakWorkingSet()));
                return 0;
            }
            case "generate":
            {
                // The benchmark's corpus alone, for builds measured by hand: child generate SIZE DIR (default seed and scale).
                var o = new Options();
                var root = FindRoot() ?? throw new ArgumentException("run from inside the repository (no GreenPolicy.sln above)");
                var bytes = new CorpusGenerator(SeedCorpus.Read(Path.Combine(root, "corpus")), o.Seed, o.Scale)
                    .Write(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], Path.Combine(root, "corpus", "taxonomy"));
                Console.WriteLine($"{bytes / 1048576.0:0.0} MB in {watch.Elapsed.TotalSeconds:0.0} s");
                return 0;
            }
            case "gp-build":
            {
                var stages = GreenPolicyEngine.Build(args[1], args[2]);
                ChildProcess.Report(new GreenPolicyBuildRun(stages, ChildProcess.PeakWorkingSet(), ChildProcess.CpuSeconds()));
                return 0;
            }
            case "fts-build":
            {
                // Reading and deserialising clauses.jsonl is not FTS5's work: timed apart and subtracted.
                var reading = new Stopwatch();
                var times = Fts5Engine.Build(args[2], Timed(ClauseRow.ReadAll(args[1]), reading));
                times = times with { InsertSeconds = times.InsertSeconds - reading.Elapsed.TotalSeconds };
                ChildProcess.Report(new FtsBuildRun(times, reading.Elapsed.TotalSeconds, ChildProcess.PeakWorkingSet(), ChildProcess.CpuSeconds()));
                return 0;
            }
            case "query-loop":
            {
                // For profiling (dotnet-trace collect -- … child query-loop INDEX SECONDS q…): the queries in a loop.
                // A query may carry the filtered kind's filters as q|industry|year (超低排放|C31|2020).
                using var store = GreenPolicyEngine.Open(args[1]);
                var until = TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture));
                var requests = args[3..].Select(a => a.Split('|')).Select(p => new SearchRequest
                {
                    Q = p[0],
                    Size = 20,
                    Industry = p.Length > 1 && p[1].Length > 0 ? [p[1]] : [],
                    Year = p.Length > 2 ? [int.Parse(p[2], CultureInfo.InvariantCulture)] : [],
                }).ToList();
                var n = 0;
                while (watch.Elapsed < until)
                {
                    foreach (var request in requests)
                    {
                        store.Search(request);
                        n++;
                    }
                }
                Console.WriteLine($"{n} queries, {watch.Elapsed.TotalMilliseconds / n:0.00} ms each, {GC.GetTotalAllocatedBytes() / 1024.0 / n:0} KB allocated each; " +
                                  $"GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
                return 0;
            }
            case "floor":
                // What a one-term search cannot go below (Floor): child floor INDEX SECONDS term…
                return Floor.Run(args[1], double.Parse(args[2], CultureInfo.InvariantCulture), args[3..], Console.Out);
            case "invert":
                // What writing the index cannot go below (Floor.Invert): child invert CLAUSES.jsonl DIR
                return Floor.Invert(args[1], args[2], Console.Out);
            default:
                Console.Error.WriteLine($"unknown child mode {args[0]}");
                return 2;
        }
    }

    private static IEnumerable<T> Timed<T>(IEnumerable<T> source, Stopwatch clock)
    {
        using var e = source.GetEnumerator();
        while (true)
        {
            clock.Start();
            var more = e.MoveNext();
            var current = more ? e.Current : default;
            clock.Stop();
            if (!more)
            {
                yield break;
            }
            yield return current!;
        }
    }

    private static string WebDll(string root, Action<string> log)
    {
        var project = Path.Combine(root, "src", "Web", "Web.csproj");
        log("building src/Web (Release) for the HTTP part");
        var build = Process.Start(new ProcessStartInfo(ChildProcess.DotnetHost(), ["build", project, "-c", "Release", "-v", "q", "-nologo"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build src/Web failed:\n" + output);
        }
        var dll = Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "GreenPolicy.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found after the build");
    }

    internal static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GreenPolicy.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    private static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static string Commit(string root)
    {
        try
        {
            var git = Process.Start(new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return head;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static double DirectoryMb(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1048576.0 : 0;

    private static MachineInfo Machine(string root)
    {
        var memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        var os = RuntimeInformation.OSDescription;
        if (File.Exists("/etc/os-release"))
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                os = pretty["PRETTY_NAME=".Length..].Trim('"') + $" ({RuntimeInformation.OSArchitecture})";
            }
        }
        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return new MachineInfo(Environment.ProcessorCount, memoryGb, os, RuntimeInformation.FrameworkDescription.Replace(".NET ", ""), Fts5Engine.SqliteVersion(), gc, Commit(root));
    }
}
