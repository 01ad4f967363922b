using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Domain.Citations;

/// <summary>What the resolver needs of one clause: its identity, where it sits, and what to show.</summary>
public sealed record OutlineClause(string Id, string EId, string Kind, string Locator, string? Heading, string Text, string Citation)
{
    public static OutlineClause From(Clause c) => new(c.Id, c.EId, c.Kind, c.Locator, c.Heading, c.Text, c.Citation);
}

/// <summary>
/// A document's structure as the resolver walks it: its units (parts, chapters, sections, boxes, items with
/// sub-clauses) and its clauses, identified by eId. Opening is the text that names the document before its
/// body (the 发文 title lines, 文号, addressee), shown for a document-level citation.
/// </summary>
public sealed record DocumentOutline
{
    public required DocumentMeta Meta { get; init; }
    public IReadOnlyList<StructureUnit> Units { get; init; } = [];
    public IReadOnlyList<OutlineClause> Clauses { get; init; } = [];
    public string? Opening { get; init; }

    /// <summary>
    /// The metadata that names a document. Not a word processor's artefact (<c>[bookmark: _GoBack]</c> opens 002), a web
    /// copy's trailer or a table's header row, which are metadata only so as not to be clauses.
    /// </summary>
    private static readonly HashSet<string> OpeningKinds =
        [MetadataKinds.Title, MetadataKinds.DocNumber, MetadataKinds.Addressee, MetadataKinds.Date, MetadataKinds.PublicationNote];

    public static DocumentOutline From(ParsedDocument doc)
    {
        // 003 opens with its 发文 title spread over three lines (省人民政府办公厅关于转发 / 省经济和信息化委贵州省绿色制造三年 /
        // 行动计划(2018—2020年)的通知): the metadata lines before the first clause, in order, are that opening.
        var firstClauseLine = doc.Clauses.Count == 0 ? int.MaxValue : doc.Clauses.Min(c => c.Line);
        var opening = string.Join("\n", doc.Metadata
            .Where(m => (m.Line <= firstClauseLine || firstClauseLine == 0) && OpeningKinds.Contains(m.Kind))
            .OrderBy(m => m.Line)
            .Select(m => m.Text.Trim())
            .Where(t => t.Length > 0));
        return new DocumentOutline
        {
            Meta = doc.Meta,
            Units = doc.Units,
            Clauses = [.. doc.Clauses.OrderBy(c => c.Order).Select(OutlineClause.From)],
            Opening = opening.Length == 0 ? null : opening,
        };
    }
}

/// <summary>The documents a citation can point into. The Lucene store implements it over its generation; tests use <see cref="InMemoryCitationCatalog"/>.</summary>
public interface ICitationCatalog
{
    IReadOnlyList<DocumentMeta> Documents { get; }

    /// <summary>Null when the document is unknown.</summary>
    DocumentOutline? Outline(string docId);
}

/// <summary>A catalog over parsed documents held in memory (tests, and any store that keeps ParsedDocuments).</summary>
public sealed class InMemoryCitationCatalog : ICitationCatalog
{
    private readonly Dictionary<string, DocumentOutline> _outlines;

    public InMemoryCitationCatalog(IEnumerable<DocumentOutline> outlines)
    {
        var list = outlines.ToList();
        Documents = [.. list.Select(o => o.Meta)];
        _outlines = list.ToDictionary(o => o.Meta.Id, StringComparer.Ordinal);
    }

    public InMemoryCitationCatalog(IEnumerable<ParsedDocument> documents)
        : this(documents.Select(DocumentOutline.From))
    {
    }

    public IReadOnlyList<DocumentMeta> Documents { get; }

    public DocumentOutline? Outline(string docId) => _outlines.GetValueOrDefault(docId);
}
