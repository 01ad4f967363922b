namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Collects scored pairs and explicit links, keeps the best few per holder clause and relation, and only
/// then computes the evidence (shared wording and tags) for the links that are kept. Evidence is computed
/// when a clause's links are asked for, so a writer streaming documents holds the evidence of the documents
/// in hand only; near-verbatim diffs are not computed here at all (<see cref="LinkExplainer"/>).
/// </summary>
internal sealed class LinkSink(CorpusFeatures features, LinkerOptions o)
{
    // The clauses and the boilerplate bigrams only: the sink outlives the scoring features.
    private readonly ClauseTable c = features.Table;
    private readonly ulong[] _boilerplate = features.BoilerplateBigrams;
    // Related pairs (those supporting a relation) in the order offered. Finish drops the same-topic pairs that are
    // neither end's best match, and the pairs no clause keeps are then let go (_keptPairs).
    private readonly BlockList<RelatedPair> _related = new();
    // The notes of the pairs (整句照搬 42 字, 同一量化目标), each distinct note once.
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _noteIds = new(StringComparer.Ordinal);
    // Per holder clause, the document of the other ends seen last and the best topic score among them so far (the
    // pair in _related, or -1 for a pair with no relation). Pairs come in ascending (A, B) order, and clauses are
    // numbered document by document, so each clause meets the clauses of one other document in one run, in ascending
    // order: its best match there is known when the run ends, without keeping the pairs that support no relation or
    // grouping every pair by holder a second time (at 10,000 documents, 8 bytes a pair for 39.8M pairs; choosing the
    // kept links took 33 s with that pass, 20 s without).
    private readonly int[] _runDoc = Enumerable.Repeat(-1, features.Count).ToArray();
    private readonly double[] _runTopic = new double[features.Count];
    private readonly int[] _runPair = Enumerable.Repeat(-1, features.Count).ToArray();
    private long _lastOffered = -1;
    private bool _finished;
    private readonly List<(int Holder, ClauseLink Link)> _explicit = [];
    private int[][]? _kept; // per clause, the indexes in _keptPairs of the pairs it keeps
    private RelatedPair[] _keptPairs = [];
    private Dictionary<int, ClauseLink[]> _explicitOf = [];

    public ClauseTable Table => c;

    private static readonly string[] RelationNames = [Relations.NearVerbatim, Relations.Paraphrase, Relations.SameTopic];
    private const byte SameTopic = 2; // Relations.SameTopic in RelationNames

    /// <summary>
    /// A pair that supports a relation, as kept until the links are chosen: 20 bytes, where a <see cref="PairScore"/>
    /// takes 40 (39.7M pairs at 10,000 documents, held while the features are). The note, the relation and the best
    /// mark share one word. The topic score is not kept: it only decides the best matches, as the pair is offered.
    /// </summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Pack = 4)]
    private struct RelatedPair(int a, int b, double score, int note, byte relation)
    {
        private const int NoteBits = 29;
        public const int MaxNotes = (1 << NoteBits) - 1;

        public readonly int A = a;
        public readonly int B = b;
        public readonly double Score = score;
        // Bits 0-28: the note's index in _notes plus one (0: none); 29-30: the relation; 31: the best mark.
        private uint _packed = (uint)(note + 1) | (uint)relation << NoteBits;

        /// <summary>The note's index in _notes; -1: none.</summary>
        public readonly int Note => (int)(_packed & MaxNotes) - 1;

        /// <summary>The relation's index in RelationNames.</summary>
        public readonly byte Relation => (byte)(_packed >> NoteBits & 3);

        /// <summary>Whether it is the best same-topic match of one of its ends in the other's document.</summary>
        public bool Best
        {
            readonly get => _packed >> 31 != 0;
            set => _packed = value ? _packed | 1u << 31 : _packed & ~(1u << 31);
        }

        public readonly int Other(int holder) => A == holder ? B : A;
    }

    /// <summary>
    /// Takes a scored pair (A &lt; B). Pairs must come in ascending (A, B) order, each once (the candidates' order):
    /// a clause's best match in each other document is decided as its pairs go by.
    /// </summary>
    public void Offer(PairScore p)
    {
        if (_finished) throw new InvalidOperationException("already finished");
        var key = ((long)p.A << 32) | (uint)p.B;
        if (p.A >= p.B || key <= _lastOffered)
            throw new ArgumentException($"pairs must be offered once each, in ascending order: ({p.A}, {p.B}) after ({_lastOffered >> 32}, {(int)_lastOffered})", nameof(p));
        _lastOffered = key;
        Offered++;
        var pair = -1;
        if (p.Relation is not null)
        {
            pair = _related.Count;
            var relation = Array.IndexOf(RelationNames, p.Relation);
            if (relation < 0) throw new ArgumentException($"not a scored relation: {p.Relation}", nameof(p));
            _related.Add(new RelatedPair(p.A, p.B, p.Score, NoteId(p.Note), (byte)relation));
        }
        Meet(p.A, p.B, p.TopicScore, pair);
        Meet(p.B, p.A, p.TopicScore, pair);
    }

