using System.Globalization;
using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class TaxonomyApi
{
    public static RouteGroupBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Taxonomies");
        // The list stays small however many documents there are; the counts per document are asked for one industry at a time.
        api.MapGet("industries", (IPolicyStore store) => TypedResults.Ok(store.Industries().Select(IndustryItem.From).ToList())).WithName("ListIndustries");
        api.MapGet("industries/{code}", Industry).WithName("GetIndustry")
            .WithDescription("One industry (by GB/T 4754 code, name or alias) with its clause count in each document; 404 when unknown.");
        api.MapGet("departments", (IPolicyStore store) => TypedResults.Ok(store.Departments())).WithName("ListDepartments");
        api.MapGet("targets", Targets).WithName("ListTargets")
            .WithDescription("Quantitative targets in reading order, filtered by target year, industry (code or name) and document " +
                             $"(id, title or 文号), a page at a time (page, size ≤ {MaxTargetPageSize}, default {DefaultTargetPageSize}) with the total; " +
                             "400 for a malformed parameter or a document that is not in the corpus.");
        return api;
    }

    public static Results<Ok<IndustryDetail>, ProblemHttpResult> Industry(string code, IPolicyStore store)
    {
        var c = SearchParams.Clean(code);
        return store.Industry(c) is { } industry
            ? TypedResults.Ok(IndustryDetail.From(industry))
            : Problems.NotFound($"没有代码或名称为 {c} 的产业", $"No industry with code or name {c}");
    }

    public const int DefaultTargetPageSize = 100;
    public const int MaxTargetPageSize = 1000;

    public static Results<Ok<TargetsPage>, ProblemHttpResult> Targets(string? year, string? industry, string? doc, string? page, string? size, IPolicyStore store)
    {
        var parsed = ParseTargetFilter(store, year, industry, doc);
        if (parsed.Filter is not { } filter)
        {
            return Problems.BadRequest(parsed.ErrorZh!, parsed.ErrorEn!);
        }
        var (p, n, errorZh, error) = SearchParams.Paging(page, size, DefaultTargetPageSize, MaxTargetPageSize, maxPage: 1_000_000);
        if (error is not null)
        {
            return Problems.BadRequest(errorZh!, error);
        }
        var table = store.Targets(filter, (p - 1) * n, n);
        return TypedResults.Ok(new TargetsPage(table.Total, p, n, table.Rows));
    }

    /// <summary>
    /// The filter of a targets request. The document may be named by its id, its title or 文号 (黔府办发〔2018〕14号), and
    /// is resolved to its id here: a document that is not in the corpus is an error, not an empty table.
    /// </summary>
    public static (TargetFilter? Filter, string? ErrorZh, string? ErrorEn) ParseTargetFilter(IPolicyStore store, string? year, string? industry, string? doc)
    {
        int? y = null;
        var ys = SearchParams.Clean(year);
        if (ys.Length > 0)
        {
            if (!int.TryParse(ys, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v is < 1900 or > 2200)
            {
                return (null, $"年份无效：{ys}", $"Invalid year: {ys}");
            }
            y = v;
        }
        var ind = SearchParams.Clean(industry);
        var d = SearchParams.Clean(doc);
        if (ind.Length > SearchParams.MaxValueLength || d.Length > SearchParams.MaxValueLength)
        {
            return (null, "参数过长", "Parameter too long");
        }
        string? docId = null;
        if (d.Length > 0 && (docId = store.DocumentId(d)) is null)
        {
            return (null, $"找不到文件：{d}（可填文件编号、标题或文号）", $"No such document: {d} (give its id, title or 文号)");
        }
        return (new TargetFilter(y, ind.Length == 0 ? null : ind, docId), null, null);
    }
}
