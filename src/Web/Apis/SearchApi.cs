using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class SearchApi
{
    /// <summary>The CSV export stops where paging does (the search's depth limit); the X-Total-Count header says how many matched.</summary>
    public const int MaxCsvRows = SearchLimits.MaxDepth;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");
        api.MapGet("search", Search).WithName("Search")
            .WithDescription("Params q, doc, level, jurisdiction, status, industry, department, role, year, modality, topic, sort (relevance|order), page, size, facets (false: no facet counts, faster); filters repeat.");
        api.MapGet("search.csv", SearchCsvExport).WithName("SearchCsv")
            .WithDescription($"The hits that match in full (no partial matches) as CSV (UTF-8 with BOM), one row per clause, at most {MaxCsvRows}; X-Total-Count says how many matched.");
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
        var (hits, total) = AllHits(store, parsed.Request!, MaxCsvRows);
        request.HttpContext.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var origin = $"{request.Scheme}://{request.Host}";
        var bytes = SearchCsv.Write(hits, id => $"{origin}/clauses/{id}");
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "greenpolicy.csv");
    }

    /// <summary>
    /// The hits of a request that match it in full, page by page, up to <paramref name="max"/> (and the search's depth
    /// limit), and how many matched.
    /// </summary>
    public static (List<SearchHit> Hits, int Total) AllHits(IPolicyStore store, SearchRequest request, int max)
    {
        var hits = new List<SearchHit>();
        var total = 0;
        for (var page = 1; hits.Count < max; page++)
        {
            var result = store.Search(request with { Page = page, Size = SearchLimits.MaxPageSize, Facets = false, PartialMatches = false });
            total = result.Total;
            hits.AddRange(result.Hits);
            if (result.Hits.Count < SearchLimits.MaxPageSize || hits.Count >= result.Total)
            {
                break;
            }
        }
        return (hits.Take(max).ToList(), total);
    }
}
