using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GreenPolicy.Benchmarks.Measure;

/// <summary>
/// The site as users reach it: src/Web (release build) started as a child process on 127.0.0.1 with a
/// free port over an index that already exists; the time from process start to the first answered
/// search (median of <see cref="Starts"/> starts), then a bounded load (a fixed number of requests and a time limit) at a fixed concurrency
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
        double SiteCpuMsPerRequest = double.NaN,
        double[]? StartRunsMs = null);

    /// <summary>How many times the site is started to time start → first answer; the median is reported.</summary>
    public const int Starts = 3;

    public static Result Run(string webDll, string corpusDir, string indexRoot, IReadOnlyList<BenchQuery> queries,
        int concurrency, int maxRequests, TimeSpan limit, Action<string> log)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        // One start is one sample on a shared machine: the site is started Starts times (each on a fresh port),
        // the first ones stopped once they answer, the last one kept for the load.
        var starts = new List<(double Ms, double CpuMs)>();
        for (var k = 1; ; k++)
        {
            var port = FreePort();
            using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var watch = Stopwatch.StartNew();
            using var site = Start(webDll, corpusDir, indexRoot, client.BaseAddress!, log);
            try
            {
                starts.Add(FirstAnswer(site, watch, client, Uri(queries[0])));
                log($"    site answered {starts[^1].Ms:0} ms after start ({k} of {Starts})");
                if (k < Starts)
                {
                    continue;
                }
                var (requests, errors, seconds, samples, cpuPerRequest) = Load(site, client, queries, concurrency, maxRequests, limit);
                site.Refresh();
                var startMs = starts.Select(x => x.Ms).Order().ElementAt(Starts / 2);
                return new Result(startMs, concurrency, requests, errors, seconds, requests / seconds, Percentiles.Of(samples),
                    site.WorkingSet64 / 1048576.0, site.PeakWorkingSet64 / 1048576.0, starts.First(x => x.Ms == startMs).CpuMs,
                    cpuPerRequest, [.. starts.Select(x => x.Ms)]);
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
    }

    private static Process Start(string webDll, string corpusDir, string indexRoot, Uri baseUrl, Action<string> log)
    {
        var start = new ProcessStartInfo(ChildProcess.DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     webDll, "--urls", baseUrl.ToString().TrimEnd('/'), "--GreenPolicy:Corpus", corpusDir, "--GreenPolicy:Index", indexRoot,
                     // The site's per-client rate limit (600 a minute) would measure the limiter, not the site.
                     "--GreenPolicy:RateLimit:PermitLimit", "1000000000", "--Logging:LogLevel:Default", "Warning",
                 })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var site = Process.Start(start) ?? throw new InvalidOperationException("cannot start the site");
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
        return site;
    }

    /// <summary>Wall (<paramref name="sinceStart"/>) and site CPU milliseconds to the first 200 answer to <paramref name="uri"/>.</summary>
    private static (double Ms, double CpuMs) FirstAnswer(Process site, Stopwatch sinceStart, HttpClient client, string uri)
    {
        while (sinceStart.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (site.HasExited)
            {
                throw new InvalidOperationException($"the site exited with {site.ExitCode} before answering");
            }
            try
            {
                using var response = client.GetAsync(uri).GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var ms = sinceStart.Elapsed.TotalMilliseconds;
                    site.Refresh();
                    return (ms, site.TotalProcessorTime.TotalMilliseconds);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Thread.Sleep(10);
        }
        throw new InvalidOperationException("the site did not answer within 5 minutes of its start");
    }

    /// <summary>Every query once (warm-up), then the bounded load; latencies of the requests made, site CPU per request.</summary>
    private static (int Requests, int Errors, double Seconds, double[] Samples, double CpuPerRequest) Load(
        Process site, HttpClient client, IReadOnlyList<BenchQuery> queries, int concurrency, int maxRequests, TimeSpan limit)
    {
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
        var cpuPerRequest = (site.TotalProcessorTime.TotalMilliseconds - cpuBefore) / Math.Max(1, done);
        return (done, errors, seconds, samples[..done], cpuPerRequest);
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
