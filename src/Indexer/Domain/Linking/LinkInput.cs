namespace GreenPolicy.Domain.Linking;

/// <summary>
/// What the linker reads of a clause: who it is, where it stands, its text and the names of its tags. A build keeps
/// this, not the parsed clause, from parsing until the links are chosen: at 10,000 documents the parsed corpus is
/// ~2 GB live, most of it tags, spans and headings the linker never reads.
/// </summary>
/// <param name="Topics">The clause's topic names, each once, in tag order.</param>
/// <param name="Industries">The clause's industry names, each once, in tag order.</param>
/// <param name="TargetKeys">The clause's quantitative targets as comparable keys (<see cref="Candidates.TargetKey"/>), each once.</param>
/// <param name="Line">Where the clause starts in its file, for error messages.</param>
public sealed record LinkClause(
    string Id, string EId, int Order, string Text, bool IsRow, string[] Topics, string[] Industries, string[] TargetKeys, int Line)
{
    public static LinkClause From(Clause c) => new(
        c.Id, c.EId, c.Order, c.Text, c.Row is not null,
        [.. c.Topics.Select(t => t.Name).Distinct()],
        [.. c.Industries.Select(t => t.Name).Distinct()],
        [.. c.Targets.Select(Candidates.TargetKey).OfType<string>().Distinct()],
        c.Line);
}

/// <summary>A document as the linker reads it: its metadata and its clauses in document order.</summary>
public sealed record LinkDocument(DocumentMeta Meta, IReadOnlyList<LinkClause> Clauses)
{
    public static LinkDocument From(ParsedDocument doc) => new(doc.Meta, [.. doc.Clauses.Select(LinkClause.From)]);
}
