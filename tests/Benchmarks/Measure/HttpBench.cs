using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GreenPolicy.Benchmarks.Measure;

/// <summary>
/// The site as users reach it: src/Web (release build) started as a child process on 127.0.0.1 with a
/// free port over an index that already exists; the time from process start to the first answered
/// search, then a bounded load (a fixed number of requests and a time limit) at a fixed concurrency
/// from an in-process HttpClient loop, and the site's working set after it.
/// </summary>
internal static class HttpBench
{
    public sealed record Result(
        double StartToFirstAnswerMs,
        int Concurrency,
        int Requests,
        int Errors,
        double Seconds,
        double RequestsPerSecond,
        Percentiles Latency,
        double WorkingSetMbAfterLoad,
        double PeakWorkingSetMb,
        double StartCpuMs = double.NaN,
        double SiteCpuMsPerRequest = double.NaN);

    public static Result Run(string webDll, string corpusDir, string indexRoot, IReadOnlyList<BenchQuery> queries,
        int concurrency, int maxRequests, TimeSpan limit, Action<string> log)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(ChildProcess.DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     webDll, "--urls", baseUrl, "--GreenPolicy:Corpus", corpusDir, "--GreenPolicy:Index", indexRoot,
                     // The site's per-client rate limit (600 a minute) would measure the limiter, not the site.
                     "--GreenPolicy:RateLimit:PermitLimit", "1000000000", "--Logging:LogLevel:Default", "Warning",
                 })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

        var watch = Stopwatch.StartNew();
        using var site = Process.Start(start) ?? throw new InvalidOperationException("cannot start the site");
        site.OutputDataReceived += (_, _) => { };
        site.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                log("    site: " + e.Data);
            }
        };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        try
        {
            var first = Uri(queries[0]);
            double startMs = double.NaN, startCpuMs = double.NaN;
            while (watch.Elapsed < TimeSpan.FromMinutes(5))
            {
                if (site.HasExited)
                {
                    throw new InvalidOperationException($"the site exited with {site.ExitCode} before answering");
                }
                try
                {
                    using var response = client.GetAsync(first).GetAwaiter().GetResult();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        startMs = watch.Elapsed.TotalMilliseconds;
                        site.Refresh();
                        startCpuMs = site.TotalProcessorTime.TotalMilliseconds;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                Thread.Sleep(10);
            }
            log($"    site answered {startMs:0} ms after start");

            // Warm-up: every query once.
            foreach (var q in queries)
            {
                client.GetAsync(Uri(q)).GetAwaiter().GetResult().Dispose();
            }

            var samples = new double[maxRequests];
            var next = -1;
            var errors = 0;
            site.Refresh();
            var cpuBefore = site.TotalProcessorTime.TotalMilliseconds;
            var load = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (load.Elapsed < limit)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= maxRequests)
                    {
                        break;
                    }
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.GetAsync(Uri(queries[i % queries.Count]), HttpCompletionOption.ResponseContentRead);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    samples[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
            })).ToArray();
            Task.WaitAll(workers);
            var seconds = load.Elapsed.TotalSeconds;
            var done = Math.Min(maxRequests, next);
            site.Refresh();
            var cpuPerRequest = (site.TotalProcessorTime.TotalMilliseconds - cpuBefore) / Math.Max(1, Math.Min(maxRequests, next));
            var ws = site.WorkingSet64 / 1048576.0;
            var peak = site.PeakWorkingSet64 / 1048576.0;
            return new Result(startMs, concurrency, done, errors, seconds, done / seconds, Percentiles.Of(samples.Take(done).ToArray()), ws, peak, startCpuMs, cpuPerRequest);
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill(entireProcessTree: true);
                site.WaitForExit();
            }
        }
    }

    public static string Uri(BenchQuery q)
    {
        if (q.Kind == QueryMix.Citation)
        {
            return "/api/cite?q=" + System.Uri.EscapeDataString(q.Text);
        }
        var uri = "/api/search?q=" + System.Uri.EscapeDataString(q.Text);
        if (q.Industry is not null)
        {
            uri += "&industry=" + System.Uri.EscapeDataString(q.Industry);
        }
        if (q.Year is not null)
        {
            uri += "&year=" + q.Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return uri;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
