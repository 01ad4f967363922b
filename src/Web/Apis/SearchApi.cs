using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class SearchApi
{
    /// <summary>The CSV export stops here: enough for any real question on a corpus of plans, bounded work per request.</summary>
    public const int MaxCsvRows = 5000;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");
        api.MapGet("search", Search).WithName("Search")
            .WithDescription("Params q, doc, level, jurisdiction, status, industry, department, role, year, modality, topic, sort (relevance|order), page, size, facets (false: no facet counts, faster); filters repeat.");
        api.MapGet("search.csv", SearchCsvExport).WithName("SearchCsv")
            .WithDescription("The same hits as CSV (UTF-8 with BOM), every page, one row per clause.");
        return api;
    }

    public static Results<Ok<SearchResult>, ProblemHttpResult> Search(HttpRequest request, IPolicyStore store)
    {
        var parsed = SearchParams.Parse(request.Query);
        if (!parsed.Ok)
        {
            return Problems.BadRequest(parsed.ErrorZh!, parsed.ErrorEn!);
        }
        return TypedResults.Ok(store.Search(parsed.Request!));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> SearchCsvExport(HttpRequest request, IPolicyStore store)
    {
        var parsed = SearchParams.Parse(request.Query);
        if (!parsed.Ok)
        {
            return Problems.BadRequest(parsed.ErrorZh!, parsed.ErrorEn!);
        }
        var hits = AllHits(store, parsed.Request!, MaxCsvRows);
        var origin = $"{request.Scheme}://{request.Host}";
        var bytes = SearchCsv.Write(hits, id => $"{origin}/clauses/{id}");
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "greenpolicy.csv");
    }

    /// <summary>Every hit of a request, page by page, up to <paramref name="max"/>.</summary>
    public static List<SearchHit> AllHits(IPolicyStore store, SearchRequest request, int max)
    {
        var hits = new List<SearchHit>();
        for (var page = 1; hits.Count < max && page <= SearchParams.MaxPage; page++)
        {
            var result = store.Search(request with { Page = page, Size = SearchParams.MaxSize, Facets = false });
            hits.AddRange(result.Hits);
            if (result.Hits.Count < SearchParams.MaxSize || hits.Count >= result.Total)
            {
                break;
            }
        }
        return hits.Take(max).ToList();
    }
}
