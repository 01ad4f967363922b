namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Links the clauses of a corpus to each other: cites (《title》 / 文号 references), near-verbatim,
/// paraphrase, same-topic, and the documents' declared implements. Pure: documents in, documents out
/// with Clause.Links (both ends hold the link; its Direction says where the other clause stands) and
/// ParsedDocument.References filled.
///
/// Candidates come from indexes, never from all pairs: MinHash bands over each clause's and each
/// sentence's 4-character shingles (copies), an inverted index over each clause's rarest bigrams
/// (same topic, different wording) and a key on quantitative targets (same metric, value and year).
/// Candidates are then scored with IDF-weighted measures, so that 加强组织领导 or 强化宣传引导, found
/// in every plan, weigh almost nothing.
/// </summary>
public static class Linker
{
    private const int ScoreBlock = 1 << 16;

    /// <summary>The documents with their links and references, every document materialised.</summary>
    public static IReadOnlyList<ParsedDocument> Link(IReadOnlyList<ParsedDocument> docs, LinkerOptions? options = null) =>
        [.. Links(docs, options)];

    /// <summary>
    /// Links the corpus and returns the documents as a list that builds each linked document when it is read
    /// (link evidence included), so that a writer can take one document at a time. Reads are thread-safe.
    /// </summary>
    public static LinkedDocuments Links(IReadOnlyList<ParsedDocument> docs, LinkerOptions? options = null)
    {
        var o = options ?? LinkerOptions.Default;
        var corpus = new CorpusFeatures(docs, o);

        // Scoring is independent per pair: score a block in parallel, then offer it in candidate order
        // (deterministic). Blocks keep the scores of millions of candidate pairs from being held at once.
        var pairs = Candidates.Find(corpus, o);
        var links = new LinkSink(corpus, o, pairs.Count);
        var scores = new PairScore?[Math.Min(pairs.Count, ScoreBlock)];
        for (var start = 0; start < pairs.Count; start += ScoreBlock)
        {
            var count = Math.Min(ScoreBlock, pairs.Count - start);
            Parallel.For(0, count, k => scores[k] = PairScorer.Score(corpus, pairs[start + k].A, pairs[start + k].B, o));
            for (var k = 0; k < count; k++)
                if (scores[k] is { } m) links.Offer(m);
        }

        var references = new List<DocumentReference>[docs.Count];
        for (var d = 0; d < docs.Count; d++) references[d] = [];
        CiteLinks.Add(corpus, links, references, o);
        links.Finish();
        return new LinkedDocuments(corpus, links, references);
    }

    internal static string Direction(string holderLevel, string otherLevel) =>
        holderLevel == otherLevel ? Directions.Peer
        : otherLevel == Levels.National ? Directions.National
        : otherLevel == Levels.Provincial ? Directions.Provincial
        : Directions.Peer;
}

/// <summary>
/// The linked corpus: document <c>d</c> is built with its clauses' links (and their evidence) each time it
/// is read, and not kept. <see cref="Meta"/> and <see cref="ClauseCount"/> cost nothing.
/// </summary>
public sealed class LinkedDocuments : IReadOnlyList<ParsedDocument>
{
    private readonly CorpusFeatures _corpus;
    private readonly LinkSink _links;
    private readonly List<DocumentReference>[] _references;

    internal LinkedDocuments(CorpusFeatures corpus, LinkSink links, List<DocumentReference>[] references)
    {
        _corpus = corpus;
        _links = links;
        _references = references;
    }

    public int Count => _corpus.Docs.Count;

    /// <summary>Link ends over all clauses (each link counted at both of its ends).</summary>
    public long LinkEnds => _links.Count;

    public DocumentMeta Meta(int d) => _corpus.Docs[d].Meta;

    public int ClauseCount(int d) => _corpus.Docs[d].Clauses.Count;

    public ParsedDocument this[int d]
    {
        get
        {
            var doc = _corpus.Docs[d];
            var clauses = new List<Clause>(doc.Clauses.Count);
            for (var k = 0; k < doc.Clauses.Count; k++)
                clauses.Add(doc.Clauses[k] with { Links = _links.For(_corpus.Index(d, k)) });
            return doc with { Clauses = clauses, References = _references[d] };
        }
    }

