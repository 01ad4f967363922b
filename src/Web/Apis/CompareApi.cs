using System.Text;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Compare;
using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Apis;

/// <summary>
/// GET /api/compare?left=&amp;right= — two documents side by side (topics, industries, coverage, targets,
/// share following the national plan); /api/compare.csv — the alignment as CSV.
/// </summary>
public static class CompareApi
{
    public static RouteGroupBuilder MapCompareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Compare");
        api.MapGet("/compare", GetComparison).WithName("Compare");
        api.MapGet("/compare.csv", GetComparisonCsv).WithName("CompareCsv");
        return api;
    }

    public static Results<Ok<PlanComparison>, ProblemHttpResult> GetComparison(string? left, string? right, IPolicyStore store) =>
        Build(left, right, store, out var comparison) is { } problem ? problem : TypedResults.Ok(comparison!);

    public static Results<FileContentHttpResult, ProblemHttpResult> GetComparisonCsv(string? left, string? right, IPolicyStore store)
    {
        if (Build(left, right, store, out var comparison) is { } problem) return problem;
        // UTF-8 with a BOM, or Excel on Chinese Windows reads the file as GBK.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ComparisonCsv.Write(comparison!))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"compare-{comparison!.Left.Id}-{comparison.Right.Id}.csv");
    }

    /// <summary>The comparison, or the problem (400 missing / malformed id, 404 unknown document).</summary>
    public static ProblemHttpResult? Build(string? left, string? right, IPolicyStore store, out PlanComparison? comparison)
    {
        comparison = null;
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
            return Problems.BadRequest("请给出要对比的两份文件：left 和 right（如 left=sichuan-13fyp&right=guizhou-2018-14）",
                "Give the two documents to compare: left and right (e.g. left=sichuan-13fyp&right=guizhou-2018-14)");
        foreach (var id in new[] { left, right })
            if (!Ids.IsDocId(id))
                return Problems.BadRequest($"文件编号格式无效：{id}", $"Malformed document id: {id}");
        if (left == right)
            return Problems.BadRequest($"左右两侧是同一份文件（{left}）：请选择两份不同的文件", $"Both sides are the same document ({left}): choose two different ones");
        var l = store.Document(left);
        if (l is null) return Problems.NotFound($"没有编号为 {left} 的文件", $"No document with id {left}");
        var r = store.Document(right);
        if (r is null) return Problems.NotFound($"没有编号为 {right} 的文件", $"No document with id {right}");
        comparison = Compare(l, r, store);
        return null;
    }

    /// <summary>Builds the comparison from the store's views (the page uses it too).</summary>
    public static PlanComparison Compare(DocumentView left, DocumentView right, IPolicyStore store)
    {
        // Only the national documents the two plans link to or declare they implement: with thousands of
        // documents in the store, loading every national one per request would not do.
        var nationalIds = store.Documents().Where(d => d.Meta.Level == Levels.National).Select(d => d.Meta.Id).ToHashSet(StringComparer.Ordinal);
        var wanted = left.Clauses.Concat(right.Clauses).SelectMany(c => c.Links).Select(k => k.Id.Split('/')[0])
            .Concat(left.Summary.Meta.Implements).Concat(right.Summary.Meta.Implements)
            .Concat([left.Summary.Meta.Id, right.Summary.Meta.Id])
            .Where(nationalIds.Contains).ToHashSet(StringComparer.Ordinal);
        var national = store.Documents()
            .Where(d => wanted.Contains(d.Meta.Id))
            .Select(d => d.Meta.Id == left.Summary.Meta.Id ? left : d.Meta.Id == right.Summary.Meta.Id ? right : store.Document(d.Meta.Id))
            .OfType<DocumentView>()
            .Select(ToParsed)
            .ToList();
        return PlanComparison.Build(ToParsed(left), ToParsed(right), national);
    }

    public static ParsedDocument ToParsed(DocumentView v) => new()
    {
        Meta = v.Summary.Meta,
        Units = v.Units,
        Clauses = v.Clauses,
        Metadata = v.Metadata,
        References = v.References,
    };
}
