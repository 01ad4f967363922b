using GreenPolicy.Domain.Citations;

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
    private const long ReleaseEvery = 8 << 20; // scored pairs: 4 collections in scoring at 10,000 documents, none at 1,000

    /// <summary>The documents with their links and references, every document materialised.</summary>
    public static IReadOnlyList<ParsedDocument> Link(IReadOnlyList<ParsedDocument> docs, LinkerOptions? options = null) =>
        [.. Links(docs, options)];

    /// <summary>
    /// Links the corpus and returns the documents as a list that builds each linked document when it is read
    /// (link evidence included), so that a writer can take one document at a time. Reads are thread-safe.
    /// </summary>
    public static LinkedDocuments Links(IReadOnlyList<ParsedDocument> docs, LinkerOptions? options = null, Action<string>? progress = null) =>
        Links([.. docs.Select(LinkDocument.From)], ClauseTexts.Of(docs), d => docs[d], d => DocumentOutline.From(docs[d]), options, progress);

    /// <summary>
    /// Links a corpus given as what the linker reads of it (<paramref name="docs"/> and the clauses' <paramref name="texts"/>), with <paramref name="document"/>
    /// making document <c>d</c> whole again for each linked document read, and <paramref name="outline"/> giving its
    /// outline when the citation resolver looks into it. A build passes functions that parse the file again (the
    /// outline needs no tags), so that no parsed document is held while the corpus is linked; they must give the
    /// documents the slim ones were made from.
    /// </summary>
    public static LinkedDocuments Links(IReadOnlyList<LinkDocument> docs, IClauseTexts texts, Func<int, ParsedDocument> document,
        Func<int, DocumentOutline> outline, LinkerOptions? options = null, Action<string>? progress = null)
    {
        var o = options ?? LinkerOptions.Default;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what)
        {
            progress?.Invoke($"link: {what} in {watch.Elapsed.TotalSeconds:F1} s");
            watch.Restart();
        }
        var links = Scored(docs, texts, o, Step);
        Release();
        var references = new List<DocumentReference>[docs.Count];
        for (var d = 0; d < docs.Count; d++) references[d] = [];
        CiteLinks.Add(links.Table, new OutlineCatalog(docs, outline), links, references, o);
        Step("references");
        links.Finish();
        Release();
        Step("kept links chosen");
        return new LinkedDocuments(links.Table, document, links, references);
    }

    /// <summary>
    /// The candidate pairs found and scored. The scoring features (n-gram ids, weights, sentence sketches) and the
    /// candidates are this method's alone: they are garbage once it returns, before the links are chosen and written.
    /// </summary>
    private static LinkSink Scored(IReadOnlyList<LinkDocument> docs, IClauseTexts texts, LinkerOptions o, Action<string> step)
    {
        var corpus = new CorpusFeatures(docs, texts, o);
        static string Mb(IdLists ids) => $"{ids.Bytes / 1048576.0:F0} MB";
        step($"bigram features (ids {Mb(corpus.Bigrams)})");
        var pairs = Candidates.Find(corpus, o);
        Release();
        step($"candidate pairs, {pairs.Added} found ({pairs.Bytes / 1048576.0:F0} MB)");
        var copies = new CopyFeatures(corpus, o);
        Release(); // what making the 4-gram features let go (lists grown by doubling, then copied)
        step($"4-gram features (ids {Mb(copies.Shingles)}, sentences' bits {copies.SentenceBits.Length / 131072.0:F0} MB)");

        // Scoring is independent per pair: score a block in parallel, then offer it in candidate order
        // (deterministic). Blocks keep the scores of millions of candidate pairs from being held at once.
        var links = new LinkSink(corpus, o);
        long scored = 0;
        using var first = new ThreadLocal<FirstClause>(() => new FirstClause(corpus, copies));
        Blocks.InOrder(pairs.Distinct(), pair => PairScorer.Score(corpus, copies, first.Value!, pair.A, pair.B, o), (_, score) =>
        {
            scored++;
            if (score is { } m) links.Offer(m);
            if (scored % ReleaseEvery == 0) Release(); // the pair runs read so far, and the held pairs replaced
        }, ScoreBlock);
        step($"scored {scored} distinct candidate pairs, {links.Offered} with a topic score or a relation ({links.Related} with a relation)");
        return links;
    }

    /// <summary>
    /// A full collection where a step's large structures have just become garbage: the MinHash table once its candidates
    /// are found (inside <see cref="Candidates.Find"/>) and the rest of the candidate step's once it ends (~0.5 GB at
    /// 10,000 documents), the scoring features and the candidate pairs once the pairs are scored
    /// (~0.9 GB), each clause's kept pairs as they were before being cut to length once the links are chosen. The next
    /// step allocates in small pieces, so the collector otherwise leaves them mapped for a long while; an aggressive
    /// collection also gives the freed memory back, where a plain one kept it mapped for the next step to grow on.
    /// Measured at 0c4f7aa, 10,000 documents (a console running the build's pipeline, RSS every 2 s): working set at most
    /// 3,630 MB through references and choice with plain collections, 2,965 MB with aggressive ones, and 1,838 MB instead
    /// of 3,268 once the links were chosen, what the write stage starts from. Each takes about a second. Scoring itself
    /// lets go of the pair runs as it reads them while each clause's kept pairs grow: without collections in it the
    /// working set climbed ~210 MB through scoring to the build's peak (CLI build of 10,000 documents, RSS every second:
    /// 1,309,516 KB); with one after the 4-gram features and one every 8M scored pairs the peak is 1,170,352 KB.
    /// </summary>
    internal static void Release() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// Every document's metadata, and the outline of a document the resolver asks for, made then (the resolver keeps
    /// the trees it uses).
    /// </summary>
    private sealed class OutlineCatalog(IReadOnlyList<LinkDocument> docs, Func<int, DocumentOutline> outline) : ICitationCatalog
    {
        private readonly Dictionary<string, int> _byId = docs.Select((d, k) => (d.Meta.Id, k))
            .DistinctBy(p => p.Id, StringComparer.Ordinal).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);

        public IReadOnlyList<DocumentMeta> Documents { get; } = [.. docs.Select(d => d.Meta)];

        public DocumentOutline? Outline(string docId) =>
            _byId.TryGetValue(docId, out var d) ? outline(d) : null;
    }

    internal static string Direction(string holderLevel, string otherLevel) =>
        holderLevel == otherLevel ? Directions.Peer
        : otherLevel == Levels.National ? Directions.National
        : otherLevel == Levels.Provincial ? Directions.Provincial
        : Directions.Peer;
}

