using GreenPolicy.Domain;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Search;

namespace GreenPolicy.Index;

/// <summary>
/// The citation resolver's catalog over an index generation: document metadata from the document
/// records, a document's outline (units and clauses) read from the index when first asked for.
/// </summary>
public sealed class IndexCitationCatalog : ICitationCatalog
{
    private readonly CitationCatalog source;
    private readonly Dictionary<string, DocumentRecord> byId;

    public IndexCitationCatalog(CitationCatalog source)
    {
        this.source = source;
        byId = source.Documents.ToDictionary(d => d.Meta.Id, StringComparer.Ordinal);
        Documents = source.Documents.Select(d => d.Meta).ToList();
    }

    public IReadOnlyList<DocumentMeta> Documents { get; }

    /// <summary>Read from the index each time: the resolver keeps the trees it builds from outlines.</summary>
    public DocumentOutline? Outline(string docId) =>
        (source.RecordOf is { } recordOf ? recordOf(docId) : byId.GetValueOrDefault(docId)) is { } record
            ? DocumentOutline.From(new ParsedDocument
            {
                Meta = record.Meta,
                Units = record.Units,
                Metadata = record.Metadata,
                Clauses = source.ClausesOf(docId),
            })
            : null;
}

/// <summary>GreenPolicy.Domain.Citations' resolver answering for a store.</summary>
public sealed class ResolverCitationService : ICitationService
{
    private readonly CitationResolver resolver;
    /// <summary>Every document's title and short titles: a query that is exactly one is a citation.</summary>
    private readonly HashSet<string> titles;

    public ResolverCitationService(CitationCatalog catalog)
    {
        var index = new IndexCitationCatalog(catalog);
        titles = index.Documents.SelectMany(d => d.ShortTitles.Prepend(d.Title)).ToHashSet(StringComparer.Ordinal);
        resolver = new CitationResolver(index);
    }

    public static ICitationService Create(CitationCatalog catalog) => new ResolverCitationService(catalog);

    public CiteResult Cite(string input)
    {
        var resolution = resolver.Resolve(input);
        return new CiteResult
        {
            Resolved = resolution.Resolved,
            Target = resolution.Target is { } t ? ToCiteTarget(t) : null,
            Reason = resolution.Reason,
            Candidates = resolution.Candidates.Select(ToCiteTarget).ToList(),
        };
    }

    /// <summary>
    /// A search query is taken for a citation only when it says so: a 文号, a 《title》, a title with a
    /// locator, or a document's exact title or short title. 钢铁 or 绿色制造 stay searches even if a
    /// title resembles them.
    /// </summary>
    public CiteTarget? SearchCitation(string query)
    {
        var parsed = CitationParser.Parse(query);
        var exactTitle = titles.Contains(query.Trim());
        if (parsed.DocNumber is null && !parsed.TitleQuoted && !(parsed.Title is not null && parsed.Locator is not null) && !exactTitle)
        {
            return null;
        }
        var resolution = resolver.Resolve(parsed);
        return resolution.Target is { } t ? ToCiteTarget(t) : null;
    }

    private static CiteTarget ToCiteTarget(CitationTarget t) => new()
    {
        Id = t.Id,
        Kind = t.Kind,
        Title = t.Title,
        Heading = t.Heading,
        Text = t.Text,
        Citation = t.Citation,
        Url = t.Url,
    };
}
