using System.Net;
using System.Text;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Compare;

/// <summary>/api/compare, /api/compare.csv and the /compare page over the real corpus index.</summary>
public sealed class CompareApiTests(CorpusIndex index) : SiteTestBase(index)
{
    private const string Pair = "left=sichuan-13fyp&right=guizhou-2018-14";

    [Fact]
    public async Task Sichuan_against_Guizhou_gives_sections_coverage_targets_and_the_national_share()
    {
        var json = await GetJson("/api/compare?" + Pair);
        Assert.Equal("sichuan-13fyp", json.GetProperty("left").GetProperty("id").GetString());
        Assert.Equal("guizhou-2018-14", json.GetProperty("right").GetProperty("id").GetString());
        var topics = json.GetProperty("topics");
        Assert.True(topics.GetArrayLength() > 0);
        var rows = topics.EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray()).ToList();
        Assert.Contains(rows, r => r.GetProperty("relation").ValueKind == System.Text.Json.JsonValueKind.String
                                   && r.GetProperty("left").ValueKind != System.Text.Json.JsonValueKind.Null
                                   && r.GetProperty("right").ValueKind != System.Text.Json.JsonValueKind.Null);
        var columns = json.GetProperty("topicCoverage").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("docId").GetString()).ToList();
        Assert.Equal(["sichuan-13fyp", "guizhou-2018-14"], columns.Take(2));
        Assert.Contains("miit-2016-225", columns);
        Assert.True(json.GetProperty("leftFollowing").GetProperty("share").GetDouble() > json.GetProperty("rightFollowing").GetProperty("share").GetDouble());
    }

    [Theory]
    [InlineData("/api/compare", HttpStatusCode.BadRequest)]                                   // neither document
    [InlineData("/api/compare?left=sichuan-13fyp", HttpStatusCode.BadRequest)]                // one missing
    [InlineData("/api/compare?left=..%2Fetc&right=guizhou-2018-14", HttpStatusCode.BadRequest)] // malformed id
    [InlineData("/api/compare?left=sichuan-13fyp&right=no-such-plan", HttpStatusCode.NotFound)]
    [InlineData("/api/compare?left=sichuan-13fyp&right=sichuan-13fyp", HttpStatusCode.BadRequest)] // a plan against itself
    [InlineData("/api/compare.csv?left=no-such-plan&right=guizhou-2018-14", HttpStatusCode.NotFound)]
    public async Task Missing_malformed_and_unknown_ids_are_problems(string url, HttpStatusCode status) =>
        await AssertProblem(url, status);

    [Fact]
    public async Task Csv_is_utf8_with_a_bom_and_one_line_per_aligned_row()
    {
        var response = await Client.GetAsync("/api/compare.csv?" + Pair);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("kind,section,left_id", lines[0]);
        Assert.Contains(lines, l => l.Contains("sichuan-13fyp/", StringComparison.Ordinal) && l.Contains("guizhou-2018-14/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_shows_pickers_charts_targets_and_aligned_sections()
    {
        var (status, html, _) = await Get("/compare?" + Pair);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"c-left\"", html);
        Assert.Contains("value=\"sichuan-13fyp\" selected", html);
        Assert.Contains("遵循国家规划的程度", html);
        Assert.Contains("class=\"chart heat-map\"", html);
        Assert.Contains("class=\"chart industry-chart\"", html);
        Assert.Contains("量化目标对照", html);
        Assert.Contains("按主题对照", html);
        Assert.Contains("/api/compare.csv?left=sichuan-13fyp&amp;right=guizhou-2018-14", html);
    }

    [Fact]
    public async Task The_page_without_documents_offers_the_Sichuan_Guizhou_comparison_and_an_unknown_one_is_404()
    {
        var (status, html, _) = await Get("/compare");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("/compare?left=sichuan-13fyp&amp;right=guizhou-2018-14", html);
        // The site's 404 handling may render its own not-found page: the status is what counts.
        var (missing, _, _) = await Get("/compare?left=sichuan-13fyp&right=no-such-plan");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
