using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class CiteApi
{
    public static RouteGroupBuilder MapCiteApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Citations");
        api.MapGet("cite", Cite).WithName("Cite")
            .WithDescription("Resolves a citation such as 黔府办发〔2018〕14号 三（二）: 200 with resolved true or false, 400 when empty.");
        return api;
    }

    public static Results<Ok<CiteResult>, ProblemHttpResult> Cite(string? q, IPolicyStore store)
    {
        var input = SearchParams.Clean(q);
        if (input.Length == 0)
        {
            return Problems.BadRequest("请提供要查询的引文，如 ?q=黔府办发〔2018〕14号 三（二）",
                "Give a citation to resolve, e.g. ?q=黔府办发〔2018〕14号 三（二）");
        }
        if (input.Length > SearchParams.MaxQueryLength)
        {
            return Problems.BadRequest($"引文过长（最多 {SearchParams.MaxQueryLength} 个字符）",
                $"Citation too long (at most {SearchParams.MaxQueryLength} characters)");
        }
        return TypedResults.Ok(store.Cite(input));
    }
}
