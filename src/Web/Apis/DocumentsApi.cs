using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Documents");
        api.MapGet("", ListDocuments).WithName("ListDocuments");
        api.MapGet("{id}", GetDocument).WithName("GetDocument")
            .WithDescription("GET /api/documents/{id} → the document with its clauses; their near-verbatim links come without the character diff, " +
                             "which GET /api/clauses/{docId}/{eId}/links computes from both texts.");
        return api;
    }

    public static Ok<List<DocumentItem>> ListDocuments(IPolicyStore store) =>
        TypedResults.Ok(store.Documents().Select(DocumentItem.From).ToList());

    public static Results<Ok<DocumentDetail>, ProblemHttpResult> GetDocument(string id, IPolicyStore store)
    {
        if (!Ids.IsDocId(id))
        {
            return Problems.BadRequest($"文件编号格式无效：应为小写字母、数字和连字符（如 guizhou-2018-14），最长 {Ids.MaxDocIdLength} 个字符",
                $"Malformed document id: lowercase letters, digits and hyphens (e.g. guizhou-2018-14), at most {Ids.MaxDocIdLength} characters");
        }
        return store.Document(id) is { } doc
            ? TypedResults.Ok(DocumentDetail.From(doc))
            : Problems.NotFound($"没有编号为 {id} 的文件", $"No document with id {id}");
    }
}
