using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Pages;

public sealed class PageTests(CorpusIndex index) : SiteTestBase(index)
{
    private async Task<string> Page(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body, response) = await Get(url);
        Assert.True(status == expected, $"{url}: expected {expected}, got {status}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\"", body);
        // Chinese is served as characters: no &#x…; entities for CJK (the HtmlEncoder allows all ranges).
        Assert.DoesNotMatch(new Regex("&#x[4-9][0-9A-F]{3};", RegexOptions.IgnoreCase), body);
        Assert.DoesNotContain("<script>", body); // only <script src=…>, never inline
        return body;
    }

    private static string Title(string html) => Regex.Match(html, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task Home_lists_the_documents_and_entry_points()
    {
        var html = await Page("/");
        var docs = await GetJson("/api/documents");
        foreach (var d in docs.EnumerateArray())
        {
            Assert.Contains(WebUtilityEncode(d.GetProperty("title").GetString()!), html);
            Assert.Contains($"href=\"/documents/{d.GetProperty("id").GetString()}\"", html);
        }
        foreach (var link in new[] { "/industries", "/departments", "/targets", "/cite", "/compare?left=sichuan-13fyp" })
        {
            Assert.Contains($"href=\"{link}", html);
        }
        Assert.Contains("<label for=\"q\"", html);
        Assert.Contains("工信部规〔2016〕225号", html);
    }

    [Fact]
    public async Task Search_page_shows_hits_with_marks_facets_and_a_csv_link()
    {
        var html = await Page("/search?q=" + Uri.EscapeDataString("电解铝"));
        Assert.Contains("电解铝", Title(html));
        Assert.Contains("<mark>", html);
        Assert.Contains("class=\"facets\"", html);
        Assert.Contains("href=\"/api/search.csv?q=%E7%94%B5%E8%A7%A3%E9%93%9D\"", html);
        Assert.Matches("href=\"/clauses/[a-z0-9-]+/[a-z0-9_]+\"", html);
        // A facet link keeps the query and adds its filter.
        Assert.Matches("href=\"/search\\?q=%E7%94%B5%E8%A7%A3%E9%93%9D&amp;(doc|level|industry)=", html);
    }

    [Fact]
    public async Task Search_page_active_filter_is_removable()
    {
        var html = await Page("/search?q=" + Uri.EscapeDataString("绿色") + "&doc=guizhou-2018-14");
        Assert.Contains("去掉筛选", html);
        Assert.Contains("href=\"/search?q=%E7%BB%BF%E8%89%B2\"", html);
    }

    [Fact]
    public async Task Search_page_empty_state_suggests_the_filter_to_drop()
    {
        var html = await Page("/search?q=" + Uri.EscapeDataString("电解铝") + "&year=2099");
        Assert.Contains("没有找到符合条件的条款", html);
        Assert.Contains("去掉「目标年份：2099」", html);
    }

    [Fact]
    public async Task Search_page_escapes_the_query_everywhere()
    {
        var html = await Page("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Search_page_with_bad_input_is_400_not_500()
    {
        var (status, _, _) = await Get("/search?q=" + new string('x', 800));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (status2, _, _) = await Get("/search?q=abc&page=zz");
        Assert.Equal(HttpStatusCode.BadRequest, status2);
    }

    [Fact]
    public async Task Clause_page_shows_breadcrumbs_text_citation_and_neighbours()
    {
        var doc = await GetJson("/api/documents/guizhou-2018-14");
        var clauses = doc.GetProperty("clauses").EnumerateArray().ToList();
        var c = clauses[clauses.Count / 2];
        var id = c.GetProperty("id").GetString()!;
        var html = await Page($"/clauses/{id}");
        Assert.Contains(c.GetProperty("locator").GetString()!, Title(html));
        Assert.Contains("class=\"breadcrumbs\"", html);
        Assert.Contains("href=\"/documents/guizhou-2018-14\"", html);
        Assert.Contains(WebUtilityEncode(c.GetProperty("citation").GetString()!), html);
        Assert.Contains("上一条", html);
        Assert.Contains("下一条", html);
        Assert.Contains("data-copy-target=\"citation-text\"", html);
        Assert.Contains($"/clauses/{id}\"", html);
        Assert.Contains("国家层面依据", html);
    }

    [Fact]
    public async Task Clause_page_marks_tagged_spans()
    {
        var result = await GetJson("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&industry=C31");
        var id = result.GetProperty("hits")[0].GetProperty("id").GetString()!;
        var html = await Page($"/clauses/{id}");
        Assert.Contains("class=\"tag tag-industry\"", html);
    }

    [Theory]
    [InlineData("/clauses/miit-2016-225/part_99__item_99")]
    [InlineData("/clauses/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/documents/no-such-doc")]
    [InlineData("/documents/ABC%2F..")]
    [InlineData("/industries/NOPE")]
    [InlineData("/departments/" + "不存在的部门")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_and_ids_get_the_404_page(string url)
    {
        var (status, body, _) = await Get(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("不存在", body);
        Assert.Contains("返回首页", body);
    }

    [Fact]
    public async Task Document_page_has_an_anchor_for_every_clause_and_a_toc()
    {
        var doc = await GetJson("/api/documents/miit-2016-225");
        var html = await Page("/documents/miit-2016-225");
        Assert.Contains("工业绿色发展规划", Title(html));
        Assert.Contains("class=\"toc\"", html);
        foreach (var c in doc.GetProperty("clauses").EnumerateArray())
        {
            Assert.Contains($"id=\"{c.GetProperty("eId").GetString()}\"", html);
        }
    }

    [Fact]
    public async Task Document_page_speaks_the_readers_words_for_references_and_non_clause_lines()
    {
        var html = await Page("/documents/sichuan-13fyp");
        // A reference is placed by the clause's locator (序言, 第四章第一节第3段), linked to its anchor; not by its eId.
        Assert.Contains("见 <a href=\"#preamble\">序言</a>", html);
        Assert.DoesNotContain(">preamble</a>", html);
        // Lines of the original that are no clause are named in Chinese.
        Assert.Contains("表头：", html);
        Assert.DoesNotContain("table-header：", html);
    }

    [Fact]
    public async Task Departments_page_names_provinces_not_their_codes()
    {
        var html = await Page("/departments");
        Assert.Contains("地方部门（贵州省）", html);
        Assert.Contains("地方部门（四川省）", html);
        Assert.DoesNotContain("（CN-GZ）", html);
        Assert.DoesNotContain("（*）", html);
    }

    [Fact]
    public async Task Indicator_tables_are_real_tables()
    {
        var doc = await GetJson("/api/documents/miit-2016-225");
        var hasRows = doc.GetProperty("clauses").EnumerateArray().Any(c => c.TryGetProperty("row", out var r) && r.ValueKind == JsonValueKind.Object);
        var html = await Page("/documents/miit-2016-225");
        Assert.Equal(hasRows, html.Contains("<table class=\"indicators\""));
    }

    [Fact]
    public async Task Industry_pages_group_clauses_and_offer_filters_and_csv()
    {
        var index = await Page("/industries");
        Assert.Contains("href=\"/industries/C31\"", index);
        var html = await Page("/industries/C31");
        Assert.Contains("钢铁", Title(html));
        Assert.Contains("国家层面", html);
        Assert.Contains("<label for=\"f-modality\"", html);
        Assert.Contains("<label for=\"f-year\"", html);
        Assert.Contains("href=\"/api/search.csv?industry=C31&amp;sort=order\"", html);
        var filtered = await Page("/industries/C31?modality=prohibit");
        Assert.Contains("（已筛选）", filtered);
        // A name the search filter knows for an industry opens that industry's page, whose links use its code.
        var alias = await Page("/industries/" + Uri.EscapeDataString("有色行业"));
        Assert.Contains("有色金属", Title(alias));
        Assert.Contains("href=\"/api/search.csv?industry=C32&amp;sort=order\"", alias);
    }

    [Fact]
    public async Task An_industry_page_counts_every_clause_and_pages_through_them()
    {
        var total = (await GetJson("/api/search?industry=C31&sort=order&size=1")).GetProperty("total").GetInt32();
        var html = await Page("/industries/C31");
        Assert.Contains($"共 <strong>{total}</strong> 条", html);
        var listed = System.Text.RegularExpressions.Regex.Matches(html, "href=\"/clauses/").Count;
        Assert.InRange(listed, 1, 100);
        Assert.Equal(total > 100, html.Contains("<nav class=\"pager\""));
        if (total > 100)
        {
            var second = await Page("/industries/C31?page=2&size=100");
            Assert.Contains($"第 101–{Math.Min(200, total)} 条", second);
        }
        // The CSV has every clause the page counts, and says how many there are.
        var (status, body, response) = await Get("/api/search.csv?industry=C31&sort=order");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(total, System.Text.RegularExpressions.Regex.Matches(body, "/clauses/").Count);
    }

    [Fact]
    public async Task Department_pages_list_roles()
    {
        var index = await Page("/departments");
        var departments = await GetJson("/api/departments");
        var name = departments.EnumerateArray().OrderByDescending(d => d.GetProperty("clauseCountsByRole").EnumerateObject().Sum(p => p.Value.GetInt32()))
            .First().GetProperty("canonical").GetString()!;
        Assert.Contains(WebUtilityEncode(name), index);
        var html = await Page("/departments/" + Uri.EscapeDataString(name));
        Assert.Contains(name, Title(html));
        Assert.Contains("牵头负责的条款", html);
        Assert.Contains("负责落实的条款", html);
    }

    [Fact]
    public async Task Targets_page_draws_the_timeline_and_the_table()
    {
        var html = await Page("/targets");
        Assert.Contains("<svg", html);
        Assert.Contains("<circle", html);
        Assert.Contains("<table class=\"targets\"", html);
        var html2020 = await Page("/targets?year=2020");
        Assert.Contains("<option value=\"2020\" selected", html2020);
        var (status, _, _) = await Get("/targets?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var byNumber = await Page("/targets?doc=" + Uri.EscapeDataString("黔府办发〔2018〕14号"));
        Assert.Contains("<option value=\"guizhou-2018-14\" selected", byNumber);
        var (unknown, body, _) = await Get("/targets?doc=" + Uri.EscapeDataString("黔府办发〔2099〕1号"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("找不到文件：黔府办发〔2099〕1号", body);
    }

    [Fact]
    public async Task Cite_page_redirects_when_resolved_and_explains_otherwise()
    {
        var q = "黔府办发〔2018〕14号 三（二）";
        var api = await GetJson("/api/cite?q=" + Uri.EscapeDataString(q));
        var (status, body, response) = await Get("/cite?q=" + Uri.EscapeDataString(q));
        if (api.GetProperty("resolved").GetBoolean())
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.EndsWith(api.GetProperty("target").GetProperty("url").GetString()!, response.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("未能确定唯一的条款", body);
        }
        var nonsense = await Page("/cite?q=" + Uri.EscapeDataString("不存在的文件 第九十九条"));
        Assert.Contains("未能确定唯一的条款", nonsense);
        var empty = await Page("/cite");
        Assert.Contains("<label for=\"cite-q\"", empty);
    }

    [Fact]
    public async Task Search_for_a_citation_goes_straight_to_its_clause()
    {
        var q = Uri.EscapeDataString("黔府办发〔2018〕14号 三（二）");
        var api = await GetJson("/api/search?q=" + q);
        var (status, _, response) = await Get("/search?q=" + q);
        if (api.TryGetProperty("citation", out var target) && target.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.EndsWith(target.GetProperty("url").GetString()!, response.Headers.Location?.OriginalString);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var (_, _, response) = await Get("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Static_assets_are_served()
    {
        var css = await Client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        var js = await Client.GetAsync("/js/site.js");
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    // Titles and citations contain characters Razor escapes (《》 are fine, but quotes are not): compare escaped.
    private static string WebUtilityEncode(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
