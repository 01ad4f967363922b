using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Reliability;

/// <summary>A corpus document written by an attacker (or copied carelessly from a web page).</summary>
public sealed class HostileCorpusFixture : IDisposable
{
    public const string DocId = "evil-2021-1";

    public HostileCorpusFixture() => Site = new TempSite(new Dictionary<string, string>
    {
        [DocId + ".md"] = TempSite.Document(DocId, "<script>alert('title')</script>测试省工业绿色发展方案",
            "一、总体要求<img src=x onerror=alert('heading')>\n\n" +
            "=HYPERLINK(\"http://evil.example\",\"点击\")推进钢铁行业节能降碳改造。\n\n" +
            "+1+cmd|' /C calc'!A0 提升钢铁行业能源利用效率。\n\n" +
            "-2+3 加快钢铁行业绿色转型，<script>alert('text')</script>。\n\n" +
            "@SUM(1+1) 推进钢铁行业清洁生产。\n"),
    });

    public TempSite Site { get; }

    public void Dispose() => Site.Dispose();
}

/// <summary>
/// Nothing a user types or the corpus contains becomes HTML or script on a page, or a formula in a CSV
/// cell; every answer carries the security headers; cross-origin reads stay closed unless configured.
/// </summary>
public sealed class InjectionTests(HostileCorpusFixture hostile) : IClassFixture<HostileCorpusFixture>, IDisposable
{
    private readonly SiteFactory factory = hostile.Site.Factory();
    private HttpClient? client;

    private HttpClient Client => client ??= factory.NoRedirectClient();

    public void Dispose()
    {
        client?.Dispose();
        factory.Dispose();
    }

    private const string Doc = HostileCorpusFixture.DocId;

    // Script elements the site itself writes carry a src (wwwroot/js/site.js, the Blazor script): any other
    // <script is injected. The same for event-handler attributes and <img> from the text.
    private static void AssertNoInjectedMarkup(string html, string where)
    {
        foreach (Match m in Regex.Matches(html, "<script[^>]*>", RegexOptions.IgnoreCase))
        {
            Assert.True(m.Value.Contains("src=", StringComparison.OrdinalIgnoreCase), $"{where}: inline script {m.Value}");
        }
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\son\\w+\\s*=", html);
    }

