using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Reliability;

/// <summary>
/// Whatever arrives in a URL gets a sane answer: 200 with results, or 400/404 problem+json in Chinese and
/// English; never a 500, never slow, never a file from outside the index.
/// </summary>
public sealed class HostileInputTests(CorpusIndex index) : SiteTestBase(index)
{
    /// <summary>One answer must come well within this, on a loaded 2-core machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Queries => new()
    {
        "*:*", "text:x", "a AND (", "\"", "\\", "~", "^", "钢铁~2 产能^10", "[* TO *]", "/.*/",
        "*", "?*", "电*", "*铝", "**********",                      // wildcards: never a term expansion
        "\u0000", "钢铁\u0000产能", "\u0001\u0002\u001b[31m\u007f",  // NUL and control characters
        "\u202e铝解电\u202c", "\u200b\u200d\ufeff",                // bidi override, zero-width
        "😀", "钢铁😀产能", "👨‍👩‍👧‍👦",                                 // emoji, a ZWJ sequence
        "钢铁 steel сталь فولاذ 鋼鐵 강철",                           // mixed scripts, traditional characters
        "\ud800", "\udc00钢铁",                                     // lone surrogates (escaped as U+FFFD by the client)
        new string('钢', 500), new string('x', 10_000),             // at the limit and far beyond it
        string.Concat(Enumerable.Repeat("钢铁 OR ", 400)),
        "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}", "{{7*7}}",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Every_query_gets_a_bounded_sane_answer_on_api_csv_cite_and_page(string q)
    {
        var escaped = Uri.EscapeDataString(q);
        foreach (var url in new[] { $"/api/search?q={escaped}", $"/api/search.csv?q={escaped}", $"/api/cite?q={escaped}", $"/search?q={escaped}" })
        {
            var watch = Stopwatch.StartNew();
            var (status, body, response) = await Get(url);
            Assert.True(watch.Elapsed < Bound, $"{url[..Math.Min(60, url.Length)]}: {watch.Elapsed}");
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url[..Math.Min(60, url.Length)]}: {(int)status}");
            if (status == HttpStatusCode.BadRequest && url.StartsWith("/api/", StringComparison.Ordinal))
            {
                AssertBilingualProblem(response, body);
            }
            Assert.DoesNotContain("<script>alert", body);
        }
    }

