namespace GreenPolicy.Domain.Structure;

/// <summary>
/// Splits a document's body into its hierarchy (units) and its clauses (DESIGN.md §4), and keeps what is not
/// policy text (title, 文号, addressee, signature, date, trailers, artefacts) as metadata lines.
/// Two passes: <see cref="OutlineReader"/> reads the lines into an outline (numbered headings, paragraphs,
/// boxes, table rows, page-break continuations joined), then <see cref="ClauseWriter"/> decides which outline
/// nodes are units and which are clauses and gives them eIds, locators and citations. Nothing here knows a
/// particular document: the numbering schemes and frame lines are recognised generally.
/// </summary>
public static class StructureParser
{
    public static ParsedDocument Parse(DocumentMeta meta, string body)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(body);
        var (root, metadata) = OutlineReader.Read(body);
        var (units, clauses) = new ClauseWriter(meta).Write(root);
        return new ParsedDocument
        {
            Meta = meta,
            Units = units,
            Clauses = clauses,
            Metadata = metadata.OrderBy(m => m.Line).ToList(),
        };
    }
}
