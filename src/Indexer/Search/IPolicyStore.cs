using GreenPolicy.Domain;

namespace GreenPolicy.Search;

// What the site asks of the index. The web layer depends on this, never on Lucene:
// GreenPolicy.Index implements it over one index generation.

public interface IPolicyStore
{
    /// <summary>Identifies the index generation answering (changes when a new build is switched in).</summary>
    string Generation { get; }

    IReadOnlyList<DocumentSummary> Documents();

    /// <summary>Null when unknown.</summary>
    DocumentView? Document(string id);

    /// <summary>Null when unknown.</summary>
    Clause? Clause(string id);

    SearchResult Search(SearchRequest request);

    CiteResult Cite(string input);

    /// <summary>
    /// The id of the document <paramref name="name"/> names — its id, or what the citation resolver takes for a whole
    /// document: a title or short title, a 文号 (黔府办发〔2018〕14号) in any bracket style — or null when none.
    /// </summary>
    string? DocumentId(string name);

    IReadOnlyList<IndustrySummary> Industries();

    /// <summary>
    /// The industry of <see cref="Industries"/> that <paramref name="name"/> names: its GB/T 4754 code (any case), its
    /// name, or a name the query vocabulary knows for it (有色金属行业 → C32), as the search's industry filter reads
    /// them; null when none.
    /// </summary>
    IndustrySummary? Industry(string name);

    IReadOnlyList<DepartmentSummary> Departments();

    /// <summary>
    /// The quantitative targets <paramref name="filter"/> selects, in reading order (documents by rank, then clause
    /// order): how many in all and per document and target year, and the rows from <paramref name="offset"/>, at most
    /// <paramref name="limit"/> of them, so that a corpus of every province's plans is never listed whole.
    /// </summary>
    TargetTable Targets(TargetFilter filter, int offset = 0, int limit = int.MaxValue);

    /// <summary>Every year some quantitative target is set for, ascending (the targets table's year choices).</summary>
    IReadOnlyList<int> TargetYears();
}

/// <summary>How far a search can be paged: every store answers these bounds (clients page until a page comes back short).</summary>
public static class SearchLimits
{
    public const int MaxPageSize = 100;
    /// <summary>Hits past this depth (page × size) are not listed: a page beyond it comes back empty, with the total.</summary>
    public const int MaxDepth = 2_000;
}

public sealed record DocumentSummary
{
    public required DocumentMeta Meta { get; init; }
    public int ClauseCount { get; init; }
    /// <summary>现行 / 已到期 against the store's today.</summary>
    public required string Status { get; init; }
}

public sealed record DocumentView
{
    public required DocumentSummary Summary { get; init; }
    public IReadOnlyList<StructureUnit> Units { get; init; } = [];
    public IReadOnlyList<Clause> Clauses { get; init; } = [];
    public IReadOnlyList<MetadataLine> Metadata { get; init; } = [];
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
}

public sealed record SearchRequest
{
    public string? Q { get; init; }
    public IReadOnlyList<string> Doc { get; init; } = [];
    public IReadOnlyList<string> Level { get; init; } = [];
    public IReadOnlyList<string> Jurisdiction { get; init; } = [];
    public IReadOnlyList<string> Status { get; init; } = [];
    public IReadOnlyList<string> Industry { get; init; } = [];
    public IReadOnlyList<string> Department { get; init; } = [];
    public string? Role { get; init; }
    public IReadOnlyList<int> Year { get; init; } = [];
    public IReadOnlyList<string> Modality { get; init; } = [];
    public IReadOnlyList<string> Topic { get; init; } = [];
    /// <summary>relevance | order</summary>
    public string Sort { get; init; } = "relevance";
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 20;
    /// <summary>
    /// Count the facets (the default). False leaves <see cref="SearchResult.Facets"/> empty and skips
    /// counting every match's tags: the CSV export, or an API client that shows no facets.
    /// </summary>
    public bool Facets { get; init; } = true;
    /// <summary>
    /// When fewer clauses match in full than the page lists, fill it with partial matches ranked after them (the
    /// default, for reading). False lists the full matches alone: the CSV export, whose rows say nothing of how a
    /// clause matched.
    /// </summary>
    public bool PartialMatches { get; init; } = true;
}

