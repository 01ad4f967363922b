using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace GreenPolicy.LoadTest;

/// <summary>
/// Starts the site (GreenPolicy.Web) on 127.0.0.1 over a temporary copy of corpus/, throws hostile input at
/// it, loads it while the indexer re-builds in another process, SIGKILLs a build half-way, sends 100,000
/// requests watching the site's memory, and writes what happened to docs/reliability.md (+ .json).
/// Bounded: every phase has a request count and a time limit.
/// </summary>
public static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Main(string[] args)
    {
        var outPath = Arg(args, "--out") ?? "docs/reliability.md";
        var memoryRequests = int.Parse(Arg(args, "--requests") ?? "100000", Inv);
        var loadSeconds = int.Parse(Arg(args, "--load-seconds") ?? "20", Inv);
        var repo = FindRepo() ?? throw new InvalidOperationException("GreenPolicy.sln not found above the working directory");
        var run = new Run(repo, memoryRequests, loadSeconds);
        try
        {
            await run.ExecuteAsync();
        }
        finally
        {
            run.Dispose();
        }
        var report = run.Report;
        var md = Path.GetFullPath(outPath, repo);
        Directory.CreateDirectory(Path.GetDirectoryName(md)!);
        File.WriteAllText(md, ReportWriter.Markdown(report));
        File.WriteAllText(Path.ChangeExtension(md, ".json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, IncludeFields = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.WriteLine($"wrote {md}; unintended errors: {report.UnintendedErrors}");
        return report.UnintendedErrors == 0 ? 0 : 1;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string? FindRepo()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "GreenPolicy.sln")))
                {
                    return d.FullName;
                }
            }
        }
        return null;
    }
}

public sealed record InputRow(string Kind, string Input, string Url, int Status, double Ms, bool Intended);

public sealed record LatencyStats(int Count, double P50, double P95, double P99, double Max);

public sealed record LoadReport(int Requests, int Failed, int MixedOrBackwards, double BuildSeconds, double SwitchSecondsAfterBuild,
    LatencyStats Before, LatencyStats DuringReindex, LatencyStats After, string OldGeneration, string NewGeneration);

public sealed record KillReport(string KilledDuring, double KilledAfterSeconds, bool CurrentUnchanged, bool SiteKeptGeneration, int RequestsDuringKill,
    int FailedDuringKill, int BrokenGenerationsLeft, bool NextBuildSucceeded, bool BrokenRemovedByNextBuild, bool SiteSwitchedAfterNextBuild);

public sealed record StartupReport(string Case, int? ExitCode, string Outcome);

public sealed record MemoryReport(int Requests, int Failed, double Seconds, long WorkingSetBeforeBytes, long WorkingSetAfterBytes, long WorkingSetPeakDuringBytes)
{
    /// <summary>Working set every 10,000 requests: flat or growing is told by the shape, not by two points.</summary>
    public List<(int Requests, long Bytes)> Samples { get; init; } = [];
}

public sealed class RunReport
{
    public string StartedUtc { get; set; } = "";
    public string Machine { get; set; } = "";
    public double InitialBuildSeconds { get; set; }
    public List<InputRow> Inputs { get; set; } = [];
    public LoadReport? Load { get; set; }
    public KillReport? Kill { get; set; }
    public List<StartupReport> Startup { get; set; } = [];
    public MemoryReport? Memory { get; set; }
    public int UnintendedErrors { get; set; }
    public List<string> Notes { get; set; } = [];
}

