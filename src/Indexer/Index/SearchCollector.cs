using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GreenPolicy.Index;

/// <summary>One active filter dimension: which documents of a segment pass it.</summary>
internal abstract class FilterDimension
{
    protected FilterDimension(string name) => Name = name;

    public string Name { get; }

    /// <summary>Null when no document of the segment passes.</summary>
    public abstract Func<int, bool> ForSegment(AtomicReader reader);
}

/// <summary>Documents holding any of the terms (values of one dimension are OR-ed).</summary>
internal sealed class TermsDimension : FilterDimension
{
    private readonly string field;
    private readonly IReadOnlyList<string> values;

    public TermsDimension(string name, string field, IReadOnlyList<string> values) : base(name)
    {
        this.field = field;
        this.values = values;
    }

    public override Func<int, bool> ForSegment(AtomicReader reader)
    {
        var terms = values.Select(v => new Term(field, v)).ToList();
        var count = terms.Sum(t => (long)reader.DocFreq(t));
        if (count == 0)
        {
            return _ => false;
        }
        // A rare term (an industry's name passed over, a small document) as its sorted documents: a bit per document
        // of a million-clause segment is 135 KB a query for a few hundred matches.
        if (count * 32 < reader.MaxDoc)
        {
            var sorted = new List<int>((int)count);
            ForEachDoc(reader, terms, sorted.Add);
            sorted.Sort();
            var docs = sorted.ToArray();
            return d => Array.BinarySearch(docs, d) >= 0;
        }
        var bits = new FixedBitSet(reader.MaxDoc);
        ForEachDoc(reader, terms, bits.Set);
        return bits.Get;
    }

    private static void ForEachDoc(AtomicReader reader, IEnumerable<Term> terms, Action<int> add)
    {
        foreach (var term in terms)
        {
            var docs = reader.GetTermDocsEnum(term);
            for (var d = docs?.NextDoc() ?? DocIdSetIterator.NO_MORE_DOCS; d != DocIdSetIterator.NO_MORE_DOCS; d = docs!.NextDoc())
            {
                add(d);
            }
        }
    }
}

/// <summary>Documents other than the given ones (index-wide doc ids): a search's partial matches leave out its full matches.</summary>
internal sealed class ExcludedDimension : FilterDimension
{
    private readonly IReadOnlySet<int> excluded;
    private readonly Dictionary<AtomicReader, int> docBases;

    public ExcludedDimension(string name, IndexReader top, IReadOnlySet<int> excluded) : base(name)
    {
        this.excluded = excluded;
        docBases = top.Leaves.ToDictionary(l => l.AtomicReader, l => l.DocBase); // readers compare by identity
    }

    public override Func<int, bool> ForSegment(AtomicReader reader)
    {
        var docBase = docBases[reader];
        return d => !excluded.Contains(docBase + d);
    }
}

/// <summary>Documents whose numeric doc value satisfies a predicate (status from the period's end year).</summary>
internal sealed class NumericDimension : FilterDimension
{
    private readonly string field;
    private readonly Func<long, bool> accept;

    public NumericDimension(string name, string field, Func<long, bool> accept) : base(name)
    {
        this.field = field;
        this.accept = accept;
    }

    public override Func<int, bool> ForSegment(AtomicReader reader)
    {
        var values = reader.GetNumericDocValues(field);
        return values is null ? _ => accept(0) : d => accept(values.Get(d));
    }
}

/// <summary>
/// Collects in one pass: the total and the best hits among documents passing every filter, and the
/// facet counts of each dimension under the OTHER active filters (a document failing only the
/// industry filter still counts in the industry facet: "drill sideways"). Our own implementation over
/// sorted-set doc values, since no Facet package is served. Runs once per match, so it allocates
/// nothing there: counts go into one array over the segment's shared ordinal space, and a match that
/// cannot enter the kept page is turned away by one comparison with the worst kept hit.
/// </summary>
internal sealed class SearchCollector : ICollector
{
    private readonly FilterDimension[] filters;
    private readonly string[] facetDims;
    private readonly int keep;
    private readonly bool byOrder;
    private readonly PriorityQueue<(int Doc, float Score, long Seq), (float, long)> heap;
    private readonly List<(FacetOrdinals Ordinals, int[] Counts)> counted = [];
    private readonly Func<AtomicReaderContext, FacetOrdinals> ordinalsOf;
    private readonly (FilterDimension Dimension, float Factor)[] boosts;

