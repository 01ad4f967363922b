using System.Net;
using System.Text;
using System.Text.Json;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Api;

public sealed class ApiTests(CorpusIndex index) : SiteTestBase(index)
{
    private static readonly string[] CorpusIds = ["miit-2016-225", "miit-2017-178", "miit-2018-136", "guizhou-2018-14", "sichuan-13fyp"];

    [Fact]
    public async Task Documents_lists_every_corpus_document_with_its_metadata()
    {
        var docs = await GetJson("/api/documents");
        var ids = docs.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(CorpusIds.Order(), ids.Order());
        foreach (var d in docs.EnumerateArray())
        {
            foreach (var field in new[] { "title", "shortTitles", "docNumber", "issuers", "date", "level", "jurisdiction", "type", "period", "clauseCount", "status" })
            {
                Assert.True(d.TryGetProperty(field, out _), $"{d.GetProperty("id")} lacks {field}");
            }
            Assert.True(d.GetProperty("clauseCount").GetInt32() > 10);
        }
    }

    [Fact]
    public async Task Json_writes_Chinese_as_characters_not_escapes()
    {
        var (_, body, _) = await Get("/api/documents");
        Assert.Contains("工业绿色发展规划", body);
        Assert.DoesNotContain("\\u5DE5", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("miit-2016-225")]
    [InlineData("guizhou-2018-14")]
    public async Task Document_has_every_clause_in_reading_order(string id)
    {
        var doc = await GetJson($"/api/documents/{id}");
        var clauses = doc.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(doc.GetProperty("clauseCount").GetInt32(), clauses.Count);
        var orders = clauses.Select(c => c.GetProperty("order").GetInt32()).ToList();
        Assert.Equal(orders.Order(), orders);
        foreach (var c in clauses.Take(5))
        {
            Assert.StartsWith(id + "/", c.GetProperty("id").GetString());
            Assert.Equal(id, c.GetProperty("docId").GetString());
            foreach (var f in new[] { "eId", "kind", "path", "locator", "citation", "text", "departments", "industries", "links" })
            {
                Assert.True(c.TryGetProperty(f, out _), $"clause lacks {f}");
            }
        }
        Assert.True(doc.GetProperty("units").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/documents/no-such-doc", HttpStatusCode.NotFound)]
    [InlineData("/api/documents/ABC", HttpStatusCode.BadRequest)]
    [InlineData("/api/clauses/miit-2016-225/part_99__item_99", HttpStatusCode.NotFound)]
    [InlineData("/api/clauses/no-such-doc/part_1", HttpStatusCode.NotFound)]
    [InlineData("/api/clauses/nodoc", HttpStatusCode.BadRequest)]
    [InlineData("/api/clauses/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.BadRequest)]
    [InlineData("/api/clauses/a/b/c/links", HttpStatusCode.BadRequest)]
    [InlineData("/api/no-such-endpoint", HttpStatusCode.NotFound)]
    public async Task Bad_ids_and_paths_get_a_problem_never_a_file(string url, HttpStatusCode status) =>
        await AssertProblem(url, status);

    // Dot segments may be normalised away by the client or the server before routing: either way a problem, never a file.
    [Theory]
    [InlineData("/api/documents/%2e%2e")]
    [InlineData("/api/clauses/miit-2016-225/%2e%2e%2f%2e%2e%2fcorpus")]
    public async Task Traversal_attempts_are_problems(string url) =>
        await AssertProblem(url, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

    [Fact]
    public async Task Over_long_ids_are_refused()
    {
        await AssertProblem("/api/documents/" + new string('a', 500), HttpStatusCode.BadRequest);
        await AssertProblem("/api/clauses/miit-2016-225/" + new string('a', 500), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Clause_and_its_links_by_id_with_a_slash()
    {
        var doc = await GetJson("/api/documents/guizhou-2018-14");
        var first = doc.GetProperty("clauses")[3];
        var id = first.GetProperty("id").GetString()!;
        var clause = await GetJson($"/api/clauses/{id}");
        Assert.Equal(id, clause.GetProperty("id").GetString());
        Assert.Equal(first.GetProperty("text").GetString(), clause.GetProperty("text").GetString());
        var links = await GetJson($"/api/clauses/{id}/links");
        Assert.Equal(id, links.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, links.GetProperty("links").ValueKind);
    }

    [Fact]
    public async Task A_near_verbatim_link_comes_with_the_diff_computed_when_asked()
    {
        // The index stores near-verbatim links without their diff; the API computes it from both texts.
        var (holder, link) = Index.Manager.Documents()
            .SelectMany(d => Index.Manager.Document(d.Meta.Id)!.Clauses)
            .SelectMany(c => c.Links.Where(l => l.Relation == Relations.NearVerbatim && l.Evidence?.Note is null).Select(l => (c, l)))
            .First();
        Assert.Empty(link.Evidence!.Diff);
        var other = Index.Manager.Clause(link.Id)!;
        var links = await GetJson($"/api/clauses/{holder.Id}/links");
        var shown = links.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("id").GetString() == link.Id);
        var diff = shown.GetProperty("evidence").GetProperty("diff").EnumerateArray()
            .Select(op => (Op: op.GetProperty("op").GetString(), Text: op.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(holder.Text, string.Concat(diff.Where(o => o.Op != CharDiff.Delete).Select(o => o.Text)));
        Assert.Equal(other.Text, string.Concat(diff.Where(o => o.Op != CharDiff.Insert).Select(o => o.Text)));
        Assert.StartsWith("字符对齐", shown.GetProperty("evidence").GetProperty("note").GetString());
    }

    [Fact]
    public async Task Search_finds_electrolytic_aluminium_with_marked_snippets_and_facets()
    {
        var result = await GetJson("/api/search?q=" + Uri.EscapeDataString("电解铝"));
        Assert.True(result.GetProperty("total").GetInt32() > 0);
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains("电解铝", hits[0].GetProperty("text").GetString());
        Assert.Contains("<mark>", hits[0].GetProperty("snippet").GetString());
        foreach (var key in new[] { "doc", "level", "industry", "year", "modality" })
        {
            Assert.True(result.GetProperty("facets").TryGetProperty(key, out _), $"no facet {key}");
        }
        foreach (var field in new[] { "query", "tookMs", "notes" })
        {
            Assert.True(result.TryGetProperty(field, out _), $"no {field}");
        }
    }

    [Fact]
    public async Task Search_filters_repeat_and_narrow()
    {
        var all = await GetJson("/api/search?q=" + Uri.EscapeDataString("绿色"));
        var narrowed = await GetJson("/api/search?q=" + Uri.EscapeDataString("绿色") + "&doc=guizhou-2018-14&doc=sichuan-13fyp");
        Assert.True(narrowed.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(narrowed.GetProperty("hits").EnumerateArray(),
            h => Assert.Contains(h.GetProperty("docId").GetString(), new[] { "guizhou-2018-14", "sichuan-13fyp" }));
        // A document filter may name the document by its 文号 or title, as the targets filter does.
        var byId = await GetJson("/api/search?q=" + Uri.EscapeDataString("绿色") + "&doc=guizhou-2018-14");
        var byNumber = await GetJson("/api/search?q=" + Uri.EscapeDataString("绿色") + "&doc=" + Uri.EscapeDataString("黔府办发〔2018〕14号"));
        Assert.True(byId.GetProperty("total").GetInt32() > 0);
        Assert.Equal(byId.GetProperty("total").GetInt32(), byNumber.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Facets_false_answers_the_same_hits_without_counting_facets()
    {
        var q = "/api/search?q=" + Uri.EscapeDataString("钢铁") + "&industry=C31";
        var full = await GetJson(q);
        var bare = await GetJson(q + "&facets=false");
        Assert.True(full.GetProperty("facets").EnumerateObject().Any());
        Assert.False(bare.GetProperty("facets").EnumerateObject().Any());
        Assert.Equal(full.GetProperty("total").GetInt32(), bare.GetProperty("total").GetInt32());
        Assert.Equal(full.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            bare.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        await GetJson(q + "&facets=maybe", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Huge_page_and_size_are_clamped()
    {
        var result = await GetJson("/api/search?q=" + Uri.EscapeDataString("工业") + "&size=100000&page=99999999999999");
        Assert.True(result.GetProperty("hits").GetArrayLength() <= 100);
        var big = await GetJson("/api/search?q=" + Uri.EscapeDataString("工业") + "&size=100000");
        Assert.InRange(big.GetProperty("hits").GetArrayLength(), 1, 100);
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("text:x")]
    [InlineData("a AND (")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("钢铁~ 铝^3")]
    [InlineData("电*")]
    [InlineData("\u0000\u0001钢铁")]
    [InlineData("😀 钢铁 стал")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("-")]
    public async Task Hostile_queries_get_a_sane_answer(string q)
    {
        var (status, body, _) = await Get("/api/search?q=" + Uri.EscapeDataString(q));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q}: {status} {body}");
        Assert.DoesNotContain("<script>", body);
    }

    [Theory]
    [InlineData("/api/search?q=%E4%B8")]          // truncated UTF-8 (电 is E7 94 B5)
    [InlineData("/api/search?q=%C3%28")]          // invalid UTF-8
    [InlineData("/api/search?q=abc&page=abc")]
    [InlineData("/api/search?q=abc&year=20x0")]
    [InlineData("/api/search?q=abc&role=boss")]
    [InlineData("/api/search.csv?q=%E4%B8")]
    [InlineData("/api/cite?q=")]
    [InlineData("/api/cite")]
    [InlineData("/api/targets?year=abc")]
    [InlineData("/api/targets?doc=no-such-document")]
    [InlineData("/api/targets?doc=%E9%BB%94%E5%BA%9C%E5%8A%9E%E5%8F%91%E3%80%942099%E3%80%951%E5%8F%B7")]
    public async Task Malformed_parameters_are_400_problems(string url) =>
        await AssertProblem(url, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Over_long_queries_are_400_problems()
    {
        await AssertProblem("/api/search?q=" + new string('钢', 501), HttpStatusCode.BadRequest);
        await AssertProblem("/api/search?q=" + new string('x', 10_000), HttpStatusCode.BadRequest);
        await AssertProblem("/api/cite?q=" + new string('x', 10_000), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_filter_value_no_clause_carries_answers_empty_and_says_so()
    {
        var result = await GetJson("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&industry=ZZZ999");
        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Contains(result.GetProperty("notes").EnumerateArray(), n => n.GetString() == "没有行业为“ZZZ999”的条款");
        // Beside a value that matches, the unknown one is still named, and the known one's clauses are listed.
        var mixed = await GetJson("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&industry=C31&department=" + Uri.EscapeDataString("不存在局"));
        Assert.Contains(mixed.GetProperty("notes").EnumerateArray(), n => n.GetString() == "没有部门为“不存在局”的条款");
        var known = await GetJson("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&industry=C31");
        Assert.True(known.GetProperty("total").GetInt32() > 0);
        Assert.DoesNotContain(known.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("没有", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("level=galactic", "level")]
    [InlineData("status=abc", "status")]
    [InlineData("modality=xyz", "modality")]
    [InlineData("sort=xyz", "sort")]
    public async Task A_closed_filter_or_sort_outside_its_values_is_a_400_that_names_them(string parameter, string key)
    {
        var (status, body, _) = await Get("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&" + parameter);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(key, body);
        Assert.Contains(parameter.Split('=')[1], body);
    }

    [Theory]
    [InlineData("level=national")]
    [InlineData("level=%E7%9C%81%E7%BA%A7")]          // 省级
    [InlineData("status=%E7%8E%B0%E8%A1%8C")]         // 现行
    [InlineData("status=expired")]
    [InlineData("modality=%E7%A6%81%E6%AD%A2")]       // 禁止
    [InlineData("sort=order")]
    [InlineData("sort=relevance")]
    public async Task Closed_filters_take_their_values_and_labels(string parameter)
    {
        var (status, body, _) = await Get("/api/search?q=" + Uri.EscapeDataString("钢铁") + "&" + parameter);
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [Fact]
    public async Task Csv_lists_the_full_matches_alone()
    {
        // 磷石膏: a few clauses name it, and a page of the search fills up with partial matches after them.
        var q = Uri.EscapeDataString("磷石膏");
        var full = (await GetJson($"/api/search?q={q}&size=1")).GetProperty("total").GetInt32();
        var page = await GetJson($"/api/search?q={q}");
        Assert.True(page.GetProperty("total").GetInt32() > full, "the page should hold partial matches");
        var response = await Client.GetAsync($"/api/search.csv?q={q}");
        Assert.Equal(full.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]);
        Assert.Equal(full, CountCsvRows(text) - 1);
        Assert.True(text.Split('\n').Skip(1).Where(l => l.Length > 0).All(l => l.Contains("磷石膏", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Csv_has_a_bom_a_header_and_one_row_per_hit()
    {
        var q = Uri.EscapeDataString("电解铝");
        var json = await GetJson($"/api/search?q={q}&size=1");   // a page of one: the full matches' total
        var response = await Client.GetAsync($"/api/search.csv?q={q}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("引用,条文,产业,部门（角色）,目标年份,约束类型,链接", text);
        var rows = CountCsvRows(text) - 1;
        Assert.Equal(Math.Min(json.GetProperty("total").GetInt32(), 5000), rows);
        Assert.Contains("/clauses/", text);
    }

    [Fact]
    public async Task Cite_answers_200_resolved_or_not()
    {
        var result = await GetJson("/api/cite?q=" + Uri.EscapeDataString("黔府办发〔2018〕14号 三（二）"));
        Assert.True(result.TryGetProperty("resolved", out _));
        var nonsense = await GetJson("/api/cite?q=" + Uri.EscapeDataString("不存在的文件 第九十九条"));
        Assert.False(nonsense.GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task Taxonomy_endpoints_list_industries_departments_and_targets()
    {
        var industries = await GetJson("/api/industries");
        var c31 = industries.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "C31");
        Assert.False(c31.TryGetProperty("clauseCountsByDoc", out _), "the list carries totals, not every document's count");
        var detail = await GetJson("/api/industries/C31");
        var byDoc = detail.GetProperty("clauseCountsByDoc").EnumerateObject().ToList();
        Assert.Equal(c31.GetProperty("clauseCount").GetInt32(), byDoc.Sum(d => d.Value.GetInt32()));
        Assert.Equal(c31.GetProperty("documentCount").GetInt32(), byDoc.Count(d => d.Value.GetInt32() > 0));
        Assert.True(c31.GetProperty("clauseCount").GetInt32() > 5);
        Assert.Equal(detail.GetRawText(), (await GetJson("/api/industries/" + Uri.EscapeDataString("钢铁"))).GetRawText());
        await GetJson("/api/industries/C99999", HttpStatusCode.NotFound);
        // An alias the search filter knows names the same industry (有色行业 is C32's).
        Assert.Equal((await GetJson("/api/industries/C32")).GetRawText(), (await GetJson("/api/industries/" + Uri.EscapeDataString("有色行业"))).GetRawText());
        var departments = await GetJson("/api/departments");
        Assert.True(departments.GetArrayLength() > 3);
        var targets = await GetJson("/api/targets");
        var total = targets.GetProperty("total").GetInt32();
        Assert.True(total > 0);
        Assert.Equal(Math.Min(total, 100), targets.GetProperty("rows").GetArrayLength());
        var in2020 = await GetJson("/api/targets?year=2020");
        Assert.All(in2020.GetProperty("rows").EnumerateArray(), t => Assert.Equal(2020, t.GetProperty("target").GetProperty("targetYear").GetInt32()));
        var ofDoc = await GetJson("/api/targets?doc=guizhou-2018-14");
        Assert.True(ofDoc.GetProperty("total").GetInt32() > 0);
        Assert.All(ofDoc.GetProperty("rows").EnumerateArray(), t => Assert.Equal("guizhou-2018-14", t.GetProperty("docId").GetString()));
        // The same document named by its 文号 (as typed, with [] for 〔〕), its title or a short title.
        foreach (var name in new[] { "黔府办发[2018]14号", "贵州省绿色制造三年行动计划（2018—2020年）", "贵州绿色制造三年行动计划" })
        {
            var named = await GetJson("/api/targets?doc=" + Uri.EscapeDataString(name));
            Assert.Equal(ofDoc.GetProperty("total").GetInt32(), named.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task Targets_come_a_page_at_a_time()
    {
        var all = await GetJson("/api/targets?size=1000");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total > 10 && total <= 1000, $"{total} targets in the seed corpus");
        var rows = all.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("clauseId").GetString() + r.GetProperty("target").GetRawText()).ToList();
        Assert.Equal(total, rows.Count);
        var second = await GetJson("/api/targets?size=5&page=2");
        Assert.Equal((total, 2, 5), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("size").GetInt32()));
        Assert.Equal(rows.Skip(5).Take(5), second.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("clauseId").GetString() + r.GetProperty("target").GetRawText()));
        Assert.Equal(0, (await GetJson($"/api/targets?size=10&page={total}")).GetProperty("rows").GetArrayLength());
        // A size past the maximum is clamped, not refused; a size that is no number is.
        Assert.Equal(1000, (await GetJson("/api/targets?size=100000")).GetProperty("size").GetInt32());
        await GetJson("/api/targets?size=-1", HttpStatusCode.BadRequest);
        await GetJson("/api/targets?page=x", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_and_openapi()
    {
        var health = await GetJson("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var openapi = await GetJson("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var p in new[] { "/api/documents", "/api/search", "/api/search.csv", "/api/cite", "/api/industries", "/api/targets" })
        {
            Assert.True(paths.TryGetProperty(p, out _), $"openapi lacks {p}");
        }
    }

    [Fact]
    public async Task Security_headers_and_closed_cors()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        request.Headers.Add("Origin", "https://evil.example");
        var response = await Client.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Wrong_method_is_a_problem_not_a_page()
    {
        var response = await Client.PostAsync("/api/search?q=x", new StringContent(""));
        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static int CountCsvRows(string text)
    {
        var rows = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && text[i] == '\n')
            {
                rows++;
            }
        }
        return rows;
    }
}