    public IEnumerator<ParsedDocument> GetEnumerator()
    {
        for (var d = 0; d < Count; d++) yield return this[d];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Per-clause features and corpus statistics (document frequencies) shared by all stages.</summary>
internal sealed class CorpusFeatures
{
    public readonly IReadOnlyList<ParsedDocument> Docs;
    public readonly int[] DocOf;
    public readonly Clause[] Clauses;
    public readonly string[] Content;
    public readonly ulong[][] Shingles;   // 4-grams, sorted
    public readonly ulong[][] Bigrams;    // 2-grams, sorted
    public readonly float[][] ShingleIdfs; // idf of each of the clause's 4-grams, aligned with Shingles (float: half the memory)
    public readonly float[][] BigramIdfs;  // idf of each bigram, aligned with Bigrams
    public readonly double[] ShingleWeight; // Σ idf of the clause's 4-grams
    public readonly double[] BigramNorm;    // √Σ idf² of the clause's bigrams
    public readonly bool[][] InformativeBigrams; // Informative(bigram) of each bigram, aligned with Bigrams
    /// <summary>Sentences long enough to count as copied (content length, 4-gram shingles).</summary>
    public readonly (int Length, ulong[] Shingles)[][] LongSentences;
    public readonly string[][] TopicNames;
    public readonly string[][] TargetKeys;
    public readonly Dictionary<ulong, int> ShingleDf = new(MixedKeyComparer.Instance);
    public readonly Dictionary<ulong, int> BigramDf = new(MixedKeyComparer.Instance);
    private readonly int[] _docStart;

    public int Count => Clauses.Length;

    public CorpusFeatures(IReadOnlyList<ParsedDocument> docs, LinkerOptions o)
    {
        Docs = docs;
        _docStart = new int[docs.Count + 1];
        for (var d = 0; d < docs.Count; d++) _docStart[d + 1] = _docStart[d] + docs[d].Clauses.Count;
        var n = _docStart[^1];
        DocOf = new int[n];
        Clauses = new Clause[n];
        Content = new string[n];
        Shingles = new ulong[n][];
        Bigrams = new ulong[n][];
        for (var d = 0; d < docs.Count; d++)
            for (var k = 0; k < docs[d].Clauses.Count; k++)
            {
                var i = _docStart[d] + k;
                DocOf[i] = d;
                Clauses[i] = docs[d].Clauses[k];
                Content[i] = TextFeatures.Content(Clauses[i].Text);
                Shingles[i] = TextFeatures.Shingles(Content[i], 4);
                Bigrams[i] = TextFeatures.Shingles(Content[i], 2);
                foreach (var s in Shingles[i]) ShingleDf[s] = ShingleDf.GetValueOrDefault(s) + 1;
                foreach (var s in Bigrams[i]) BigramDf[s] = BigramDf.GetValueOrDefault(s) + 1;
            }
        LongSentences = new (int, ulong[])[n][];
        TopicNames = new string[n][];
        TargetKeys = new string[n][];
        for (var i = 0; i < n; i++)
        {
            LongSentences[i] = TextFeatures.Sentences(Clauses[i].Text).Where(s => s.Length >= o.CopiedSentenceChars)
                .Select(s => (s.Length, TextFeatures.Shingles(s, 4))).OrderByDescending(s => s.Length).ToArray();
            TopicNames[i] = Clauses[i].Topics.Select(t => t.Name).Distinct().ToArray();
            TargetKeys[i] = Clauses[i].Targets.Select(Candidates.TargetKey).OfType<string>().Distinct().ToArray();
        }
        ShingleWeight = new double[n];
        BigramNorm = new double[n];
        ShingleIdfs = new float[n][];
        BigramIdfs = new float[n][];
        InformativeBigrams = new bool[n][];
        for (var i = 0; i < n; i++)
        {
            InformativeBigrams[i] = Array.ConvertAll(Bigrams[i], b => Informative(b, o));
            ShingleIdfs[i] = Array.ConvertAll(Shingles[i], s => (float)ShingleIdf(s));
            BigramIdfs[i] = Array.ConvertAll(Bigrams[i], b => (float)BigramIdf(b));
            ShingleWeight[i] = ShingleIdfs[i].Sum(w => (double)w);
            BigramNorm[i] = Math.Sqrt(BigramIdfs[i].Sum(w => (double)w * w));
        }
    }

    public int Index(int doc, int clause) => _docStart[doc] + clause;

    public string Level(int i) => Docs[DocOf[i]].Meta.Level;

    // log(N/df): a shingle found in every clause weighs nothing; one found in a single clause weighs most.
    public double ShingleIdf(ulong s) => Math.Log((double)Count / ShingleDf.GetValueOrDefault(s, 1));

    public double BigramIdf(ulong s) => Math.Log((double)Count / BigramDf.GetValueOrDefault(s, 1));

    public bool Informative(ulong bigram, LinkerOptions o) => BigramDf.GetValueOrDefault(bigram) <= Math.Max(2, o.BoilerplateShare * Count);

    public bool Linkable(int i, LinkerOptions o) => Content[i].Length >= o.MinContentChars;
}