    [Fact]
    public async Task A_script_typed_into_the_search_box_is_shown_as_text()
    {
        var q = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        var response = await Client.GetAsync("/search?q=" + Uri.EscapeDataString(q));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500);
        AssertNoInjectedMarkup(html, "search page");
        Assert.Contains("&lt;script&gt;", html);   // it is there, as text
    }

    [Fact]
    public async Task Titles_headings_and_text_from_the_corpus_are_shown_as_text_on_every_page()
    {
        var clause = (await Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/documents/{Doc}"))
            .GetProperty("clauses")[1].GetProperty("id").GetString();
        foreach (var url in new[]
        {
            $"/documents/{Doc}", $"/clauses/{clause}", "/search?q=" + Uri.EscapeDataString("钢铁") + $"&doc={Doc}",
            "/search?q=" + Uri.EscapeDataString("script alert"), "/", "/targets", "/industries",
        })
        {
            var response = await Client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            AssertNoInjectedMarkup(html, url);
        }
        var doc = await (await Client.GetAsync($"/documents/{Doc}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(", doc);
    }

    [Fact]
    public async Task Csv_cells_that_start_a_formula_are_neutralised()
    {
        var response = await Client.GetAsync("/api/search.csv?q=" + Uri.EscapeDataString("钢铁") + $"&doc={Doc}&sort=order");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
        var cells = ParseCsv(text).Skip(1).SelectMany(r => r).ToList();
        Assert.Contains(cells, c => c.Contains("HYPERLINK", StringComparison.Ordinal));   // the rows are there
        foreach (var cell in cells)
        {
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"formula cell: {cell}");
        }
        Assert.Contains(cells, c => c.StartsWith("'=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.StartsWith("'@SUM", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=%E9%92%A2%E9%93%81")]
    [InlineData("/documents/" + Doc)]
    [InlineData("/no-such-page")]
    [InlineData("/api/documents")]
    [InlineData("/api/search?q=x")]
    [InlineData("/api/search.csv?q=x")]
    [InlineData("/api/documents/NOPE")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/search?q=%E4%B8")]
    [InlineData("/healthz")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var response = await Client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"), url);
        Assert.False(response.Headers.Contains("Server"), url);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("OPTIONS")]
    public async Task Cors_is_closed_for_a_foreign_origin_by_default(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/search?q=x");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await Client.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Cors_opens_only_to_configured_origins()
    {
        using var open = hostile.Site.Factory(new Dictionary<string, string?>
        {
            ["GreenPolicy:Cors:AllowedOrigins:0"] = "https://data.example.gov.cn",
        });
        using var c = open.CreateClient();
        async Task<string?> AllowedFor(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
            request.Headers.Add("Origin", origin);
            var response = await c.SendAsync(request);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var v) ? v.Single() : null;
        }
        Assert.Equal("https://data.example.gov.cn", await AllowedFor("https://data.example.gov.cn"));
        Assert.Null(await AllowedFor("https://evil.example"));
    }

    [Fact]
    public async Task Pages_and_api_share_one_rate_limit_that_says_when_to_retry()
    {
        using var limited = hostile.Site.Factory(new Dictionary<string, string?>
        {
            ["GreenPolicy:RateLimit:PermitLimit"] = "4",
            ["GreenPolicy:RateLimit:WindowSeconds"] = "20",
        });
        using var c = limited.CreateClient();
        var statuses = new List<int>();
        foreach (var url in new[] { "/", "/api/documents", "/search?q=x", "/api/search?q=x", "/", "/api/documents", "/search?q=x" })
        {
            var response = await c.GetAsync(url);
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 20);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var body = await response.Content.ReadAsStringAsync();
                Assert.Contains("请求过于频繁", body);
                Assert.Contains("Too many requests", body);
            }
        }
        Assert.Equal([200, 200, 200, 200, 429, 429, 429], statuses);
    }

    [Fact]
    public async Task Request_bodies_over_the_limit_are_refused_by_kestrel()
    {
        // The in-memory test server does not apply Kestrel's limits: this one runs on real Kestrel (loopback).
        using var real = hostile.Site.Factory(new Dictionary<string, string?>
        {
            ["GreenPolicy:Limits:MaxRequestBodyBytes"] = "1024",
        });
        real.UseKestrel(0);
        real.StartServer();
        using var c = real.CreateClient();
        var small = await c.PostAsync("/api/search?q=x", new ByteArrayContent(new byte[100]));
        Assert.True((int)small.StatusCode is 404 or 405, $"small body: {(int)small.StatusCode}");
        var big = await c.PostAsync("/api/search?q=x", new ByteArrayContent(new byte[64 * 1024]));
        Assert.True((int)big.StatusCode is 413 or 405 or 404 or 400, $"big body: {(int)big.StatusCode}");
        // A 10,000-character query passes Kestrel's request-line limit and reaches the validator (a 400 problem, not a 414).
        var longQuery = await c.GetAsync("/api/search?q=" + new string('x', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, longQuery.StatusCode);
        Assert.Equal("application/problem+json", longQuery.Content.Headers.ContentType?.MediaType);
        // Beyond the request-line limit (64 KB) Kestrel itself refuses, and nothing is served.
        var hugeQuery = await c.GetAsync("/api/search?q=" + new string('x', 70_000));
        Assert.True((int)hugeQuery.StatusCode is 414 or 400 or 431, $"huge: {(int)hugeQuery.StatusCode}");
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(ch);
            }
        }
        return rows;
    }
}
