namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Collects scored pairs and explicit links, keeps the best few per holder clause and relation as the pairs stream by,
/// and only then computes the evidence (shared wording and tags) for the links that are kept. Evidence is computed
/// when a clause's links are asked for, so a writer streaming documents holds the evidence of the documents
/// in hand only; near-verbatim diffs are not computed here at all (<see cref="LinkExplainer"/>).
/// </summary>
internal sealed class LinkSink(CorpusFeatures features, LinkerOptions o)
{
    // The clauses and the boilerplate bigrams only: the sink outlives the scoring features.
    private readonly ClauseTable c = features.Table;
    private readonly ulong[] _boilerplate = features.BoilerplateBigrams;
    // Per holder clause, the pairs it keeps so far: for each relation the best MaxLinksPerRelation by score, then
    // other clause (a pair both ends keep is held at each). Every pair that supports a relation was held until the
    // links were chosen: 39.7M pairs at 10,000 documents, ~0.8 GB, of which the clauses keep ~4M.
    private readonly RelatedPair[][] _held = new RelatedPair[features.Count][];
    private readonly int[] _heldCount = new int[features.Count];
    // The notes of the pairs (整句照搬 42 字, 同一量化目标), each distinct note once.
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _noteIds = new(StringComparer.Ordinal);
    // Per holder clause, the document of the other ends seen last and the best topic score among them so far (the
    // same-topic pair's serial number, or -1 for a pair of another relation or none). Pairs come in ascending (A, B)
    // order, and clauses are numbered document by document, so each clause meets the clauses of one other document in
    // one run, in ascending order: its best match there is known when the run ends, without keeping the pairs that
    // support no relation or grouping every pair by holder a second time.
    private readonly int[] _runDoc = Enumerable.Repeat(-1, features.Count).ToArray();
    private readonly double[] _runTopic = new double[features.Count];
    private readonly int[] _runPair = Enumerable.Repeat(-1, features.Count).ToArray();
    // The same-topic pairs whose first clause is in the document being read (_scanDoc), numbered from _pendingBase:
    // each is kept only if it is one end's best match in the other's document, which is known once that document
    // has been read (see Resolve).
    private readonly List<RelatedPair> _pending = [];
    private int _pendingBase;
    private int _scanDoc = -1;
    private long _lastOffered = -1;
    private bool _finished;
    private readonly List<(int Holder, ClauseLink Link)> _explicit = [];
    private Dictionary<int, ClauseLink[]> _explicitOf = [];

    public ClauseTable Table => c;

    private static readonly string[] RelationNames = [Relations.NearVerbatim, Relations.Paraphrase, Relations.SameTopic];
    private const byte SameTopic = 2; // Relations.SameTopic in RelationNames

    /// <summary>
    /// A pair that supports a relation, as held: 20 bytes, where a <see cref="PairScore"/> takes 40. The note, the
    /// relation and the best mark share one word. The topic score is not kept: it only decides the best matches, as
    /// the pair is offered.
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