internal sealed class Run(string repo, int memoryRequests, int loadSeconds) : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "gp-load-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? site;
    private HttpClient? http;
    private int port;

    public RunReport Report { get; } = new();

    private string Corpus => Path.Combine(temp, "corpus");
    private string IndexDir => Path.Combine(temp, "index");
    // Each program runs from its own build output (src/<project>/bin/<configuration>/net10.0), with its own deps.json:
    // beside the runner, the indexer would find the web app's package versions, not its own.
    private string Bin(string dll)
    {
        var project = dll == "GreenPolicy.Web.dll" ? "Web" : "Indexer";
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var own = Path.Combine(repo, "src", project, "bin", configuration, "net10.0", dll);
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, dll);
    }

    public async Task ExecuteAsync()
    {
        Report.StartedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        Report.Machine = $"{Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}";
        Copy(Path.Combine(repo, "corpus"), Corpus);

        Log("initial build (indexer child process)");
        var watch = Stopwatch.StartNew();
        var (code, _, err) = await RunIndexer("build");
        if (code != 0)
        {
            throw new InvalidOperationException("initial build failed: " + err);
        }
        Report.InitialBuildSeconds = watch.Elapsed.TotalSeconds;

        await StartSite();
        Log("hostile inputs");
        await HostileInputs();
        Log("load with a re-index in the middle");
        await LoadWithReindex();
        Log("SIGKILL mid-build");
        await KillMidBuild();
        Log($"memory over {memoryRequests} requests");
        await Memory();
        StopSite();
        Log("start-up faults");
        await StartupFaults();
        Report.UnintendedErrors = Report.Inputs.Count(i => !i.Intended)
            + (Report.Load is { } l ? l.Failed + l.MixedOrBackwards : 1)
            + (Report.Kill is { } k ? k.FailedDuringKill + (k.CurrentUnchanged && k.SiteKeptGeneration && k.NextBuildSucceeded && k.BrokenRemovedByNextBuild && k.SiteSwitchedAfterNextBuild ? 0 : 1) : 1)
            + (Report.Memory?.Failed ?? 1);
    }

    private static void Log(string line) => Console.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");

    // ---- the site ------------------------------------------------------------------------------

    private async Task StartSite()
    {
        port = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp };
        foreach (var a in new[]
        {
            Bin("GreenPolicy.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--GreenPolicy:Corpus", Corpus, "--GreenPolicy:Index", IndexDir,
            // The load phases are one client: lift the per-client limit (the 429 itself is covered by the test suite).
            "--GreenPolicy:RateLimit:PermitLimit", "100000000", "--Logging:LogLevel:Default", "Warning",
        })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        site = Process.Start(info)!;
        site.OutputDataReceived += (_, _) => { };
        site.ErrorDataReceived += (_, _) => { };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    Log($"site up on port {port} after {watch.Elapsed.TotalSeconds:0.0} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (site.HasExited)
            {
                throw new InvalidOperationException($"site exited with {site.ExitCode}");
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("site did not start");
    }

    private void StopSite()
    {
        if (site is { HasExited: false })
        {
            site.Kill(entireProcessTree: true);
            site.WaitForExit();
        }
        site?.Dispose();
        site = null;
    }

    private async Task<string> Generation() =>
        JsonDocument.Parse(await http!.GetStringAsync("/healthz")).RootElement.GetProperty("generation").GetString()!;

    // ---- hostile inputs -------------------------------------------------------------------------

    private async Task HostileInputs()
    {
        var queries = new (string Name, string Q)[]
        {
            ("Lucene match-all", "*:*"), ("field prefix", "text:x"), ("unbalanced", "a AND ("), ("lone quote", "\""),
            ("backslash", "\\"), ("fuzzy", "~"), ("boost", "^"), ("wildcard", "*"), ("wildcard", "?*"), ("prefix wildcard", "电*"),
            ("range", "[* TO *]"), ("regex", "/.*/"), ("NUL", "\u0000"), ("control", "\u0001\u001b[31m\u007f"),
            ("bidi override", "\u202e铝解电"), ("emoji", "😀钢铁"), ("ZWJ emoji", "👨‍👩‍👧‍👦"), ("mixed scripts", "钢铁 steel сталь فولاذ 鋼鐵"),
            ("500 characters", new string('钢', 500)), ("10,000 characters", new string('x', 10_000)),
            ("script", "<script>alert(1)</script>"), ("SQL", "' OR 1=1 --"), ("template", "{{7*7}}${jndi:ldap://x}"),
            ("400 ORs", string.Concat(Enumerable.Repeat("钢铁 OR ", 400))),
        };
        foreach (var (name, q) in queries)
        {
            foreach (var path in new[] { "/api/search", "/api/search.csv", "/api/cite", "/search" })
            {
                await Try("query: " + name, q, $"{path}?q={Uri.EscapeDataString(q)}", [200, 400]);
            }
        }
        // "q=%zz" and "q=%" are not sent: HttpClient, like a browser, re-escapes a bare % as %25 (a valid query).
        foreach (var raw in new[] { "q=%E4%B8", "q=%C3%28", "q=%C0%AE%C0%AE", "q=%ED%A0%80", "industry=%FF" })
        {
            foreach (var path in new[] { "/api/search", "/search" })
            {
                await Try("invalid percent-encoding", raw, $"{path}?{raw}", [400]);
            }
        }
        foreach (var p in new[] { "page=99999999999999999999&size=99999999999", "page=0&size=0", "page=-1", "size=1e9", "page=%EF%BC%91" })
        {
            await Try("page/size", p, $"/api/search?q=%E5%B7%A5%E4%B8%9A&{p}", [200, 400]);
        }
        foreach (var f in new[] { "industry=ZZZ999", "jurisdiction=CN-XX", "level=galactic", "modality=maybe", "year=1800", "role=boss",
                     string.Concat(Enumerable.Range(0, 300).Select(i => $"&industry=C{i}")) })
        {
            await Try("unknown filter", f.Length > 60 ? "300 industry values" : f, $"/api/search?q=%E9%92%A2%E9%93%81&{f.TrimStart('&')}", [200, 400]);
        }
        foreach (var id in new[] { "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fcorpus", "%252e%252e%252f",
                     "....//....//etc/passwd", "miit-2016-225.md", "miit-2016-225%00", "CURRENT", "MIIT-2016-225", new string('a', 5000) })
        {
            foreach (var path in new[] { "/api/documents/", "/api/clauses/", "/documents/", "/clauses/" })
            {
                await Try(id.Contains('.') || id.Contains('%') ? "traversal" : "malformed id", id.Length > 40 ? "5,000 characters" : id, path + id, [400, 404],
                    body => !body.Contains("root:x:0:0", StringComparison.Ordinal) && !body.Contains("jurisdiction: CN", StringComparison.Ordinal));
            }
        }
        await Try("script in query (page)", "<script>", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", [200, 400],
            body => !body.Contains("<script>alert", StringComparison.Ordinal));
        await Try("CORS", "Origin: https://evil.example", "/api/documents", [200], null, "https://evil.example");
        await Try("body size", "64 KB POST", "/api/search?q=x", [400, 404, 405, 413], null, null, new byte[64 * 1024 + 1]);
        await Try("request line", "70,000-character query", "/api/search?q=" + new string('x', 70_000), [400, 414, 431]);
    }

    private async Task Try(string kind, string input, string url, int[] expected, Func<string, bool>? bodyOk = null, string? origin = null, byte[]? post = null)
    {
        var watch = Stopwatch.StartNew();
        var request = new HttpRequestMessage(post is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (post is not null)
        {
            request.Content = new ByteArrayContent(post);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        int status;
        var intended = true;
        try
        {
            using var response = await http!.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            status = (int)response.StatusCode;
            // Kestrel refuses some requests before any middleware runs (NUL in the path, a request line over 64 KB):
            // a bare 400/414 with no body, so no CSP is needed. The client removes dot segments ("/documents/%2e%2e"
            // goes out as "/documents/"): that answer is the listing, not a refusal.
            var bare = body.Length == 0 && status is 400 or 414 or 431;
            var normalised = (response.RequestMessage?.RequestUri?.AbsolutePath.Length ?? url.Length) < url.Split('?')[0].Length - 2;
            intended = (expected.Contains(status) || (normalised && status == 200)) && (bodyOk?.Invoke(body) ?? true)
                && (bare || response.Headers.Contains("Content-Security-Policy"))
                && (origin is null || !response.Headers.Contains("Access-Control-Allow-Origin"));
            if (!bare && status >= 400 && url.StartsWith("/api/", StringComparison.Ordinal) && status != 404 && status != 405 && status != 413 && status != 414 && status != 431)
            {
                intended &= response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    && body.Contains("messageZh", StringComparison.Ordinal) && body.Contains("messageEn", StringComparison.Ordinal);
            }
        }
        catch (HttpRequestException)
        {
            status = 0;
            intended = false;
        }
        Report.Inputs.Add(new InputRow(kind, Show(input), url.Length > 80 ? url[..77] + "…" : url, status, watch.Elapsed.TotalMilliseconds, intended));
    }

    private static string Show(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 40 ? s[..37] + "…" : s)
        {
            sb.Append(char.IsControl(c) || char.IsSurrogate(c) && false ? $"\\u{(int)c:X4}" : c.ToString());
        }
        return sb.ToString().Replace("|", "\\|", StringComparison.Ordinal);
    }

    // ---- load with a re-index -------------------------------------------------------------------

    private async Task LoadWithReindex()
    {
        const string newDoc = "loadtest-2021-1";
        var oldGeneration = await Generation();
        var samples = new ConcurrentBag<(double At, double Ms)>();
        var failed = 0;
        var mixed = 0;
        var total = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var urls = new[]
        {
            "/api/documents", "/api/search?q=%E9%92%A2%E9%93%81&doc=" + newDoc,
            "/api/search?q=%E7%94%B5%E8%A7%A3%E9%93%9D", "/api/clauses/guizhou-2018-14/part_3__item_2", "/search?q=%E8%8A%82%E8%83%BD",
        };

        async Task Worker(int n)
        {
            var seenNew = false;
            for (var i = n; !stop.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length];
                var start = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var response = await http!.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    samples.Add((start, clock.Elapsed.TotalMilliseconds - start));
                    Interlocked.Increment(ref total);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref failed);
                        continue;
                    }
                    bool? isNew = null;
                    if (url == "/api/documents")
                    {
                        var ids = JsonDocument.Parse(body).RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
                        isNew = ids.Contains(newDoc);
                        if (ids.Count != (isNew.Value ? 6 : 5))
                        {
                            Interlocked.Increment(ref mixed);
                        }
                    }
                    else if (url.Contains(newDoc, StringComparison.Ordinal))
                    {
                        var json = JsonDocument.Parse(body).RootElement;
                        // Filtered to the new document: no hits in the old generation; in the new one, hits and facet agree.
                        isNew = json.GetProperty("total").GetInt32() > 0;
                        var hits = json.GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("docId").GetString() == newDoc);
                        var facet = json.GetProperty("facets").EnumerateObject().SelectMany(f => f.Value.EnumerateArray())
                            .Any(v => v.GetProperty("value").GetString() == newDoc);
                        if (facet != isNew || hits != isNew)
                        {
                            Interlocked.Increment(ref mixed);
                        }
                    }
                    if (isNew is { } now)
                    {
                        if (seenNew && !now)
                        {
                            Interlocked.Increment(ref mixed);
                        }
                        seenNew |= now;
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(Worker).ToList();
        await Task.Delay(TimeSpan.FromSeconds(loadSeconds / 3.0));
        var buildStart = clock.Elapsed.TotalMilliseconds;
        File.WriteAllText(Path.Combine(Corpus, newDoc + ".md"),
            "---\nid: " + newDoc + "\ntitle: 测试省钢铁行业绿色低碳实施方案\nlevel: provincial\njurisdiction: CN-GZ\nperiod: [2021, 2025]\n---\n" +
            "一、总体要求\n\n推进钢铁行业节能降碳改造，提升能源利用效率。\n\n二、重点任务\n\n（一）推广钢铁行业超低排放改造。\n");
        var (code, _, err) = await RunIndexer("build");
        var buildEnd = clock.Elapsed.TotalMilliseconds;
        if (code != 0)
        {
            Report.Notes.Add("re-index build failed: " + err);
        }
        var newGeneration = oldGeneration;
        while (clock.Elapsed.TotalMilliseconds - buildEnd < 30_000 && (newGeneration = await Generation()) == oldGeneration)
        {
            await Task.Delay(20);
        }
        var switched = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(TimeSpan.FromSeconds(loadSeconds / 3.0));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        LatencyStats Stats(Func<double, bool> when) => Latency(samples.Where(s => when(s.At)).Select(s => s.Ms));
        Report.Load = new LoadReport(total, failed, mixed, (buildEnd - buildStart) / 1000, (switched - buildEnd) / 1000,
            Stats(t => t < buildStart), Stats(t => t >= buildStart && t < switched), Stats(t => t >= switched), oldGeneration, newGeneration);
    }

    private static LatencyStats Latency(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0);
        }
        double P(double q) => v[Math.Min(v.Length - 1, (int)Math.Ceiling(q * v.Length) - 1)];
        return new LatencyStats(v.Length, P(0.5), P(0.95), P(0.99), v[^1]);
    }

    // ---- SIGKILL mid-build ----------------------------------------------------------------------

    private async Task KillMidBuild()
    {
        var serving = File.ReadAllText(Path.Combine(IndexDir, "CURRENT")).Trim();
        var siteGeneration = await Generation();
        File.WriteAllText(Path.Combine(Corpus, "loadtest-2021-2.md"),
            "---\nid: loadtest-2021-2\ntitle: 测试省有色金属行业绿色发展方案\nlevel: provincial\njurisdiction: CN-SC\nperiod: [2021, 2025]\n---\n" +
            "一、总体要求\n\n推进有色金属行业节能降碳，提升电解铝能效水平。\n");
        var before = Generations().ToHashSet();
        var requests = 0;
        var failed = 0;
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var r = await http!.GetAsync("/api/search?q=%E7%94%B5%E8%A7%A3%E9%93%9D");
                    Interlocked.Increment(ref requests);
                    if (!r.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });

        var info = IndexerInfo("build");
        using var process = Process.Start(info)!;
        var parsing = false;
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("parsed", StringComparison.Ordinal) == true) { Volatile.Write(ref parsing, true); } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        string? phase = null;
        while (phase is null && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            var fresh = Generations().Where(g => !before.Contains(g)).ToList();
            if (fresh.Count > 0 && !File.Exists(Path.Combine(IndexDir, fresh[0], "manifest.json")))
            {
                phase = "writing the generation";
            }
            else if (Volatile.Read(ref parsing))
            {
                await Task.Delay(Random.Shared.Next(0, 300));
                phase = Generations().Any(g => !before.Contains(g)) ? "writing the generation" : "parsing the corpus";
            }
            else
            {
                await Task.Delay(2);
            }
        }
        var killedAfter = watch.Elapsed.TotalSeconds;
        if (process.HasExited)
        {
            phase = "too late: the build had finished";
        }
        else
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        await Task.Delay(2500);   // more than the site's 2 s poll of CURRENT
        var currentUnchanged = File.ReadAllText(Path.Combine(IndexDir, "CURRENT")).Trim() == serving;
        var siteKept = await Generation() == siteGeneration;
        var broken = Generations().Where(g => !before.Contains(g)).ToList();
        await stop.CancelAsync();
        await load;

        var (code, _, _) = await RunIndexer("build");
        var after = Generations();
        var switchedWatch = Stopwatch.StartNew();
        var switchedTo = siteGeneration;
        while (switchedWatch.Elapsed < TimeSpan.FromSeconds(30) && (switchedTo = await Generation()) == siteGeneration)
        {
            await Task.Delay(50);
        }
        Report.Kill = new KillReport(phase ?? "timeout", killedAfter, currentUnchanged, siteKept, requests, failed, broken.Count, code == 0,
            broken.All(b => !after.Contains(b)), switchedTo != siteGeneration);
    }

    private string[] Generations() => Directory.GetDirectories(IndexDir, "gen-*").Select(Path.GetFileName).OfType<string>().ToArray();

    // ---- memory ---------------------------------------------------------------------------------

    private async Task Memory()
    {
        var urls = new[]
        {
            "/api/search?q=%E9%92%A2%E9%93%81", "/api/search?q=%E7%94%B5%E8%A7%A3%E9%93%9D&page=2", "/api/documents/miit-2016-225",
            "/api/clauses/guizhou-2018-14/part_3__item_2", "/api/cite?q=%E4%B8%89%EF%BC%88%E4%BA%8C%EF%BC%89", "/healthz",
            "/api/search?q=%E8%8A%82%E8%83%BD&industry=C31", "/api/documents/no-such-doc",
        };
        // Warm up (JIT, caches), then measure.
        for (var i = 0; i < 2000; i++)
        {
            using var _ = await http!.GetAsync(urls[i % urls.Length]);
        }
        GC.Collect();
        await Task.Delay(1000);
        var before = WorkingSet();
        var peak = before;
        var next = -1;
        var failed = 0;
        var samples = new List<(int Requests, long Bytes)>();
        var watch = Stopwatch.StartNew();
        var limit = TimeSpan.FromMinutes(15);
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < memoryRequests && watch.Elapsed < limit)
            {
                try
                {
                    using var r = await http!.GetAsync(urls[i % urls.Length]);
                    await r.Content.ReadAsByteArrayAsync();
                    if ((int)r.StatusCode >= 500 || (r.StatusCode != HttpStatusCode.OK && !urls[i % urls.Length].Contains("no-such", StringComparison.Ordinal)))
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
                if (i % 5000 == 0)
                {
                    var ws = WorkingSet();
                    if (i % 10_000 == 0)
                    {
                        lock (samples)
                        {
                            samples.Add((i, ws));
                        }
                    }
                    if (ws > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, ws);
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Worker()));
        var done = Math.Min(next, memoryRequests);
        var seconds = watch.Elapsed.TotalSeconds;
        await Task.Delay(1000);
        Report.Memory = new MemoryReport(done, failed, seconds, before, WorkingSet(), peak) { Samples = [.. samples.OrderBy(x => x.Requests)] };
    }

    private long WorkingSet()
    {
        site!.Refresh();
        return site.WorkingSet64;
    }

    // ---- start-up faults ------------------------------------------------------------------------

    private async Task StartupFaults()
    {
        // 1. No index and no corpus: the site must not start serving nothing; it must say why and exit non-zero.
        var empty = Path.Combine(temp, "empty");
        Directory.CreateDirectory(empty);
        Report.Startup.Add(await StartOnce("index and corpus missing", Path.Combine(empty, "corpus"), Path.Combine(empty, "index")));

        // 2. The serving generation damaged (Lucene files cut in half) with the corpus present: rebuilt, then served.
        var current = File.ReadAllText(Path.Combine(IndexDir, "CURRENT")).Trim();
        foreach (var f in Directory.GetFiles(Path.Combine(IndexDir, current, "lucene")))
        {
            using var s = new FileStream(f, FileMode.Open);
            s.SetLength(s.Length / 2);
        }
        Report.Startup.Add(await StartOnce("serving generation truncated, corpus present", Corpus, IndexDir));

        // 3. The index folder deleted with the corpus present: rebuilt from corpus/.
        Directory.Delete(IndexDir, recursive: true);
        Report.Startup.Add(await StartOnce("index folder deleted, corpus present", Corpus, IndexDir));
    }

    private async Task<StartupReport> StartOnce(string name, string corpus, string index)
    {
        var p = FreePort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = temp };
        foreach (var a in new[] { Bin("GreenPolicy.Web.dll"), "--urls", $"http://127.0.0.1:{p}", "--GreenPolicy:Corpus", corpus, "--GreenPolicy:Index", index })
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } d) { output.Enqueue(d); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } d) { output.Enqueue(d); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{p}"), Timeout = TimeSpan.FromSeconds(10) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(180) && !process.HasExited)
        {
            try
            {
                using var r = await client.GetAsync("/api/search?q=%E7%94%B5%E8%A7%A3%E9%93%9D");
                if (r.IsSuccessStatusCode)
                {
                    var total = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt32();
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return new StartupReport(name, null, $"served after {watch.Elapsed.TotalSeconds:0.0} s (电解铝: {total} hits)");
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        var message = output.FirstOrDefault(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)) ?? "";
        return new StartupReport(name, process.ExitCode, "exited: " + (message.Length > 200 ? message[..200] + "…" : message));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ProcessStartInfo IndexerInfo(string command)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Bin("GreenPolicy.Indexer.dll"), command, "--corpus", Corpus, "--index", IndexDir })
        {
            info.ArgumentList.Add(a);
        }
        return info;
    }

    private async Task<(int Code, string Out, string Err)> RunIndexer(string command)
    {
        using var p = Process.Start(IndexerInfo(command))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        foreach (var d in Directory.GetDirectories(from))
        {
            Copy(d, Path.Combine(to, Path.GetFileName(d)));
        }
    }

    public void Dispose()
    {
        StopSite();
        http?.Dispose();
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
