namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Thresholds and index sizes of the linker. The defaults were chosen on ../shared/eval/links.json (dev
/// split) with margins on both sides, not fitted to single rows; see LinkerQualityTests for the figures.
/// </summary>
public sealed record LinkerOptions
{
    public static LinkerOptions Default { get; } = new();

    /// <summary>Clauses with fewer content characters (headings such as "（一）指导思想") are not linked by text.</summary>
    public int MinContentChars { get; init; } = 8;

    /// <summary>near-verbatim: IDF-weighted containment of 4-character shingles in the shorter clause…</summary>
    public double NearVerbatimContainment { get; init; } = 0.6;
    /// <summary>…and the character alignment covers this share of the shorter clause…</summary>
    public double NearVerbatimAlignment { get; init; } = 0.6;
    /// <summary>…and the shorter clause has at least this many content characters (a 17-character table row
    /// found inside a paragraph is a restatement, not a copy).</summary>
    public int NearVerbatimMinChars { get; init; } = 30;
    /// <summary>Or: a whole sentence of at least this many content characters is copied
    /// (001 copies 000's "实施长江经济带产业发展市场准入负面清单，明确禁止和限制发展的行业、生产工艺、产品目录").</summary>
    public int CopiedSentenceChars { get; init; } = 30;
    /// <summary>Share of a sentence's shingles that must appear in the other clause for it to count as copied.</summary>
    public double CopiedSentenceCoverage { get; init; } = 0.9;

    /// <summary>paraphrase: weighted shingle containment at least this…</summary>
    public double ParaphraseContainment { get; init; } = 0.3;
    /// <summary>…or IDF-weighted cosine of character bigrams at least this.</summary>
    public double ParaphraseCosine { get; init; } = 0.35;

    /// <summary>same-topic: IDF-weighted bigram cosine (plus the shared-tag bonus) at least this, and the pair
    /// is the best match of one side in the other's document.</summary>
    public double SameTopicScore { get; init; } = 0.065;
    /// <summary>Without a shared topic tag, same-topic needs at least this bigram cosine.</summary>
    public double SameTopicUntaggedCosine { get; init; } = 0.12;
    /// <summary>Bonus per shared topic tag (at most three count).</summary>
    public double SharedTopicBonus { get; init; } = 0.015;
    /// <summary>Two clauses sharing a single word (电子, 农药, 汽车) are not a link: at least this many separate
    /// runs of shared informative bigrams are required.</summary>
    public int MinSharedRuns { get; init; } = 2;
    /// <summary>A bigram in more than this share of all clauses is boilerplate (发展, 加强, 推进) and does not count as shared.</summary>
    public double BoilerplateShare { get; init; } = 0.05;

    /// <summary>Links kept per holder clause and relation (best scores first).</summary>
    public int MaxLinksPerRelation { get; init; } = 5;
    /// <summary>Document-level cites and implements kept on the cited document's first clause.</summary>
    public int MaxCitedBy { get; init; } = 50;

    // Candidate index sizes.
    public int MinHashes { get; init; } = 32;
    public int BandRows { get; init; } = 4;
    /// <summary>Buckets holding more clauses than this are boilerplate sentences and are skipped.</summary>
    public int MaxBucket { get; init; } = 1000;
    /// <summary>
    /// Members of one MinHash bucket, posting list or target group read per clause (the nearest in corpus
    /// order); more are not read. A sentence copied into thousands of clauses made reading whole lists
    /// quadratic in the number of copies, while a clause keeps only a few candidates of each kind.
    /// </summary>
    public int ScanLimit { get; init; } = 48;
    /// <summary>Clauses sharing the most MinHash bands kept per clause, for its own level and for the other level each.</summary>
    public int CopyCandidates { get; init; } = 12;
    /// <summary>Rarest bigrams per clause looked up in the inverted index.</summary>
    public int TopicFeatures { get; init; } = 32;
    /// <summary>Best partial-score candidates kept per clause from the inverted index.</summary>
    public int TopicCandidates { get; init; } = 30;
    /// <summary>Sentences shorter than this (content characters) are not sketched on their own.</summary>
    public int MinSentenceChars { get; init; } = 12;
}
