using System.Net;
using System.Text.Json;
using GreenPolicy.Web.Store;

namespace GreenPolicy.Web.Tests.Support;

[Collection(CorpusCollection.Name)]
public abstract class SiteTestBase : IDisposable
{
    protected SiteTestBase(CorpusIndex index)
    {
        Index = index;
        Factory = new SiteFactory(new IndexStoreProviderForTests(index));
        Client = Factory.NoRedirectClient();
    }

    protected CorpusIndex Index { get; }
    protected SiteFactory Factory { get; }
    protected HttpClient Client { get; }

    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Get(string url)
    {
        var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    protected async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, _) = await Get(url);
        Assert.True(status == expected, $"{url}: expected {expected}, got {status}: {body[..Math.Min(300, body.Length)]}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A problem+json answer: the status, the content type and a message in both languages.</summary>
    protected async Task AssertProblem(string url, params HttpStatusCode[] allowed)
    {
        var (status, body, response) = await Get(url);
        Assert.True(allowed.Contains(status), $"{url}: got {(int)status}, expected one of {string.Join(",", allowed)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("messageZh").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("messageEn").GetString()));
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The shared index, without letting a factory dispose it.</summary>
    private sealed class IndexStoreProviderForTests(CorpusIndex index) : IPolicyStoreProvider
    {
        public GreenPolicy.Search.IPolicyStore Current => index.Manager;

        public StoreLease Acquire()
        {
            var lease = index.Manager.Acquire();
            return new StoreLease(lease.Store, lease);
        }
    }
}
