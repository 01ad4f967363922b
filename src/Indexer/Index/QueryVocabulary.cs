namespace GreenPolicy.Index;

/// <summary>
/// What query understanding knows about the corpus' words, written into each index generation
/// (vocabulary.json) so that a served index never needs corpus/ to understand 有色 or 环保部.
/// Built by the pipeline from the taxonomies (corpus/taxonomy) and the tags the tagger produced.
/// </summary>
public sealed record QueryVocabulary
{
    public IReadOnlyList<VocabularyEntry> Entries { get; init; } = [];

    public static readonly QueryVocabulary Empty = new();
}

public static class VocabularyKinds
{
    public const string Industry = "industry";
    public const string Department = "department";
    public const string Topic = "topic";
    public const string Place = "place";
    /// <summary>Terms written several ways that are not tags (VOCs ↔ 挥发性有机物): expansion only.</summary>
    public const string Synonym = "synonym";
    /// <summary>
    /// A word that holds an industry's name without being the industry (再生有色金属, 废钢铁: the taxonomy's false
    /// friends): a query reads it whole, as plain text, and does not ask for the industry inside it.
    /// </summary>
    public const string Word = "word";
}

/// <summary>
/// One concept with every way it is written: an industry (Key = code C3216, Name 电解铝), a department
/// (Key = canonical name, aliases 环保部, 环境保护部 …), a topic or a place.
/// </summary>
public sealed record VocabularyEntry
{
    public required string Kind { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Key of the parent concept (有色金属 C32 for 电解铝 C3216), when the taxonomy has one.</summary>
    public string? Parent { get; init; }
    /// <summary>For a province-specific department alias (省经信委 in a Guizhou document): CN-GZ.</summary>
    public string? Jurisdiction { get; init; }

    public IEnumerable<string> Names() => Aliases.Prepend(Name).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
}