        /// <summary>Whether, for <paramref name="holder"/>, this pair comes before <paramref name="other"/> of the same relation: higher score, then lower other clause.</summary>
        public readonly bool Before(in RelatedPair other, int holder) =>
            Score != other.Score ? Score > other.Score : Other(holder) < other.Other(holder);
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
        if (c.DocOf[p.A] != _scanDoc)
        {
            Resolve();
            _scanDoc = c.DocOf[p.A];
        }
        var serial = -1;
        if (p.Relation is not null)
        {
            Related++;
            var relation = Array.IndexOf(RelationNames, p.Relation);
            if (relation < 0) throw new ArgumentException($"not a scored relation: {p.Relation}", nameof(p));
            var pair = new RelatedPair(p.A, p.B, p.Score, NoteId(p.Note), (byte)relation);
            if (relation == SameTopic)
            {
                serial = _pendingBase + _pending.Count;
                _pending.Add(pair);
            }
            else
            {
                Hold(p.A, pair);
                Hold(p.B, pair);
            }
        }
        Meet(p.A, p.B, p.TopicScore, serial);
        Meet(p.B, p.A, p.TopicScore, serial);
    }

    /// <summary>
    /// Holder meets other through a pair: a new document ends the holder's run in the previous one (its best pair
    /// there is marked), a higher topic score in the same document replaces the best so far (on a tie, the lower
    /// other clause, met first, stays).
    /// </summary>
    private void Meet(int holder, int other, double topic, int serial)
    {
        var doc = c.DocOf[other];
        if (_runDoc[holder] != doc)
        {
            EndRun(holder);
            (_runDoc[holder], _runTopic[holder], _runPair[holder]) = (doc, topic, serial);
        }
        else if (topic > _runTopic[holder])
        {
            (_runTopic[holder], _runPair[holder]) = (topic, serial);
        }
    }

    /// <summary>Marks the holder's best pair in its run, if it is a same-topic pair still pending (an earlier one was settled by Resolve).</summary>
    private void EndRun(int holder)
    {
        if (_runPair[holder] >= _pendingBase) System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending)[_runPair[holder] - _pendingBase].Best = true;
    }

    /// <summary>
    /// Settles the pending same-topic pairs once the document holding their first clauses (_scanDoc) has been read:
    /// those clauses will meet no other clause, and the second clauses of the pairs have met all of that document
    /// they will meet (pairs come in ascending order, clauses numbered document by document). A pair is held by both
    /// ends if it is the best match of either end in the other's document.
    /// </summary>
    private void Resolve()
    {
        if (_scanDoc < 0) return;
        var first = c.Index(_scanDoc, 0);
        for (var i = first; i < first + c.Docs[_scanDoc].Clauses.Count; i++) EndRun(i);
        var pending = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pending);
        for (var k = 0; k < pending.Length; k++)
        {
            ref var pair = ref pending[k];
            if (pair.Best || (_runDoc[pair.B] == _scanDoc && _runPair[pair.B] == _pendingBase + k))
            {
                Hold(pair.A, pair);
                Hold(pair.B, pair);
            }
        }
        _pendingBase += _pending.Count;
        _pending.Clear();
    }

    /// <summary>
    /// Offers a pair to one of its ends: held if the holder holds fewer than MaxLinksPerRelation of its relation, or
    /// in place of the last of them if it comes before it.
    /// </summary>
    private void Hold(int holder, in RelatedPair pair)
    {
        if (o.MaxLinksPerRelation <= 0) return;
        var held = _held[holder] ?? [];
        var count = _heldCount[holder];
        int same = 0, last = -1;
        for (var k = 0; k < count; k++)
        {
            if (held[k].Relation != pair.Relation) continue;
            same++;
            if (last < 0 || held[last].Before(held[k], holder)) last = k;
        }
        if (same >= o.MaxLinksPerRelation)
        {
            if (pair.Before(held[last], holder)) held[last] = pair;
            return;
        }
        if (count == held.Length)
            Array.Resize(ref held, Math.Max(4, Math.Min(2 * count, RelationNames.Length * o.MaxLinksPerRelation)));
        held[count] = pair;
        (_held[holder], _heldCount[holder]) = (held, count + 1);
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

    /// <summary>Pairs offered so far that support a relation.</summary>
    public int Related { get; private set; }

    public void AddExplicit(int holder, ClauseLink link) => _explicit.Add((holder, link));

    /// <summary>Number of link ends <see cref="For"/> gives over all clauses (known once <see cref="Finish"/> ran).</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Settles the last document's pairs and orders what each clause holds (relation, then score, then other clause),
    /// each holder's list cut to its length; adds the explicit links. After this the sink is read-only and
    /// <see cref="For"/> may be called from several threads.
    /// </summary>
    public void Finish()
    {
        if (_finished) throw new InvalidOperationException("already finished");
        _finished = true;
        Resolve();
        Parallel.For(0, c.Count, i =>
        {
            if (_held[i] is not { } held) return;
            Array.Resize(ref held, _heldCount[i]);
            Array.Sort(held, (x, y) => x.Relation != y.Relation ? x.Relation.CompareTo(y.Relation) : x.Before(y, i) ? -1 : y.Before(x, i) ? 1 : 0);
            _held[i] = held;
        });
        Count = _heldCount.Sum(k => (long)k);
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
    /// The links of clause <paramref name="i"/>, their evidence (shared wording and tags) computed now:
    /// held for every clause of a large corpus at once, the evidence would outweigh the corpus itself.
    /// </summary>
    public IReadOnlyList<ClauseLink> For(int i)
    {
        if (!_finished) throw new InvalidOperationException("Finish() first");
        var held = _held[i] ?? [];
        var list = new List<ClauseLink>(held.Length);
        foreach (var pair in held)
            list.Add(MakeLink(i, pair));
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
        return new ClauseLink(c.Id(other), relation, Math.Round(p.Score, 3), Linker.Direction(c.Level(holder), c.Level(other)), evidence);
    }
}