    private Scorer? scorer;
    private int docBase;
    private Func<int, bool>[] segmentFilters = [];
    /// <summary>Per filter: the dimension of the segment's ordinals it counts sideways in, or -1.</summary>
    private int[] filterToFacet = [];
    private FacetOrdinals? segmentFacets;
    private int[]? segmentCounts;
    /// <summary>Counts of the segment's per-document ordinal groups (<see cref="FacetOrdinals.CountHit"/>).</summary>
    private int[] segmentGroupCounts = [];
    /// <summary>Per filter: the group counts of the hits counted sideways in its dimension (<see cref="FacetOrdinals.CountHitIn"/>).</summary>
    private int[][] sidewaysGroupCounts = [];
    private long[]? sequence;
    private (Func<int, bool> Matches, float Factor)[] segmentBoosts = [];
    // The worst kept hit once the heap is full: a match below it is dropped without touching the heap.
    private bool full;
    private float worstScore;
    private long worstSeq;

    /// <param name="facetDims">The dimensions to count (none: no counting at all).</param>
    /// <param name="boosts">Multiplicative boosts: a clause in one of the dimension's documents has its score multiplied by the factor.</param>
    public SearchCollector(IReadOnlyList<FilterDimension> filters, IReadOnlyList<string> facetDims, int keep, bool byOrder,
        IReadOnlyList<(FilterDimension Dimension, float Factor)>? boosts = null, Func<AtomicReaderContext, FacetOrdinals>? ordinals = null)
    {
        ordinalsOf = ordinals ?? (c => FacetOrdinals.Build(c.AtomicReader, facetDims));
        this.boosts = [.. boosts ?? []];
        this.filters = [.. filters];
        this.facetDims = [.. facetDims];
        this.keep = Math.Max(1, keep);
        this.byOrder = byOrder;
        // The heap's top is the worst kept hit: lowest score (relevance) or highest sequence (order);
        // among equal scores the later clause in reading order goes first.
        heap = new PriorityQueue<(int, float, long), (float, long)>(this.keep,
            Comparer<(float Score, long Seq)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Seq.CompareTo(a.Seq)));
    }

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        docBase = context.DocBase;
        var reader = context.AtomicReader;
        segmentFilters = filters.Select(f => f.ForSegment(reader)).ToArray();
        var ordinals = ordinalsOf(context);
        segmentFacets = facetDims.Length == 0 ? null : ordinals;
        segmentCounts = segmentFacets is null ? null : new int[segmentFacets.OrdinalCount];
        segmentGroupCounts = segmentFacets is null ? [] : segmentFacets.NewGroupCounts();
        filterToFacet = filters.Select(f => FacetIndex(ordinals, f.Name)).ToArray();
        sidewaysGroupCounts = segmentFacets is null ? [] : filterToFacet.Select(d => d >= 0 ? segmentFacets.NewGroupCounts() : []).ToArray();
        sequence = ordinals.Sequences;
        segmentBoosts = boosts.Select(b => (b.Dimension.ForSegment(reader), b.Factor)).ToArray();
    }

    /// <summary>The dimension's index in the segment's ordinals when it is one this collector counts, else -1.</summary>
    private int FacetIndex(FacetOrdinals ordinals, string name) =>
        Array.IndexOf(facetDims, name) >= 0 ? ordinals.DimensionIndex(name) : -1;

    public void Collect(int doc)
    {
        var failed = -1;
        var segmentFilters = this.segmentFilters;
        for (var i = 0; i < segmentFilters.Length; i++)
        {
            if (!segmentFilters[i](doc))
            {
                if (failed >= 0)
                {
                    return;
                }
                failed = i;
            }
        }
        if (failed >= 0)
        {
            if (filterToFacet[failed] >= 0 && segmentCounts is not null)
            {
                segmentFacets!.CountHitIn(filterToFacet[failed], doc, segmentCounts, sidewaysGroupCounts[failed]);
            }
            return;
        }
        Total++;
        if (segmentCounts is not null)
        {
            segmentFacets!.CountHit(doc, segmentCounts, segmentGroupCounts);
        }
        var seq = sequence is null ? doc : sequence[doc];
        var score = byOrder ? 0f : scorer?.GetScore() ?? 0f;
        foreach (var (matches, factor) in segmentBoosts)
        {
            if (factor > 1f && matches(doc))
            {
                score *= factor;
            }
        }
        if (Turned(score, seq))
        {
            return;
        }
        // A factor below 1 can only turn a hit away: asked only of a hit that would otherwise be kept (the hits of
        // 钢铁 number 100,000 at a million clauses; the clauses that merely pass its name over, a few hundred).
        foreach (var (matches, factor) in segmentBoosts)
        {
            if (factor < 1f && matches(doc))
            {
                score *= factor;
            }
        }
        Offer(docBase + doc, score, seq);
    }

    /// <summary>Whether a hit of this score and sequence cannot enter the kept page.</summary>
    private bool Turned(float score, long seq) => full && (score < worstScore || score == worstScore && seq >= worstSeq);

    private void Offer(int doc, float score, long seq)
    {
        if (Turned(score, seq))
        {
            return;
        }
        var key = (score, seq);
        if (heap.Count < keep)
        {
            heap.Enqueue((doc, score, seq), key);
        }
        else if (heap.TryPeek(out _, out var worst) && heap.Comparer.Compare(key, worst) > 0)
        {
            heap.DequeueEnqueue((doc, score, seq), key);
        }
        if (heap.Count >= keep && heap.TryPeek(out _, out var top))
        {
            full = true;
            (worstScore, worstSeq) = top;
        }
    }

    /// <summary>
    /// Takes in what <paramref name="other"/> (made with the same arguments) collected over other segments of the same
    /// index, as if this collector had collected them too: a search that scores its segments on several cores.
    /// </summary>
    public void Add(SearchCollector other)
    {
        other.FlushSegmentCounts();
        counted.AddRange(other.counted);
        other.counted.Clear();
        Total += other.Total;
        while (other.heap.TryDequeue(out var hit, out _))
        {
            Offer(hit.Doc, hit.Score, hit.Seq);
        }
    }

    private void FlushSegmentCounts()
    {
        if (segmentFacets is not null && segmentCounts is not null)
        {
            segmentFacets.AddGroups(segmentGroupCounts, segmentCounts);
            for (var i = 0; i < sidewaysGroupCounts.Length; i++)
            {
                if (filterToFacet[i] >= 0)
                {
                    segmentFacets.AddGroups(sidewaysGroupCounts[i], segmentCounts, filterToFacet[i]);
                }
            }
            counted.Add((segmentFacets, segmentCounts));
        }
        segmentCounts = null;
    }

    /// <summary>
    /// Facet counts by dimension (value, count), values with a zero count left out; call once collection
    /// is over. The segments' counts are added up in <paramref name="space"/>, the index's shared ordinal space.
    /// </summary>
    public IReadOnlyDictionary<string, List<KeyValuePair<string, int>>> Facets(FacetSpace space)
    {
        FlushSegmentCounts();
        var total = new int[space.Count];
        foreach (var (ordinals, segmentCounts) in counted)
        {
            space.Add(ordinals, segmentCounts, total);
        }
        var result = new Dictionary<string, List<KeyValuePair<string, int>>>(facetDims.Length);
        foreach (var name in facetDims)
        {
            var list = new List<KeyValuePair<string, int>>();
            var dim = space.DimensionIndex(name);
            for (var ord = dim < 0 ? 0 : space.DimensionStart(dim); dim >= 0 && ord < space.DimensionStart(dim + 1); ord++)
            {
                if (total[ord] > 0)
                {
                    list.Add(new(space.Value(ord), total[ord]));
                }
            }
            result[name] = list;
        }
        return result;
    }

    /// <summary>The kept hits, best first (or in reading order).</summary>
    public IReadOnlyList<(int Doc, float Score)> Hits()
    {
        var list = new List<(int Doc, float Score, long Seq)>();
        while (heap.TryDequeue(out var item, out _))
        {
            list.Add(item);
        }
        list.Reverse();
        if (byOrder)
        {
            list.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        }
        return list.Select(x => (x.Doc, x.Score)).ToList();
    }
}
