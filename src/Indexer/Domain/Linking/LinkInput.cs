namespace GreenPolicy.Domain.Linking;

/// <summary>
/// What the linker reads of a clause besides its text (<see cref="IClauseTexts"/>): who it is, where it stands and the
/// names of its tags. A build keeps this, not the parsed clause, from parsing until the links are chosen: at 10,000
/// documents the parsed corpus is ~2 GB live, most of it tags, spans and headings the linker never reads.
/// </summary>
/// <param name="EId">The clause's structural id, one string per distinct value in a build (<see cref="NameSets"/>: documents share
/// most of their structure, part_1__item_3__para_2). The clause's id is <see cref="Clause.IdOf"/> its document's id and this,
/// made when asked, not held (held, the ids took ~100 MB at 10,000 documents).</param>
/// <param name="Topics">The clause's topic names, each once, in tag order.</param>
/// <param name="Industries">The clause's industry names, each once, in tag order.</param>
/// <param name="TargetKeys">The clause's quantitative targets as comparable keys (<see cref="Candidates.TargetKey"/>), each once.</param>
/// <param name="Line">Where the clause starts in its file, for error messages.</param>
public sealed record LinkClause(
    string EId, int Order, bool IsRow, string[] Topics, string[] Industries, string[] TargetKeys, int Line)
{
    /// <param name="names">Where equal name arrays and eIds are made one (a build's clauses share a few thousand topic sets).</param>
    public static LinkClause From(Clause c, NameSets? names = null)
    {
        string[] Set(IEnumerable<string> values) => names?.Intern([.. values.Distinct()]) ?? [.. values.Distinct()];
        return new(names?.Intern(c.EId) ?? c.EId, c.Order, c.Row is not null,
            Set(c.Topics.Select(t => t.Name)),
            Set(c.Industries.Select(t => t.Name)),
            Set(c.Targets.Select(Candidates.TargetKey).OfType<string>()),
            c.Line);
    }
}

/// <summary>
/// Arrays of names, and strings, each distinct one held once (thread-safe): the clauses' topic, industry and target-key
/// arrays were ~80 bytes a clause at 10,000 documents, though most clauses share their set with many others; their
/// eIds ~70 bytes a clause, though the 1,085,237 clauses had 51,187 distinct ones.
/// </summary>
public sealed class NameSets
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string[], string[]> _sets = new(new SequenceComparer());
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The array held for names equal to <paramref name="names"/> (it, the first time).</summary>
    public string[] Intern(string[] names) => names.Length == 0 ? [] : _sets.GetOrAdd(names, names);

    /// <summary>The string held for one equal to <paramref name="value"/> (it, the first time).</summary>
    public string Intern(string value) => _strings.GetOrAdd(value, value);

    /// <summary>Distinct name arrays held.</summary>
    public int Count => _sets.Count;

    private sealed class SequenceComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] names)
        {
            var hash = new HashCode();
            foreach (var name in names) hash.Add(name, StringComparer.Ordinal);
            return hash.ToHashCode();
        }
    }
}

/// <summary>A document as the linker reads it: its metadata and its clauses in document order.</summary>
public sealed record LinkDocument(DocumentMeta Meta, IReadOnlyList<LinkClause> Clauses)
{
    /// <summary>What the linker reads of <paramref name="doc"/>, whose clause ids must be its id and their eIds (<see cref="Clause.IdOf"/>).</summary>
    public static LinkDocument From(ParsedDocument doc) => From(doc, null);

    /// <inheritdoc cref="From(ParsedDocument)"/>
    /// <param name="names">Where the clauses' equal name arrays are made one (<see cref="NameSets"/>).</param>
    public static LinkDocument From(ParsedDocument doc, NameSets? names) => new(doc.Meta, [.. doc.Clauses.Select(c => c.Id == Clause.IdOf(doc.Meta.Id, c.EId)
        ? LinkClause.From(c, names)
        : throw new ArgumentException($"clause {c.Id} of document {doc.Meta.Id} is not named {Clause.IdOf(doc.Meta.Id, c.EId)}", nameof(doc)))]);

    /// <summary>The id of clause <paramref name="k"/>.</summary>
    public string ClauseId(int k) => Clause.IdOf(Meta.Id, Clauses[k].EId);
}

/// <summary>
/// The clauses' texts by clause number: the documents in order, each one's clauses in document order. The linker reads
/// them in every step and, for the evidence of a kept link, while the documents are written; a build keeps them out of
/// its heap (~360 MB of strings at 10,000 documents), tests and small corpora in memory (<see cref="ClauseTexts"/>).
/// Reads are thread-safe.
/// </summary>
public interface IClauseTexts
{
    int Count { get; }

    string this[int clause] { get; }
}

/// <summary>Clause texts held in memory.</summary>
public sealed class ClauseTexts(IReadOnlyList<string> texts) : IClauseTexts
{
    /// <summary>The texts of the clauses of <paramref name="docs"/>, numbered as the linker numbers them.</summary>
    public static ClauseTexts Of(IEnumerable<ParsedDocument> docs) => new([.. docs.SelectMany(d => d.Clauses.Select(c => c.Text))]);

    public int Count => texts.Count;

    public string this[int clause] => texts[clause];
}
