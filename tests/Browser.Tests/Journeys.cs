using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GreenPolicy.Browser.Tests;

// What a person does and sees, in a real browser. Each journey fails on any console error (a CSP
// violation shows up there too) and leaves screenshots under TestResults/screenshots.
[Collection(SiteCollection.Name)]
public sealed class Journeys(SiteServer site)
{
    private async Task<(IPage Page, List<string> Errors, IBrowserContext Context)> Open(int width = 1280, int height = 900)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, msg) => { if (msg.Type == "error") { errors.Add(msg.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        return (page, errors, context);
    }

    private Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, name + ".png"), FullPage = true });

    [BrowserFact]
    public async Task Search_then_filter_by_facet_then_open_a_clause_then_its_document_at_the_anchor()
    {
        var (page, errors, context) = await Open();
        await page.GotoAsync(site.BaseUrl + "/");
        await page.GetByLabel("检索条款（关键词、问题或引文）").FillAsync("电解铝");
        await page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/search\\?q="));
        await Assertions.Expect(page.Locator("ol.hits > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.hits mark").First).ToContainTextAsync("铝");
        await Shot(page, "journey-1-search");

        // Filter by the first document facet: the URL gains doc=…, the chip appears, every hit is from that document.
        var facet = page.Locator("nav.facets section.facet").Filter(new() { HasText = "文件" }).Locator("a.facet-link").First;
        await facet.ClickAsync();
        await page.WaitForURLAsync(new Regex("doc="));
        await Assertions.Expect(page.Locator("a.filter-chip")).ToHaveCountAsync(1);
        var docId = Regex.Match(page.Url, "doc=([a-z0-9-]+)").Groups[1].Value;
        var hrefs = await page.Locator("ol.hits h2 a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, h => Assert.StartsWith($"/clauses/{docId}/", h));
        await Shot(page, "journey-2-filtered");

        // Open the first clause: its heading, citation and copy button are there.
        await page.Locator("ol.hits h2 a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/clauses/"));
        var eId = page.Url.Split('/').Last();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("output.citation-text")).ToContainTextAsync("《");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "复制引用" })).ToBeVisibleAsync();
        await Shot(page, "journey-3-clause");

        // Open its document at the clause's anchor: the clause is on screen and highlighted (:target).
        await page.Locator("p.doc-line a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/documents/{docId}#{eId}$"));
        var anchor = page.Locator($"[id='{eId}']");
        await Assertions.Expect(anchor).ToBeInViewportAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, "journey-4-document-anchor.png") });
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task Cite_lookup_goes_to_the_clause_or_explains()
    {
        var (page, errors, context) = await Open();
        const string citation = "黔府办发〔2018〕14号 三（二）";
        var api = await page.APIRequest.GetAsync(site.BaseUrl + "/api/cite?q=" + Uri.EscapeDataString(citation));
        var resolved = (await api.JsonAsync())!.Value.GetProperty("resolved").GetBoolean();

        await page.GotoAsync(site.BaseUrl + "/cite");
        await page.GetByLabel("引文").FillAsync(citation);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        // Both outcomes wait for themselves (the clause page's URL, the explanation's heading): a separate wait for
        // DOMContentLoaded raced the redirect and once timed out in CI with both load events already fired.
        if (resolved)
        {
            await page.WaitForURLAsync(new Regex("/clauses/guizhou-2018-14/"));
            await Assertions.Expect(page.Locator("output.citation-text")).ToContainTextAsync("黔府办发〔2018〕14号");
        }
        else
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "未能确定唯一的条款" })).ToBeVisibleAsync();
        }
        await Shot(page, "journey-cite");
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    [BrowserFact]
    public async Task Industry_page_csv_download_has_every_listed_clause()
    {
        var (page, errors, context) = await Open();
        await page.GotoAsync(site.BaseUrl + "/industries/C31");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("钢铁");
        var shown = int.Parse(await page.Locator("p.summary strong").InnerTextAsync());
        Assert.True(shown > 0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("form.filters a.csv").ClickAsync());
        var path = Path.Combine(site.ScreenshotDir, "industry-C31.csv");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("引用,条文", text);
        Assert.Equal(shown, Regex.Matches(text, "/clauses/").Count);
        await Shot(page, "journey-industry");
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "home", "/" },
        { "search", "/search?q=" + Uri.EscapeDataString("电解铝") },
        { "search-filtered", "/search?q=" + Uri.EscapeDataString("绿色园区") + "&level=provincial" },
        { "search-empty", "/search?q=" + Uri.EscapeDataString("电解铝") + "&year=2099" },
        { "clause", "/clauses/guizhou-2018-14/part_3__item_2" },
        { "document", "/documents/miit-2016-225" },
        { "document-sichuan", "/documents/sichuan-13fyp" },
        { "industries", "/industries" },
        { "industry", "/industries/C31" },
        { "departments", "/departments" },
        { "targets", "/targets" },
        { "cite", "/cite?q=" + Uri.EscapeDataString("不存在的文件 第九十九条") },
        { "compare", "/compare?left=sichuan-13fyp&right=guizhou-2018-14" },
        { "not-found", "/no/such/page" },
    };

    [BrowserFact]
    public async Task Every_page_at_desktop_and_phone_width_without_errors_or_sideways_scrolling()
    {
        var pages = Pages.Select(r => ((string)r[0], (string)r[1])).ToList();
        // The busiest department, whatever the taxonomy calls it.
        var (probe, _, probeContext) = await Open();
        var departments = (await (await probe.APIRequest.GetAsync(site.BaseUrl + "/api/departments")).JsonAsync())!.Value;
        var busiest = departments.EnumerateArray()
            .OrderByDescending(d => d.GetProperty("clauseCountsByRole").EnumerateObject().Sum(p => p.Value.GetInt32()))
            .First().GetProperty("canonical").GetString()!;
        pages.Add(("department", "/departments/" + Uri.EscapeDataString(busiest)));
        await probeContext.CloseAsync();

        var problems = new List<string>();
        foreach (var (width, label) in new[] { (1280, "desktop"), (390, "phone") })
        {
            var (page, errors, context) = await Open(width, width == 390 ? 844 : 900);
            foreach (var (name, url) in pages)
            {
                errors.Clear();
                var response = await page.GotoAsync(site.BaseUrl + url);
                var expected = name == "not-found" ? 404 : 200;
                if (response?.Status != expected)
                {
                    problems.Add($"{label} {url}: status {response?.Status}, expected {expected}");
                }
                await Shot(page, $"{label}-{name}");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotDir, $"{label}-{name}-top.png") });
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 1)
                {
                    // Name the culprits: elements sticking out past the right edge (outermost first).
                    var culprits = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                        .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })
                        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : ''))");
                    problems.Add($"{label} {url}: page is {overflow}px wider than the screen ({string.Join(", ", culprits)})");
                }
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
                // The 404 page's own status is reported by Chromium as a failed resource: expected there, nowhere else.
                problems.AddRange(errors.Where(e => !(name == "not-found" && e.Contains("404"))).Select(e => $"{label} {url}: console: {e}"));
            }
            await context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
