using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Web.Store;

/// <summary>
/// The store as one request sees it: pinned to the generation current when the request began.
/// Not IDisposable on purpose, so the request scope never disposes the shared generation.
/// </summary>
public sealed class RequestStore(IPolicyStore inner) : IPolicyStore
{
    public string Generation => inner.Generation;
    public IReadOnlyList<DocumentSummary> Documents() => inner.Documents();
    public DocumentView? Document(string id) => inner.Document(id);
    public Clause? Clause(string id) => inner.Clause(id);
    public SearchResult Search(SearchRequest request) => inner.Search(request);
    public CiteResult Cite(string input) => inner.Cite(input);
    public string? DocumentId(string name) => inner.DocumentId(name);
    public IReadOnlyList<IndustrySummary> Industries() => inner.Industries();
    public IndustrySummary? Industry(string name) => inner.Industry(name);
    public IReadOnlyList<DepartmentSummary> Departments() => inner.Departments();
    public TargetTable Targets(TargetFilter filter, int offset = 0, int limit = int.MaxValue) => inner.Targets(filter, offset, limit);

    public IReadOnlyList<int> TargetYears() => inner.TargetYears();
}
