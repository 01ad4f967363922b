using Lucene.Net.Index;

namespace GreenPolicy.Index;

/// <summary>
/// The merge policy of a write-once index: no merges while documents are added (merging the flushed segments as they
/// come merged the same postings again at every tier), then one forced merge into N segments of nearly equal document
/// counts — the flushed segments dealt out largest first, each to the part with the fewest documents so far — which
/// the merge scheduler runs side by side. Equal segments are what lets a search split its work evenly over the cores.
/// </summary>
internal sealed class BalancedMergePolicy : MergePolicy
{
    // A merged segment is never a compound file: the index is a few large segments.
    public BalancedMergePolicy()
        : base(0.0, long.MaxValue)
    {
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos segmentInfos) => null;

    public override MergeSpecification? FindForcedDeletesMerges(SegmentInfos segmentInfos) => null;

    public override MergeSpecification? FindForcedMerges(SegmentInfos segmentInfos, int maxSegmentCount, IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        var segments = segmentInfos.Segments.Where(segmentsToMerge.ContainsKey).ToList();
        if (segments.Count <= maxSegmentCount)
        {
            return null;
        }
        var spec = new MergeSpecification();
        foreach (var part in Parts(segments.Select(s => (long)s.Info.DocCount).ToList(), maxSegmentCount).Where(p => p.Count > 1))
        {
            spec.Add(new OneMerge(part.Select(i => segments[i]).ToList()));
        }
        return spec;
    }

    /// <summary>
    /// Indexes of <paramref name="sizes"/> dealt into <paramref name="count"/> parts of nearly equal sums: largest
    /// first, each to the part with the smallest sum so far (ties: the lower part). Deterministic.
    /// </summary>
    internal static List<List<int>> Parts(IReadOnlyList<long> sizes, int count)
    {
        var parts = Enumerable.Range(0, Math.Max(1, count)).Select(_ => new List<int>()).ToList();
        var sums = new long[parts.Count];
        foreach (var i in Enumerable.Range(0, sizes.Count).OrderByDescending(i => sizes[i]).ThenBy(i => i))
        {
            var lightest = Array.IndexOf(sums, sums.Min());
            parts[lightest].Add(i);
            sums[lightest] += sizes[i];
        }
        return parts;
    }

    protected override void Dispose(bool disposing)
    {
    }
}