    [Theory]
    [InlineData("*")]
    [InlineData("?*")]
    [InlineData("*:*")]
    [InlineData("**********")]
    public async Task A_wildcard_never_matches_the_whole_corpus(string q)
    {
        var all = (await GetJson("/api/search?size=1")).GetProperty("total").GetInt32();
        Assert.True(all > 100, $"the corpus has {all} clauses");
        var (status, body, _) = await Get("/api/search?q=" + Uri.EscapeDataString(q));
        if (status == HttpStatusCode.OK)
        {
            Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32() < all / 2, $"{q} matched nearly everything");
        }
    }

    [Fact]
    public async Task A_trailing_star_finds_no_more_than_the_word_alone()
    {
        var word = (await GetJson("/api/search?q=" + Uri.EscapeDataString("电"))).GetProperty("total").GetInt32();
        var star = (await GetJson("/api/search?q=" + Uri.EscapeDataString("电*"))).GetProperty("total").GetInt32();
        Assert.InRange(star, 0, word);
    }

    [Theory]
    [InlineData("q=%E4%B8")]              // truncated UTF-8 (电 is E7 94 B5)
    [InlineData("q=%C3%28")]              // invalid continuation byte
    [InlineData("q=%C0%AE%C0%AE")]        // overlong encoding of "..": a classic filter bypass
    [InlineData("q=%ED%A0%80")]           // an encoded surrogate
    [InlineData("q=%zz")]                 // not hex
    [InlineData("q=%")]                   // cut short
    [InlineData("q=%%32%65")]             // double percent
    [InlineData("industry=%FF")]          // in a filter, not the query
    public async Task Invalid_percent_encoding_is_a_400_problem_on_api_and_page(string query)
    {
        foreach (var path in new[] { "/api/search", "/api/search.csv", "/search", "/api/targets" })
        {
            var (status, body, response) = await Get(path + "?" + query);
            Assert.True(status == HttpStatusCode.BadRequest, $"{path}?{query}: {(int)status}");
            AssertBilingualProblem(response, body);
        }
    }

    [Theory]
    [InlineData("page=99999999999999999999999&size=99999999999")]
    [InlineData("page=0&size=0")]
    [InlineData("page=00000000000000000000001")]
    [InlineData("page=-1")]
    [InlineData("size=1e9")]
    [InlineData("page=１")]                       // a full-width digit
    [InlineData("page=1&page=2&size=5&size=500")] // repeated
    public async Task Huge_or_strange_page_and_size_are_clamped_or_refused(string query)
    {
        var (status, body, response) = await Get("/api/search?q=" + Uri.EscapeDataString("工业") + "&" + query);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {(int)status}");
        if (status == HttpStatusCode.OK)
        {
            Assert.InRange(JsonDocument.Parse(body).RootElement.GetProperty("hits").GetArrayLength(), 0, 100);
        }
        else
        {
            AssertBilingualProblem(response, body);
        }
        var page = await Get("/search?q=" + Uri.EscapeDataString("工业") + "&" + query);
        Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"page {query}: {(int)page.Status}");
    }

    [Theory]
    [InlineData("industry=ZZZ999")]
    [InlineData("department=%E7%81%AB%E6%98%9F%E9%83%A8")]   // 火星部
    [InlineData("jurisdiction=CN-XX")]
    [InlineData("level=galactic")]
    [InlineData("status=%3Cscript%3E")]
    [InlineData("modality=maybe")]
    [InlineData("topic=%F0%9F%98%80")]                       // 😀
    [InlineData("doc=..%2F..%2Fetc%2Fpasswd")]
    [InlineData("sort=drop%20table")]
    [InlineData("unknown=1&another=2")]
    public async Task Unknown_filter_values_answer_empty_or_400_never_500(string query)
    {
        var (status, body, response) = await Get("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&" + query);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {(int)status} {body}");
        if (status == HttpStatusCode.BadRequest)
        {
            AssertBilingualProblem(response, body);
        }
        var page = await Get("/search?q=" + Uri.EscapeDataString("钢铁") + "&" + query);
        Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"page {query}: {(int)page.Status}");
    }

    [Fact]
    public async Task Too_many_filter_values_are_refused()
    {
        var query = string.Concat(Enumerable.Range(0, 500).Select(i => $"&industry=C{i}"));
        var (status, body, response) = await Get("/api/search?q=x" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertBilingualProblem(response, body);
    }

    public static TheoryData<string> BadIds => new()
    {
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "..%2f..%2f..%2fcorpus%2fmiit-2016-225.md",
        "%2e%2e",
        "%2e%2e%2f%2e%2e%2fcorpus",
        "%252e%252e%252fetc%252fpasswd",          // double-encoded
        "....//....//etc/passwd",
        "..\\..\\corpus\\miit-2016-225.md",
        "%c0%ae%c0%ae/etc/passwd",
        "miit-2016-225.md",
        "miit-2016-225%00",
        "miit-2016-225/..",
        "miit-2016-225/part_1/../../../CURRENT",
        "CURRENT",
        "gen-*",
        "MIIT-2016-225",
        "miit-2016-225/PART_1",
        "%E6%96%87%E4%BB%B6",                      // 文件
        new string('a', 5_000),
        "miit-2016-225/" + new string('x', 5_000),
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Bad_ids_and_traversal_are_404_or_400_never_a_file(string id)
    {
        var urls = new[]
        {
            $"/api/documents/{id}", $"/api/clauses/{id}", $"/api/clauses/{id}/links", $"/documents/{id}", $"/clauses/{id}",
        };
        foreach (var url in urls)
        {
            var (status, body, response) = await Get(url);
            var shown = url[..Math.Min(80, url.Length)];
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{shown}: {(int)status}");
            if (url.StartsWith("/api/", StringComparison.Ordinal))
            {
                AssertBilingualProblem(response, body);
            }
            // Never the content of a file: /etc/passwd, a corpus file's front matter, the index's CURRENT.
            Assert.DoesNotContain("root:x:0:0", body);
            Assert.DoesNotContain("jurisdiction: CN", body);
        }
    }

    [Fact]
    public async Task Over_long_paths_and_headers_are_refused_cleanly()
    {
        var (status, _, _) = await Get("/" + new string('a', 20_000));
        Assert.True((int)status is 400 or 404 or 414, ((int)status).ToString());
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        request.Headers.TryAddWithoutValidation("X-Junk", new string('x', 100_000));
        var response = await Client.SendAsync(request);
        Assert.True((int)response.StatusCode < 500, ((int)response.StatusCode).ToString());
    }

    private static void AssertBilingualProblem(HttpResponseMessage response, string body)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        var zh = json.GetProperty("messageZh").GetString() ?? "";
        var en = json.GetProperty("messageEn").GetString() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        Assert.Matches("[A-Za-z]{3,}", en);
        Assert.DoesNotContain("   at ", body);    // no stack trace
    }
}
