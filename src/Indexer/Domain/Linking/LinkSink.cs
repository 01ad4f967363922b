namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Collects scored pairs and explicit links, keeps the best few per holder clause and relation, and only
/// then computes the evidence (character diffs) for the links that are kept — diffs cost far more than
/// scoring, and a corpus of near-copies (a plan re-issued by 100 cities) has many more candidates than links.
/// </summary>
internal sealed class LinkSink(CorpusFeatures c, LinkerOptions o)
{
    private readonly List<PairScore> _pairs = [];
    // Best topic score of clause i among the clauses of document d: key (i, d).
    private readonly Dictionary<(int, int), (double Score, int Other)> _bestInDoc = [];
    private readonly List<(int Holder, ClauseLink Link)> _explicit = [];
    private List<ClauseLink>[]? _final;

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

    public IReadOnlyList<ClauseLink> For(int i) => (_final ??= Finish())[i];

    private List<ClauseLink>[] Finish()
    {
        var byHolder = new List<(PairScore P, int Other)>[c.Count];
        for (var i = 0; i < c.Count; i++) byHolder[i] = [];
        foreach (var p in _pairs)
        {
            byHolder[p.A].Add((p, p.B));
            byHolder[p.B].Add((p, p.A));
        }
        var diffs = new Dictionary<(int, int), IReadOnlyList<DiffOp>>();
        var final = new List<ClauseLink>[c.Count];
        for (var i = 0; i < c.Count; i++)
        {
            var kept = byHolder[i]
                .GroupBy(x => x.P.Relation!)
                .SelectMany(g => g.OrderByDescending(x => x.P.Score).ThenBy(x => x.Other).Take(o.MaxLinksPerRelation));
            final[i] = kept.Select(x => MakeLink(i, x.Other, x.P, diffs)).ToList();
        }
        foreach (var group in _explicit.GroupBy(e => e.Holder))
        {
            // A document-level cite lands on the cited document's first clause: keep the first MaxCitedBy.
            final[group.Key].AddRange(group.Select(e => e.Link)
                .DistinctBy(l => (l.Id, l.Relation))
                .Take(o.MaxCitedBy));
        }
        foreach (var list in final)
            list.Sort((x, y) => RelationRank(x.Relation) != RelationRank(y.Relation)
                ? RelationRank(x.Relation).CompareTo(RelationRank(y.Relation))
                : y.Score.CompareTo(x.Score));
        return final;
    }

    private static int RelationRank(string r) => r switch
    {
        Relations.Cites => 0,
        Relations.Implements => 1,
        Relations.NearVerbatim => 2,
        Relations.Paraphrase => 3,
        _ => 4,
    };

    private ClauseLink MakeLink(int holder, int other, PairScore p, Dictionary<(int, int), IReadOnlyList<DiffOp>> diffs)
    {
        var h = c.Clauses[holder];
        var t = c.Clauses[other];
        var sharedTags = h.Topics.Select(x => x.Name).Intersect(t.Topics.Select(x => x.Name))
            .Concat(h.Industries.Select(x => x.Name).Intersect(t.Industries.Select(x => x.Name)))
            .ToList();
        LinkEvidence evidence;
        if (p.Relation == Relations.NearVerbatim)
        {
            // Diff from the linked text to the holder's: computed once per pair, read backwards by the other end.
            IReadOnlyList<DiffOp> diff;
            if (diffs.TryGetValue((other, holder), out var d)) diff = d;
            else if (diffs.TryGetValue((holder, other), out var back)) diff = CharDiff.Invert(back);
            else diffs[(other, holder)] = diff = CharDiff.Diff(t.Text, h.Text);
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
