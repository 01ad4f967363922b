using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GreenPolicy.Pipeline;
using GreenPolicy.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GreenPolicy.Web.Tests.Reliability;

/// <summary>
/// A new generation built while the site serves: no request fails, every answer comes whole from one
/// generation, and the site switches without a restart. Bounded: four clients, a few seconds.
/// </summary>
public sealed class ReindexUnderLoadTests : IDisposable
{
    private const string NewDoc = "test-2021-1";
    private readonly TempSite site = new(poll: TimeSpan.FromMilliseconds(50));

    public void Dispose() => site.Dispose();

    private void AddDocumentAndBuild()
    {
        File.WriteAllText(Path.Combine(site.CorpusDir, NewDoc + ".md"), TempSite.Document(NewDoc, "测试省钢铁行业绿色低碳实施方案",
            "一、总体要求\n\n推进钢铁行业节能降碳改造，提升能源利用效率。\n\n二、重点任务\n\n（一）推广钢铁行业超低排放改造。\n"));
        var result = IndexBuild.Run(site.CorpusDir, site.IndexDir);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public async Task Reindexing_under_load_fails_no_request_and_mixes_no_generations()
    {
        using var factory = site.Factory();
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateClient()).ToList();
        var oldGeneration = site.Manager.Generation;
        var failures = new ConcurrentBag<string>();
        var served = 0;
        var stop = new CancellationTokenSource();
        var seenNew = new ConcurrentDictionary<int, bool>();

        // Each answer says which generation it came from by its content: 5 documents or 6, and the new
        // document's clauses found or not. A client that has seen the new generation never sees the old again.
        async Task Client(int n)
        {
            var c = clients[n];
            var newSeen = false;
            while (!stop.IsCancellationRequested)
            {
                var url = (served % 2 == 0) ? "/api/documents" : "/api/search?q=" + Uri.EscapeDataString("钢铁") + $"&doc={NewDoc}&doc=miit-2016-225&size=100";
                var response = await c.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref served);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                    continue;
                }
                var json = JsonDocument.Parse(body).RootElement;
                bool isNew;
                if (url == "/api/documents")
                {
                    var ids = json.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
                    isNew = ids.Contains(NewDoc);
                    if (ids.Count != (isNew ? 6 : 5))
                    {
                        failures.Add($"documents: {ids.Count} with new={isNew}");
                    }
                }
                else
                {
                    var docs = json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("docId").GetString()).ToHashSet();
                    isNew = docs.Contains(NewDoc);
                    var facetHasNew = json.GetProperty("facets").EnumerateObject()
                        .SelectMany(f => f.Value.EnumerateArray()).Any(v => v.GetProperty("value").GetString() == NewDoc);
                    if (facetHasNew != isNew && json.GetProperty("total").GetInt32() <= 100)
                    {
                        failures.Add("search: hits and facets from different generations");
                    }
                }
                if (newSeen && !isNew)
                {
                    failures.Add($"{url}: old generation after the new one");
                }
                newSeen |= isNew;
                if (isNew)
                {
                    seenNew[n] = true;
                }
            }
        }

        var load = Enumerable.Range(0, clients.Count).Select(Client).ToList();
        await Task.Delay(500);
        var before = served;
        var watch = Stopwatch.StartNew();
        await Task.Run(AddDocumentAndBuild);
        // Switched without a restart: the manager polls CURRENT; wait for every client to see it (bounded).
        while (seenNew.Count < clients.Count && watch.Elapsed < TimeSpan.FromSeconds(60) && failures.IsEmpty)
        {
            await Task.Delay(50);
        }
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(load);
        clients.ForEach(c => c.Dispose());

        Assert.Empty(failures);
        Assert.True(served - before > 10, $"only {served - before} requests during the re-index");
        Assert.Equal(clients.Count, seenNew.Count);
        Assert.NotEqual(oldGeneration, site.Manager.Generation);
    }

    [Fact]
    public void A_request_keeps_its_generation_across_a_switch()
    {
        // The request scope's IPolicyStore is pinned at the start of the request (AddPolicyStore's lease): a
        // page that makes several calls (the document, then its links, then the facets) sees one generation.
        using var factory = site.Factory();
        _ = factory.Server;
        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPolicyStore>();
        var generation = store.Generation;
        Assert.Equal(5, store.Documents().Count);

        AddDocumentAndBuild();
        Assert.True(site.Manager.Refresh() || site.Manager.Generation != generation);

        // Same request: still the old generation, still open (not disposed under it).
        Assert.Equal(generation, store.Generation);
        Assert.Equal(5, store.Documents().Count);
        Assert.True(store.Search(new SearchRequest { Q = "钢铁" }).Total > 0);

        // The next request sees the new one.
        using var next = factory.Services.CreateScope();
        var fresh = next.ServiceProvider.GetRequiredService<IPolicyStore>();
        Assert.NotEqual(generation, fresh.Generation);
        Assert.Equal(6, fresh.Documents().Count);
    }

    [Fact]
    public async Task A_failed_build_while_serving_leaves_the_old_generation_serving()
    {
        using var factory = site.Factory();
        using var client = factory.CreateClient();
        var generation = site.Manager.Generation;
        File.WriteAllText(Path.Combine(site.CorpusDir, "broken.md"), "---\nid: broken\ntitle: [坏\n---\n正文。\n");
        var result = IndexBuild.Run(site.CorpusDir, site.IndexDir);
        Assert.False(result.Succeeded);
        await Task.Delay(200);   // several poll intervals
        var health = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
        Assert.Equal(generation, health.GetProperty("generation").GetString());
        Assert.Equal(5, JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement.GetArrayLength());
    }
}
