using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Index;

/// <summary>
/// The seam to the citation resolver (GreenPolicy.Domain.Citations): the store hands it a catalog of
/// the index's documents, units and clauses, and asks it to resolve what a person typed.
/// </summary>
public interface ICitationService
{
    CiteResult Cite(string input);

    /// <summary>The target when a search query is plainly a citation (黔府办发〔2018〕14号 三（二）), else null.</summary>
    CiteTarget? SearchCitation(string query) => null;
}

/// <summary>What a citation resolver may look at: every document with its units and clauses.</summary>
public sealed record CitationCatalog(IReadOnlyList<DocumentRecord> Documents, Func<string, IReadOnlyList<Clause>> ClausesOf)
{
    /// <summary>
    /// A document's whole record by id, when <see cref="Documents"/> holds only their metadata (a store
    /// opened from its <see cref="GenerationExtras"/> reads units when a citation first needs them).
    /// </summary>
    public Func<string, DocumentRecord?>? RecordOf { get; init; }
}

/// <summary>Until a resolver is wired in: every citation is unresolved, with the reason.</summary>
public sealed class NoCitationService : ICitationService
{
    public CiteResult Cite(string input) => new() { Resolved = false, Reason = "引文解析器尚未接入" };
}
