using System.Net;
using GreenPolicy.Web.Store;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Api;

[Collection(CorpusCollection.Name)]
public sealed class RateLimitTests(CorpusIndex index)
{
    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after()
    {
        using var factory = new SiteFactory(new FixedPolicyStoreProvider(index.Manager), new Dictionary<string, string?>
        {
            ["GreenPolicy:RateLimit:PermitLimit"] = "3",
            ["GreenPolicy:RateLimit:WindowSeconds"] = "30",
        });
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        var limited = await client.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var retry = limited.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retry.TotalSeconds, 1, 30);
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync());
    }
}