    /// <summary>
    /// Holder meets other through a pair: a new document ends the holder's run in the previous one (its best pair
    /// there is marked), a higher topic score in the same document replaces the best so far (on a tie, the lower
    /// other clause, met first, stays).
    /// </summary>
    private void Meet(int holder, int other, double topic, int pair)
    {
        var doc = c.DocOf[other];
        if (_runDoc[holder] != doc)
        {
            EndRun(holder);
            (_runDoc[holder], _runTopic[holder], _runPair[holder]) = (doc, topic, pair);
        }
        else if (topic > _runTopic[holder])
        {
            (_runTopic[holder], _runPair[holder]) = (topic, pair);
        }
    }

    private void EndRun(int holder)
    {
        if (_runPair[holder] >= 0) _related[_runPair[holder]].Best = true;
    }

    private int NoteId(string? note)
    {
        if (note is null) return -1;
        if (!_noteIds.TryGetValue(note, out var id))
        {
            if (_notes.Count == RelatedPair.MaxNotes) throw new InvalidOperationException($"more than {RelatedPair.MaxNotes} distinct link notes");
            _noteIds[note] = id = _notes.Count;
            _notes.Add(note);
        }
        return id;
    }

    /// <summary>Pairs offered so far.</summary>
    public long Offered { get; private set; }

    /// <summary>Pairs offered so far that support a relation (until Finish keeps those some clause keeps).</summary>
    public int Related => _related.Count;

    public void AddExplicit(int holder, ClauseLink link) => _explicit.Add((holder, link));

    /// <summary>Number of link ends <see cref="For"/> gives over all clauses (known once <see cref="Finish"/> ran).</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Decides which links each clause keeps (same-topic best matches, best scores per relation, explicit links):
    /// after this the sink is read-only and <see cref="For"/> may be called from several threads.
    /// </summary>
    public void Finish()
    {
        if (_finished) throw new InvalidOperationException("already finished");
        _finished = true;
        KeepBestSameTopic();
        var (start, ends) = ByHolder(_related.Count, k => (_related[k].A, _related[k].B));
        var kept = new int[c.Count][];
        Parallel.For(0, c.Count, i => kept[i] = Best(ends.AsSpan(start[i], start[i + 1] - start[i]), i));
        _keptPairs = KeepOnly(kept);
        _kept = kept;
        Count = kept.Sum(k => (long)k.Length);
        _explicitOf = [];
        foreach (var group in _explicit.GroupBy(e => e.Holder))
        {
            // A document-level cite lands on the cited document's first clause: keep the first MaxCitedBy.
            var links = group.Select(e => e.Link).DistinctBy(l => (l.Id, l.Relation)).Take(o.MaxCitedBy).ToArray();
            _explicitOf[group.Key] = links;
            Count += links.Length;
        }
    }

    /// <summary>
    /// The pairs some clause keeps, in pair order, with <paramref name="kept"/> renumbered to point into them; the
    /// rest are let go. The writer reads the kept pairs only, and at 10,000 documents all of them held ~0.9 GB
    /// (39.7M pairs, of which each clause keeps at most <see cref="LinkerOptions.MaxLinksPerRelation"/> a relation).
    /// </summary>
    private RelatedPair[] KeepOnly(int[][] kept)
    {
        var used = new int[kept.Sum(k => (long)k.Length)];
        var n = 0;
        foreach (var mine in kept)
            foreach (var k in mine) used[n++] = k;
        Array.Sort(used);
        var distinct = 0;
        foreach (var k in used)
            if (distinct == 0 || k != used[distinct - 1]) used[distinct++] = k;
        var pairs = new RelatedPair[distinct];
        for (var j = 0; j < distinct; j++) pairs[j] = _related[used[j]];
        Parallel.For(0, kept.Length, i =>
        {
            for (var x = 0; x < kept[i].Length; x++) kept[i][x] = Array.BinarySearch(used, 0, distinct, kept[i][x]);
        });
        _related.Truncate(0);
        return pairs;
    }

    /// <summary>
    /// Drops, in place and in order, the same-topic pairs where neither side is the other's best match in its
    /// document (highest topic score over all scored pairs, related or not, then lowest clause number): Sichuan's
    /// 园区 clause matches Guizhou's 园区绿色化 clause best, not every Guizhou clause that mentions 绿色发展.
    /// </summary>
    private void KeepBestSameTopic()
    {
        for (var i = 0; i < c.Count; i++) EndRun(i);
        var kept = 0;
        for (var k = 0; k < _related.Count; k++)
            if (_related[k].Relation != SameTopic || _related[k].Best) _related[kept++] = _related[k];
        _related.Truncate(kept);
    }

