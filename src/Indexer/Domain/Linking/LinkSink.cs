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
    // Offered pairs until Finish, in the order offered. Pairs that support no relation only take part in choosing
    // each clause's best same-topic match per document, so they keep their ends and topic score alone (16 bytes, not
    // 40): most of the tens of millions of scored candidates are such pairs. Finish drops them, and the related
    // pairs that are no clause's best same-topic match; the kept links point into what is left of _related.
    private readonly BlockList<PairScore> _related = new();
    private BlockList<TopicOnly>? _topicOnly = new();
    private readonly List<(int Holder, ClauseLink Link)> _explicit = [];
    private int[][]? _kept; // per clause, the indexes in _related of the pairs it keeps
    private Dictionary<int, ClauseLink[]> _explicitOf = [];

    public ClauseTable Table => c;

    private readonly record struct TopicOnly(int A, int B, double TopicScore);

    public void Offer(PairScore p)
    {
        if (_topicOnly is null) throw new InvalidOperationException("already finished");
        if (p.Relation is null) _topicOnly.Add(new TopicOnly(p.A, p.B, p.TopicScore));
        else _related.Add(p);
    }

    /// <summary>Pairs offered so far (until <see cref="Finish"/>).</summary>
    public long Offered => _related.Count + (long)(_topicOnly?.Count ?? 0);

    public void AddExplicit(int holder, ClauseLink link) => _explicit.Add((holder, link));

    /// <summary>Number of link ends <see cref="For"/> gives over all clauses (known once <see cref="Finish"/> ran).</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Decides which links each clause keeps (same-topic best matches, best scores per relation, explicit links):
    /// after this the sink is read-only and <see cref="For"/> may be called from several threads.
    /// </summary>
    public void Finish()
    {
        KeepLinks(_related, _topicOnly ?? throw new InvalidOperationException("already finished"));
        _topicOnly = null;
        var (start, ends) = ByHolder(_related.Count, k => (_related[k].A, _related[k].B));
        var kept = new int[c.Count][];
        Parallel.For(0, c.Count, i => kept[i] = Best(ends.AsSpan(start[i], start[i + 1] - start[i]), i));
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
    /// The pairs clause <paramref name="holder"/> keeps of its own: for each relation (in the order the relations first
    /// occur among its pairs) the best <see cref="LinkerOptions.MaxLinksPerRelation"/> by score, then other clause.
    /// </summary>
    private int[] Best(ReadOnlySpan<int> mine, int holder)
    {
        var pairs = _related;
        if (mine.IsEmpty) return [];
        var relations = new List<string>(4);
        foreach (var k in mine)
            if (!relations.Contains(pairs[k].Relation!)) relations.Add(pairs[k].Relation!);
        var order = mine.ToArray();
        Array.Sort(order, (x, y) =>
        {
            ref var p = ref pairs[x];
            ref var q = ref pairs[y];
            var byRelation = relations.IndexOf(p.Relation!).CompareTo(relations.IndexOf(q.Relation!));
            return byRelation != 0 ? byRelation
                : q.Score != p.Score ? q.Score.CompareTo(p.Score)
                : Other(p, holder).CompareTo(Other(q, holder));
        });
        var chosen = new List<int>();
        for (int at = 0, taken = 0; at < order.Length; at++)
        {
            if (at > 0 && pairs[order[at]].Relation != pairs[order[at - 1]].Relation) taken = 0;
            if (taken++ < o.MaxLinksPerRelation) chosen.Add(order[at]);
        }
        return [.. chosen];
    }

    /// <summary>
    /// Drops, in place and in order, the same-topic pairs where neither side is the other's best match in its
    /// document (highest topic score over all scored pairs, related or not, then lowest clause number): Sichuan's
    /// 园区 clause matches Guizhou's 园区绿色化 clause best, not every Guizhou clause that mentions 绿色发展.
    /// </summary>
    private void KeepLinks(BlockList<PairScore> related, BlockList<TopicOnly> topicOnly)
    {
        // Pair k is related[k] below related.Count, else topicOnly[k - related.Count].
        var n = related.Count;
        (int A, int B) Ends(int k) => k < n ? (related[k].A, related[k].B) : (topicOnly[k - n].A, topicOnly[k - n].B);
        double Topic(int k) => k < n ? related[k].TopicScore : topicOnly[k - n].TopicScore;
        var best = new bool[n];
        var (start, ends) = ByHolder(checked(n + topicOnly.Count), Ends);
        var byOther = new List<(int Other, int Pair)>();
        for (var i = 0; i < c.Count; i++)
        {
            byOther.Clear();
            for (var e = start[i]; e < start[i + 1]; e++)
            {
                var (a, b) = Ends(ends[e]);
                byOther.Add((a == i ? b : a, ends[e]));
            }
            // Clauses are numbered document by document: the other ends in one document are adjacent once sorted.
            byOther.Sort();
            for (var g = 0; g < byOther.Count;)
            {
                var doc = c.DocOf[byOther[g].Other];
                var top = byOther[g].Pair;
                for (g++; g < byOther.Count && c.DocOf[byOther[g].Other] == doc; g++)
                    if (Topic(byOther[g].Pair) > Topic(top)) top = byOther[g].Pair;
                if (top < n) best[top] = true;
            }
        }
        var kept = 0;
        for (var k = 0; k < n; k++)
            if (related[k].Relation != Relations.SameTopic || best[k]) related[kept++] = related[k];
        related.Truncate(kept);
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

    private static int Other(PairScore p, int holder) => p.A == holder ? p.B : p.A;

    /// <summary>
    /// The links of clause <paramref name="i"/>, their evidence (shared wording and tags) computed now:
    /// held for every clause of a large corpus at once, the evidence would outweigh the corpus itself.
    /// </summary>
    public IReadOnlyList<ClauseLink> For(int i)
    {
        var kept = _kept ?? throw new InvalidOperationException("Finish() first");
        var list = new List<ClauseLink>(kept[i].Length);
        foreach (var k in kept[i])
            list.Add(MakeLink(i, Other(_related[k], i), _related[k]));
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
            // The diff, the aligned text and the share aligned are computed when the link is shown (LinkExplainer).
            evidence = new LinkEvidence { SharedTags = sharedTags, Note = p.Note };
        }
        else
        {
            var runs = p.Relation == Relations.SameTopic
                ? PairScorer.SharedRuns(c.Content[holder], TextFeatures.Shingles(c.Content[other], 2), 2, b => Array.BinarySearch(_boilerplate, b) < 0)
                : PairScorer.SharedRuns(c.Content[holder], TextFeatures.Shingles(c.Content[other], 4), 4, _ => true);
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