/// <summary>
/// The linked corpus: document <c>d</c> is built with its clauses' links (and their evidence) each time it
/// is read, and not kept. <see cref="Meta"/> and <see cref="ClauseCount"/> cost nothing. Disposing lets go of the
/// links and what the linker read of the documents (~0.45 GB at 10,000 documents) once they are written.
/// </summary>
public sealed class LinkedDocuments : IReadOnlyList<ParsedDocument>, IDisposable
{
    private readonly int _count;
    private ClauseTable? _corpus;
    private Func<int, ParsedDocument>? _document;
    private LinkSink? _links;
    private List<DocumentReference>[]? _references;

    internal LinkedDocuments(ClauseTable corpus, Func<int, ParsedDocument> document, LinkSink links, List<DocumentReference>[] references)
    {
        _corpus = corpus;
        _document = document;
        _links = links;
        _references = references;
        _count = corpus.Docs.Count;
        LinkEnds = links.Count;
    }

    public int Count => _count;

    /// <summary>Link ends over all clauses (each link counted at both of its ends).</summary>
    public long LinkEnds { get; }

    private ClauseTable Corpus => _corpus ?? throw new ObjectDisposedException(nameof(LinkedDocuments));

    public DocumentMeta Meta(int d) => Corpus.Docs[d].Meta;

    public int ClauseCount(int d) => Corpus.Docs[d].Clauses.Count;

    public ParsedDocument this[int d]
    {
        get
        {
            var corpus = Corpus;
            var doc = _document!(d);
            var linked = corpus.Docs[d];
            if (doc.Meta.Id != linked.Meta.Id || doc.Clauses.Count != linked.Clauses.Count
                || doc.Clauses.Where((clause, k) => clause.Id != linked.ClauseId(k)).Any())
                throw new InvalidOperationException($"document {d} ({doc.Meta.Id}, {doc.Clauses.Count} clauses) is not the one linked " +
                                                    $"({linked.Meta.Id}, {linked.Clauses.Count} clauses)");
            var clauses = new List<Clause>(doc.Clauses.Count);
            for (var k = 0; k < doc.Clauses.Count; k++)
                clauses.Add(doc.Clauses[k] with { Links = _links!.For(corpus.Index(d, k)) });
            return doc with { Clauses = clauses, References = _references![d] };
        }
    }

    public void Dispose() => (_corpus, _document, _links, _references) = (null, null, null, null);

    public IEnumerator<ParsedDocument> GetEnumerator()
    {
        for (var d = 0; d < Count; d++) yield return this[d];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