    /// <summary>
    /// The pairs clause <paramref name="holder"/> keeps of its own: for each relation (in the order the relations first
    /// occur among its pairs) the best <see cref="LinkerOptions.MaxLinksPerRelation"/> by score, then other clause.
    /// </summary>
    private int[] Best(ReadOnlySpan<int> mine, int holder)
    {
        var pairs = _related;
        if (mine.IsEmpty) return [];
        var relations = new List<byte>(RelationNames.Length);
        foreach (var k in mine)
            if (!relations.Contains(pairs[k].Relation)) relations.Add(pairs[k].Relation);
        var order = mine.ToArray();
        Array.Sort(order, (x, y) =>
        {
            ref var p = ref pairs[x];
            ref var q = ref pairs[y];
            var byRelation = relations.IndexOf(p.Relation).CompareTo(relations.IndexOf(q.Relation));
            return byRelation != 0 ? byRelation
                : q.Score != p.Score ? q.Score.CompareTo(p.Score)
                : p.Other(holder).CompareTo(q.Other(holder));
        });
        var chosen = new List<int>();
        for (int at = 0, taken = 0; at < order.Length; at++)
        {
            if (at > 0 && pairs[order[at]].Relation != pairs[order[at - 1]].Relation) taken = 0;
            if (taken++ < o.MaxLinksPerRelation) chosen.Add(order[at]);
        }
        return [.. chosen];
    }

    /// <summary>The pairs of each clause (at either end), in pair order: clause i's are ends[start[i]..start[i + 1]].</summary>
    private (int[] Start, int[] Ends) ByHolder(int count, Func<int, (int A, int B)> ends)
    {
        var start = new int[c.Count + 1];
        for (var k = 0; k < count; k++)
        {
            var (a, b) = ends(k);
            start[a + 1]++;
            start[b + 1]++;
        }
        for (var i = 0; i < c.Count; i++) start[i + 1] += start[i];
        var next = start[..^1];
        var byHolder = new int[2 * (long)count];
        for (var k = 0; k < count; k++)
        {
            var (a, b) = ends(k);
            byHolder[next[a]++] = k;
            byHolder[next[b]++] = k;
        }
        return (start, byHolder);
    }

    /// <summary>
    /// The links of clause <paramref name="i"/>, their evidence (shared wording and tags) computed now:
    /// held for every clause of a large corpus at once, the evidence would outweigh the corpus itself.
    /// </summary>
    public IReadOnlyList<ClauseLink> For(int i)
    {
        var kept = _kept ?? throw new InvalidOperationException("Finish() first");
        var list = new List<ClauseLink>(kept[i].Length);
        foreach (var k in kept[i])
            list.Add(MakeLink(i, _keptPairs[k]));
        if (_explicitOf.TryGetValue(i, out var explicitLinks))
            list.AddRange(explicitLinks);
        // Stable: links of one relation and score stay in the order Finish gave them (other clause ascending).
        return [.. list.OrderBy(l => RelationRank(l.Relation)).ThenByDescending(l => l.Score)];
    }

    private static int RelationRank(string r) => r switch
    {
        Relations.Cites => 0,
        Relations.Implements => 1,
        Relations.NearVerbatim => 2,
        Relations.Paraphrase => 3,
        _ => 4,
    };

    private ClauseLink MakeLink(int holder, in RelatedPair p)
    {
        var other = p.Other(holder);
        var relation = RelationNames[p.Relation];
        var note = p.Note < 0 ? null : _notes[p.Note];
        var h = c.Clauses[holder];
        var t = c.Clauses[other];
        var sharedTags = h.Topics.Intersect(t.Topics).Concat(h.Industries.Intersect(t.Industries)).ToList();
        LinkEvidence evidence;
        if (relation == Relations.NearVerbatim)
        {
            // The diff, the aligned text and the share aligned are computed when the link is shown (LinkExplainer).
            evidence = new LinkEvidence { SharedTags = sharedTags, Note = note };
        }
        else
        {
            var runs = relation == Relations.SameTopic
                ? PairScorer.SharedRuns(c.Content(holder), TextFeatures.Shingles(c.Content(other), 2), 2, b => Array.BinarySearch(_boilerplate, b) < 0)
                : PairScorer.SharedRuns(c.Content(holder), TextFeatures.Shingles(c.Content(other), 4), 4, _ => true);
            evidence = new LinkEvidence
            {
                Common = string.Join("…", runs.OrderByDescending(r => r.Length).Take(8)),
                SharedTags = sharedTags,
                Note = note,
            };
        }
        return new ClauseLink(t.Id, relation, Math.Round(p.Score, 3), Linker.Direction(c.Level(holder), c.Level(other)), evidence);
    }
}
