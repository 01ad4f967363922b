using GreenPolicy.Domain;
using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class ClausesApi
{
    private const string LinksSuffix = "/links";

    public static RouteGroupBuilder MapClausesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/clauses").WithTags("Clauses");
        // A clause id holds a slash (guizhou-2018-14/part_3__item_2), so the route is a catch-all and
        // ".../links" is told apart here: a valid id has exactly one slash, so "doc/eId/links" cannot be an id.
        api.MapGet("{**id}", GetClauseOrLinks).WithName("GetClause")
            .WithDescription("GET /api/clauses/{docId}/{eId} → the clause; GET /api/clauses/{docId}/{eId}/links → its cross-links.");
        return api;
    }

    public static Results<Ok<Clause>, Ok<ClauseLinksResponse>, ProblemHttpResult> GetClauseOrLinks(string? id, IPolicyStore store)
    {
        var wantLinks = id is not null && id.EndsWith(LinksSuffix, StringComparison.Ordinal);
        var clauseId = wantLinks ? id![..^LinksSuffix.Length] : id;
        if (!Ids.IsClauseId(clauseId))
        {
            return Problems.BadRequest(
                "条款编号格式无效：应为「文件编号/条款路径」，如 guizhou-2018-14/part_3__item_2",
                "Malformed clause id: expected <doc-id>/<eId>, e.g. guizhou-2018-14/part_3__item_2");
        }
        var clause = store.Clause(clauseId!);
        if (clause is null)
        {
            return Problems.NotFound($"没有编号为 {clauseId} 的条款", $"No clause with id {clauseId}");
        }
        clause = store.WithLinkEvidence(clause);
        return wantLinks
            ? TypedResults.Ok(new ClauseLinksResponse(clause.Id, clause.Citation, clause.Links))
            : TypedResults.Ok(clause);
    }
}
