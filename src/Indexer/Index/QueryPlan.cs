namespace GreenPolicy.Index;

/// <summary>
/// What a person's query asks for, before any Lucene: the concepts every result should contain (each
/// with the ways it may be written and the tags that stand for it), words that only raise a result
/// (a jurisdiction, a document, a modality, a role), and words that must not occur.
/// </summary>
public sealed record QueryPlan
{
    public IReadOnlyList<QueryConcept> Concepts { get; init; } = [];
    public IReadOnlyList<QueryConcept> Optional { get; init; } = [];
    public IReadOnlyList<QueryConcept> Excluded { get; init; } = [];
    public IReadOnlyList<TagBoost> Boosts { get; init; } = [];
    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool IsEmpty => Concepts.Count == 0 && Optional.Count == 0 && Boosts.Count == 0;

    /// <summary>Every string worth marking in a snippet.</summary>
    public IEnumerable<string> HighlightStrings =>
        Concepts.Concat(Optional).SelectMany(c => c.Alternatives).Distinct(StringComparer.Ordinal);

    /// <summary>Long unsegmented runs, whose parts may be marked where the whole does not occur.</summary>
    public IEnumerable<string> LooseStrings => Concepts.Concat(Optional).Where(c => c.Loose).Select(c => c.Surface);
}

/// <summary>
/// One thing asked for. Alternatives: the surface and its aliases (VOCs, 挥发性有机物), each searched
/// as a phrase. Tags: exact tag terms that also satisfy it (industry C32 for 有色金属, with children).
/// Exact: a "quoted phrase" (no aliases). Loose: a long run of characters from a question that no
/// dictionary segmented; its bigrams may match partly.
/// </summary>
public sealed record QueryConcept
{
    public required string Surface { get; init; }
    public IReadOnlyList<string> Alternatives { get; init; } = [];
    public IReadOnlyList<TagTerm> Tags { get; init; } = [];
    public bool Exact { get; init; }
    public bool Loose { get; init; }
    /// <summary>The word typed is one of its tags' other forms, not their name (地条钢 for 钢铁, VOCs for 挥发性有机物).</summary>
    public bool IsAliasForm { get; init; }
}

public sealed record TagTerm(string Field, string Value);

/// <summary>
/// A tag that raises a result without being required: jurisdiction CN-GZ for 贵州, modality prohibit
/// for 禁止. Weight multiplies the score of a clause holding the tag; below 1 it lowers the clause (an industry's
/// name the tagger ruled out, <see cref="Fields.IndustryPassedOver"/>).
/// </summary>
public sealed record TagBoost(string Field, string Value, float Weight);
