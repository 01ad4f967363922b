using Bunit;
using GreenPolicy.Domain;
using GreenPolicy.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GreenPolicy.Web.Tests.Components;

/// <summary>The targets page over a corpus far larger than the seeds: the rows and lanes it draws stay bounded.</summary>
public sealed class TargetsPageTests : BunitContext
{
    [Fact]
    public void A_corpus_with_thousands_of_targets_lists_a_bounded_table_and_says_so()
    {
        Services.AddSingleton<IPolicyStore>(new ManyTargets(documents: 60, targetsPerDocument: 50));
        var cut = Render<GreenPolicy.Web.Components.Pages.Targets>();
        Assert.Contains("共 <strong>3000</strong> 项量化目标，列出前 500 项", cut.Markup);
        Assert.Equal(500, cut.FindAll("table.targets tbody tr").Count);
        Assert.Equal(2025, int.Parse(cut.Find("#t-year option:last-child").GetAttribute("value")!));
        Assert.Equal(61, cut.FindAll("#t-doc option").Count);
    }

    [Fact]
    public void Thousands_of_documents_are_chosen_by_id_not_listed_as_options()
    {
        Services.AddSingleton<IPolicyStore>(new ManyTargets(documents: 10_000, targetsPerDocument: 1));
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        request.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?doc=p42");
        var cut = Render<GreenPolicy.Web.Components.Pages.Targets>(p => p.AddCascadingValue(request as Microsoft.AspNetCore.Http.HttpContext));
        Assert.Empty(cut.FindAll("#t-doc option"));
        Assert.Equal("p42", cut.Find("input#t-doc").GetAttribute("value"));
        Assert.True(cut.Markup.Length < 200_000, $"page of {cut.Markup.Length} characters");
        Assert.All(cut.FindAll("table.targets tbody td a"), a => Assert.StartsWith("/clauses/p42/", a.GetAttribute("href")));
    }

    // Titles and 文号 go through the citation resolver: ApiTests and PageTests check them on the real corpus.
    [Theory]
    [InlineData("p42", true)]
    [InlineData("第42号", false)]
    [InlineData("p42/item_0", false)]
    public void A_document_is_named_by_id_and_an_unknown_one_is_said_to_be_unknown(string name, bool known)
    {
        Services.AddSingleton<IPolicyStore>(new ManyTargets(documents: 10_000, targetsPerDocument: 1));
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        request.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString("?doc=" + Uri.EscapeDataString(name));
        var cut = Render<GreenPolicy.Web.Components.Pages.Targets>(p => p.AddCascadingValue(request as Microsoft.AspNetCore.Http.HttpContext));
        Assert.Equal(name, cut.Find("input#t-doc").GetAttribute("value"));
        if (known)
        {
            Assert.Contains("共 <strong>1</strong> 项量化目标", cut.Markup);
            Assert.Equal("/clauses/p42/item_0", cut.Find("table.targets tbody td a").GetAttribute("href"));
        }
        else
        {
            Assert.Contains($"找不到文件：{name}", cut.Find("[role=alert]").TextContent);
            Assert.Equal(400, request.Response.StatusCode);
            Assert.Empty(cut.FindAll("table.targets"));
        }
    }

    /// <summary>A store of <c>documents</c> provincial plans with <c>targetsPerDocument</c> targets each (2021–2025).</summary>
    private sealed class ManyTargets(int documents, int targetsPerDocument) : IPolicyStore
    {
        private static DocumentMeta Meta(int d) => new()
        {
            Id = $"p{d}", Title = $"第{d}号规划", Level = Levels.Provincial, Jurisdiction = "CN-SC", Period = [2021, 2025],
        };

        public string Generation => "test";

        public IReadOnlyList<DocumentSummary> Documents() =>
            [.. Enumerable.Range(0, documents).Select(d => new DocumentSummary { Meta = Meta(d), ClauseCount = targetsPerDocument, Status = "现行" })];

        public TargetTable Targets(TargetFilter filter, int offset = 0, int limit = int.MaxValue)
        {
            var all = Enumerable.Range(0, documents).SelectMany(d => Enumerable.Range(0, targetsPerDocument).Select(k => new TargetRow(
                    $"p{d}/item_{k}", $"p{d}", $"《第{d}号规划》（{k}）",
                    new QuantTarget { Metric = "单位工业增加值能耗", Value = k, Unit = "%", Direction = "decrease", TargetYear = 2021 + k % 5, Rule = "test" })))
                .Where(r => (filter.Year is null || r.Target.TargetYear == filter.Year) && (filter.Doc is null || r.DocId == filter.Doc))
                .ToList();
            return new TargetTable
            {
                Total = all.Count,
                Rows = [.. all.Skip(offset).Take(limit)],
                Documents = [.. all.GroupBy(r => r.DocId).Select(g => new DocumentTargets(g.Key, g.Count(),
                    g.GroupBy(r => r.Target.TargetYear!.Value).ToDictionary(y => y.Key, y => y.Count())))],
            };
        }

        public IReadOnlyList<int> TargetYears() => [2021, 2022, 2023, 2024, 2025];

        public IReadOnlyList<IndustrySummary> Industries() => [];

        public IndustrySummary? Industry(string name) => null;

        public IReadOnlyList<DepartmentSummary> Departments() => [];

        public DocumentView? Document(string id) => null;

        public Clause? Clause(string id) => null;

        public SearchResult Search(SearchRequest request) => throw new NotSupportedException();

        public CiteResult Cite(string input) => throw new NotSupportedException();

        public string? DocumentId(string name) => int.TryParse(name.AsSpan(1), out var d) && name[0] == 'p' && d < documents ? name : null;
    }
}
