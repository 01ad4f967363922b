namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Collects scored pairs and explicit links, keeps the best few per holder clause and relation, and only
/// then computes the evidence (character diffs) for the links that are kept — diffs cost far more than
/// scoring, and a corpus of near-copies (a plan re-issued by 100 cities) has many more candidates than links.
/// Evidence is computed when a clause's links are asked for, so a writer streaming documents holds the
/// evidence of the documents in hand only.
/// </summary>
internal sealed class LinkSink(CorpusFeatures c, LinkerOptions o)
{
    private readonly List<PairScore> _pairs = [];
    // Best topic score of clause i among the clauses of document d: key (i, d).
    private readonly Dictionary<(int, int), (double Score, int Other)> _bestInDoc = [];
    private readonly List<(int Holder, ClauseLink Link)> _explicit = [];
    private (PairScore P, int Other)[][]? _kept;
    private Dictionary<int, ClauseLink[]> _explicitOf = [];
    // Near-verbatim diffs computed for one end of a pair and not yet taken by the other.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int From, int To), IReadOnlyList<DiffOp>> _diffs = new();

    public void Offer(PairScore p)
    {
        Best(p.A, p.B, p.TopicScore);
        Best(p.B, p.A, p.TopicScore);
        if (p.Relation is not null) _pairs.Add(p);
    }

    private void Best(int i, int j, double score)
    {
        var key = (i, c.DocOf[j]);
        if (!_bestInDoc.TryGetValue(key, out var cur) || score > cur.Score || (score == cur.Score && j < cur.Other))
            _bestInDoc[key] = (score, j);
    }

    /// <summary>
    /// A same-topic pair is kept only when one side is the other's best match in its document: Sichuan's
    /// 园区 clause matches Guizhou's 园区绿色化 clause best, not every Guizhou clause that mentions 绿色发展.
    /// </summary>
    public void KeepSameTopicBest() =>
        _pairs.RemoveAll(p => p.Relation == Relations.SameTopic
            && _bestInDoc[(p.A, c.DocOf[p.B])].Other != p.B
            && _bestInDoc[(p.B, c.DocOf[p.A])].Other != p.A);

    public void AddExplicit(int holder, ClauseLink link) => _explicit.Add((holder, link));

    /// <summary>Number of link ends <see cref="For"/> gives over all clauses (known once <see cref="Finish"/> ran).</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Decides which links each clause keeps (best scores per relation, explicit links): after this the sink
    /// is read-only and <see cref="For"/> may be called from several threads.
    /// </summary>
    public void Finish()
    {
        var byHolder = new List<(PairScore P, int Other)>[c.Count];
        for (var i = 0; i < c.Count; i++) byHolder[i] = [];
        foreach (var p in _pairs)
        {
            byHolder[p.A].Add((p, p.B));
            byHolder[p.B].Add((p, p.A));
        }
        _kept = new (PairScore P, int Other)[c.Count][];
        for (var i = 0; i < c.Count; i++)
        {
            _kept[i] = byHolder[i]
                .GroupBy(x => x.P.Relation!)
                .SelectMany(g => g.OrderByDescending(x => x.P.Score).ThenBy(x => x.Other).Take(o.MaxLinksPerRelation))
                .ToArray();
            Count += _kept[i].Length;
        }
        _pairs.Clear();
        _bestInDoc.Clear();
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
    /// The links of clause <paramref name="i"/>, their evidence (character diffs, shared wording) computed now:
    /// held for every clause of a large corpus at once, the evidence would outweigh the corpus itself.
    /// </summary>
    public IReadOnlyList<ClauseLink> For(int i)
    {
        var kept = _kept ?? throw new InvalidOperationException("Finish() first");
        var list = new List<ClauseLink>(kept[i].Length);
        foreach (var (p, other) in kept[i])
            list.Add(MakeLink(i, other, p));
        if (_explicitOf.TryGetValue(i, out var explicitLinks))
            list.AddRange(explicitLinks);
        list.Sort((x, y) => RelationRank(x.Relation) != RelationRank(y.Relation)
            ? RelationRank(x.Relation).CompareTo(RelationRank(y.Relation))
            : y.Score.CompareTo(x.Score));
        return list;
    }

    private static int RelationRank(string r) => r switch
    {
        Relations.Cites => 0,
        Relations.Implements => 1,
        Relations.NearVerbatim => 2,
        Relations.Paraphrase => 3,
        _ => 4,
    };

    private ClauseLink MakeLink(int holder, int other, PairScore p)
    {
        var h = c.Clauses[holder];
        var t = c.Clauses[other];
        var sharedTags = h.Topics.Select(x => x.Name).Intersect(t.Topics.Select(x => x.Name))
            .Concat(h.Industries.Select(x => x.Name).Intersect(t.Industries.Select(x => x.Name)))
            .ToList();
        LinkEvidence evidence;
        if (p.Relation == Relations.NearVerbatim)
        {
            // Diff from the linked text to the holder's. One diff per pair, always from the later clause's text
            // to the earlier's and read backwards at the later end: a diff and the inverse of the opposite diff
            // can differ in the order of edits, and the index must not depend on which end a (parallel) writer
            // reads first. Kept until the other end takes it, when the other end keeps the link too.
            var (lo, hi) = holder < other ? (holder, other) : (other, holder);
            if (!_diffs.TryRemove((lo, hi), out var forward))
            {
                forward = CharDiff.Diff(c.Clauses[hi].Text, c.Clauses[lo].Text);
                if (Array.Exists(_kept![other], k => k.Other == holder))
                    _diffs[(lo, hi)] = forward;
            }
            var diff = holder == lo ? forward : CharDiff.Invert(forward);
            var aligned = CharDiff.CommonContentChars(diff) / (double)Math.Max(1, Math.Min(c.Content[holder].Length, c.Content[other].Length));
            evidence = new LinkEvidence
            {
                Common = CharDiff.CommonText(diff),
                Diff = diff,
                SharedTags = sharedTags,
                Note = p.Note ?? $"字符对齐 {Math.Min(1, aligned):P0}",
            };
        }
        else
        {
            var runs = p.Relation == Relations.SameTopic
                ? PairScorer.SharedRuns(c.Content[holder], c.Bigrams[other], 2, b => c.Informative(b, o))
                : PairScorer.SharedRuns(c.Content[holder], c.Shingles[other], 4, _ => true);
            evidence = new LinkEvidence
            {
                Common = string.Join("…", runs.OrderByDescending(r => r.Length).Take(8)),
                SharedTags = sharedTags,
                Note = p.Note,
            };
        }
        return new ClauseLink(t.Id, p.Relation!, Math.Round(p.Score, 3), Linker.Direction(c.Level(holder), c.Level(other)), evidence);
    }
}