public sealed record SearchHit
{
    public required string Id { get; init; }
    public required string DocId { get; init; }
    public required string DocTitle { get; init; }
    public required string Citation { get; init; }
    public required string Locator { get; init; }
    public string? Heading { get; init; }
    public required string Text { get; init; }
    /// <summary>HTML: escaped text with the matched passages in &lt;mark&gt;.</summary>
    public required string Snippet { get; init; }
    public double Score { get; init; }
    public IReadOnlyList<IndustryTag> Industries { get; init; } = [];
    public IReadOnlyList<DepartmentTag> Departments { get; init; } = [];
    public IReadOnlyList<int> TargetYears { get; init; } = [];
    public IReadOnlyList<string> Modality { get; init; } = [];
}

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record SearchResult
{
    public required string Query { get; init; }
    public int Total { get; init; }
    public double TookMs { get; init; }
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } =
        new Dictionary<string, IReadOnlyList<FacetValue>>();
    /// <summary>When the query itself is a citation that resolves, its target (the site goes straight there).</summary>
    public CiteTarget? Citation { get; init; }
    /// <summary>What the query understanding did (ignored words, jurisdiction boosts …), for the UI to explain.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

public sealed record CiteResult
{
    public bool Resolved { get; init; }
    public CiteTarget? Target { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<CiteTarget> Candidates { get; init; } = [];
}

/// <summary>Kind: document | part | chapter | section | box | clause.</summary>
public sealed record CiteTarget
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public string? Title { get; init; }
    public string? Heading { get; init; }
    public string? Text { get; init; }
    public required string Citation { get; init; }
    public required string Url { get; init; }
}

public sealed record IndustrySummary(string Code, string Name, string? Parent, IReadOnlyDictionary<string, int> ClauseCountsByDoc)
{
    /// <summary>Clauses naming the industry (or a child of it) in the whole corpus.</summary>
    public int ClauseCount => ClauseCountsByDoc.Values.Sum();
}

public sealed record DepartmentSummary(string Canonical, string? Jurisdiction, IReadOnlyDictionary<string, int> ClauseCountsByRole);

public sealed record TargetFilter(int? Year = null, string? Industry = null, string? Doc = null);

public sealed record TargetRow(string ClauseId, string DocId, string Citation, QuantTarget Target);

/// <summary>A page of a targets table, with the counts of the whole selection.</summary>
public sealed record TargetTable
{
    public int Total { get; init; }
    public IReadOnlyList<TargetRow> Rows { get; init; } = [];
    /// <summary>Every document with selected targets, in reading order, with its count and its counts per target year.</summary>
    public IReadOnlyList<DocumentTargets> Documents { get; init; } = [];
}

/// <param name="ByYear">Targets per target year; targets without one are counted in <paramref name="Count"/> only.</param>
public sealed record DocumentTargets(string DocId, int Count, IReadOnlyDictionary<int, int> ByYear);

public static class PolicyStoreLinks
{
    /// <summary>
    /// <paramref name="clause"/> with the evidence of its links that is computed when shown (near-verbatim
    /// diffs, <see cref="Domain.Linking.LinkExplainer"/>), each near-verbatim partner read from the store once.
    /// </summary>
    public static Clause WithLinkEvidence(this IPolicyStore store, Clause clause) => clause with
    {
        Links = clause.Links
            .Select(l => Domain.Linking.LinkExplainer.Explain(clause, l, l.Relation == Relations.NearVerbatim ? store.Clause(l.Id) : null))
            .ToList(),
    };
}
