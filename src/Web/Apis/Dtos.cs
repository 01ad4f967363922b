using GreenPolicy.Domain;
using GreenPolicy.Search;

namespace GreenPolicy.Web.Apis;

/// <summary>One row of GET /api/industries: how many clauses name the industry (or one of its children), in how many documents.</summary>
public sealed record IndustryItem(string Code, string Name, string? Parent, int ClauseCount, int DocumentCount)
{
    public static IndustryItem From(IndustrySummary s) =>
        new(s.Code, s.Name, s.Parent, s.ClauseCount, s.ClauseCountsByDoc.Count(d => d.Value > 0));
}

/// <summary>GET /api/industries/{code}: the industry with its clause count in each document.</summary>
public sealed record IndustryDetail(string Code, string Name, string? Parent, int ClauseCount, IReadOnlyDictionary<string, int> ClauseCountsByDoc)
{
    public static IndustryDetail From(IndustrySummary s) => new(s.Code, s.Name, s.Parent, s.ClauseCount, s.ClauseCountsByDoc);
}

/// <summary>GET /api/targets: one page of the table, and how many targets the filter selects in all.</summary>
public sealed record TargetsPage(int Total, int Page, int Size, IReadOnlyList<TargetRow> Rows);

/// <summary>One row of GET /api/documents.</summary>
public sealed record DocumentItem(
    string Id, string Title, IReadOnlyList<string> ShortTitles, string? DocNumber, IReadOnlyList<string> Issuers,
    string? Date, string Level, string Jurisdiction, string? Type, IReadOnlyList<int> Period, int ClauseCount, string Status)
{
    public static DocumentItem From(DocumentSummary s) => new(
        s.Meta.Id, s.Meta.Title, s.Meta.ShortTitles, s.Meta.DocNumber, s.Meta.Issuers, s.Meta.Date, s.Meta.Level,
        s.Meta.Jurisdiction, s.Meta.Type, s.Meta.Period, s.ClauseCount, s.Status);
}

/// <summary>GET /api/documents/{id}: the metadata, then every clause in reading order and the structure units.</summary>
public sealed record DocumentDetail
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> ShortTitles { get; init; } = [];
    public string? DocNumber { get; init; }
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public IReadOnlyList<string> DraftedBy { get; init; } = [];
    public string? Date { get; init; }
    public required string Level { get; init; }
    public required string Jurisdiction { get; init; }
    public IReadOnlyList<string> Scope { get; init; } = [];
    public string? Type { get; init; }
    public IReadOnlyList<int> Period { get; init; } = [];
    public IReadOnlyList<string> Implements { get; init; } = [];
    public string? Source { get; init; }
    public string? Notes { get; init; }
    public int ClauseCount { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<Clause> Clauses { get; init; } = [];
    public IReadOnlyList<StructureUnit> Units { get; init; } = [];
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
    public IReadOnlyList<MetadataLine> Metadata { get; init; } = [];

    public static DocumentDetail From(DocumentView v)
    {
        var m = v.Summary.Meta;
        return new DocumentDetail
        {
            Id = m.Id, Title = m.Title, ShortTitles = m.ShortTitles, DocNumber = m.DocNumber, Issuers = m.Issuers,
            DraftedBy = m.DraftedBy, Date = m.Date, Level = m.Level, Jurisdiction = m.Jurisdiction, Scope = m.Scope,
            Type = m.Type, Period = m.Period, Implements = m.Implements, Source = m.Source, Notes = m.Notes,
            ClauseCount = v.Summary.ClauseCount, Status = v.Summary.Status,
            Clauses = v.Clauses.OrderBy(c => c.Order).ToList(), Units = v.Units, References = v.References, Metadata = v.Metadata,
        };
    }
}

/// <summary>GET /api/clauses/{id}/links.</summary>
public sealed record ClauseLinksResponse(string Id, string Citation, IReadOnlyList<ClauseLink> Links);
