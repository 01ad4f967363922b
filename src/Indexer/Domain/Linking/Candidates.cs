namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Candidate pairs of clauses in different documents, from three indexes (never all pairs):
/// <list type="bullet">
/// <item>MinHash bands over each clause's and each sentence's 4-character shingles: copies, including a
/// clause that copies one sentence of a longer one;</item>
/// <item>an inverted index over each clause's rarest bigrams, accumulating IDF² partial scores in an
/// array: same topic in other words (四川 "51025"重点产业园区 ↔ 贵州 园区绿色化发展);</item>
/// <item>quantitative targets keyed by metric, value and year: 73% 工业固体废物综合利用率 stated as prose
/// in one plan and as a table row in another.</item>
/// </list>
/// </summary>
internal static class Candidates
{
    public readonly record struct Pair(int A, int B);

    public static IReadOnlyList<Pair> Find(CorpusFeatures c, LinkerOptions o)
    {
        var seen = new HashSet<long>(MixedKeyComparer.Instance);
        var found = new List<Pair>();
        void Add(int a, int b)
        {
            if (a == b || c.DocOf[a] == c.DocOf[b] || !c.Linkable(a, o) || !c.Linkable(b, o)) return;
            var (lo, hi) = a < b ? (a, b) : (b, a);
            if (seen.Add(((long)lo << 32) | (uint)hi)) found.Add(new Pair(lo, hi));
        }

        // 1. MinHash bands: clause sketches and sentence sketches share the bucket table, held as one sorted
        // array of (band key, level slot, clause) — a dictionary of lists per key cost ~200 bytes for each of
        // the ~50 keys of every clause. Within a bucket national clauses come first, so that a plan re-issued
        // by 100 cities cannot crowd the national source out of a clause's candidates.
        var minHash = new MinHash(o.MinHashes);
        var entries = new List<(ulong Key, int Slot, int Clause)>();
        var keysOf = new ulong[c.Count][];
        var keys = new HashSet<ulong>();
        for (var i = 0; i < c.Count; i++)
        {
            keysOf[i] = [];
            if (!c.Linkable(i, o)) continue;
            var slot = LevelSlot(c, i);
            keys.Clear();
            // The clause's 4-grams as keys again (the features hold ids): the sketch hashes the characters.
            if (TextFeatures.Shingles(c.Content[i], 4) is { Length: > 0 } clauseShingles)
                foreach (var key in MinHash.BandKeys(minHash.Signature(clauseShingles), o.BandRows))
                    keys.Add(key);
            foreach (var sentence in TextFeatures.Sentences(c.Clauses[i].Text))
                if (sentence.Length >= o.MinSentenceChars && sentence.Length < c.Content[i].Length
                    && TextFeatures.Shingles(sentence, 4) is { Length: > 0 } shingles)
                    foreach (var key in MinHash.BandKeys(minHash.Signature(shingles), o.BandRows))
                        keys.Add(key);
            keysOf[i] = [.. keys];
            foreach (var key in keysOf[i]) entries.Add((key, slot, i));
        }
        entries.Sort();
        var bucketKeys = new ulong[entries.Count];
        var bucketSlots = new int[entries.Count];
        var members = new int[entries.Count];
        for (var e = 0; e < entries.Count; e++) (bucketKeys[e], bucketSlots[e], members[e]) = entries[e];
        entries = null;

        // Per clause, the clauses sharing the most bands, kept separately for its own level and the other
        // level. A bucket of a sentence copied into thousands of clauses is read in a window around the clause
        // (ScanLimit members): a clause keeps CopyCandidates anyway, and reading whole buckets made this
        // quadratic in the number of copies.
        var acc = new double[c.Count];
        var touched = new List<int>();
        for (var i = 0; i < c.Count; i++)
        {
            foreach (var key in keysOf[i])
            {
                var start = LowerBound(bucketKeys, key);
                var end = LowerBound(bucketKeys, key + 1, start);
                if (key == ulong.MaxValue) end = bucketKeys.Length;
                if (end - start > o.MaxBucket) continue; // a boilerplate sentence found everywhere
                var national = start;
                while (national < end && bucketSlots[national] == 0) national++;
                foreach (var (from, to) in new[] { (start, national), (national, end) })
                {
                    var part = members.AsSpan(from, to - from);
                    var (wFrom, wTo) = Window(part, i, o.ScanLimit);
                    foreach (var j in part[wFrom..wTo])
                    {
                        if (c.DocOf[j] == c.DocOf[i]) continue;
                        if (acc[j] == 0) touched.Add(j);
                        acc[j] += 1;
                    }
                }
            }
            var level = c.Level(i);
            TakeBest(touched.Where(j => c.Level(j) == level), acc, o.CopyCandidates, j => Add(i, j));
            TakeBest(touched.Where(j => c.Level(j) != level), acc, o.CopyCandidates, j => Add(i, j));
            foreach (var j in touched) acc[j] = 0;
            touched.Clear();
        }

        // 2. Inverted index over the rarest bigrams of each clause, scored in a reusable accumulator array.
        var postings = new Dictionary<int, List<int>>();
        var features = new int[c.Count][];
        for (var i = 0; i < c.Count; i++)
        {
            if (!c.Linkable(i, o)) { features[i] = []; continue; }
            features[i] = c.Bigrams[i]
                .Where(b => c.BigramDf[b] >= 2 && c.Informative(b))
                .OrderBy(b => c.BigramDf[b]).ThenBy(b => b)
                .Take(o.TopicFeatures).ToArray();
            foreach (var b in features[i])
            {
                if (!postings.TryGetValue(b, out var list)) postings[b] = list = [];
                list.Add(i);
            }
        }
        for (var i = 0; i < c.Count; i++)
        {
            foreach (var b in features[i])
            {
                var w = c.BigramIdf(b);
                var list = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(postings[b]);
                var (from, to) = Window(list, i, o.ScanLimit);
                foreach (var j in list[from..to])
                {
                    if (c.DocOf[j] == c.DocOf[i]) continue;
                    if (acc[j] == 0) touched.Add(j);
                    acc[j] += w * w;
                }
            }
            TakeBest(touched, acc, o.TopicCandidates, j => Add(i, j));
            foreach (var j in touched) acc[j] = 0;
            touched.Clear();
        }

        // 3. The same quantitative target.
        var byTarget = new Dictionary<string, List<int>>();
        for (var i = 0; i < c.Count; i++)
            foreach (var t in c.Clauses[i].Targets)
                if (TargetKey(t) is { } key)
                {
                    if (!byTarget.TryGetValue(key, out var list)) byTarget[key] = list = [];
                    if (list.Count == 0 || list[^1] != i) list.Add(i);
                }
        // Each clause is paired with the next ScanLimit clauses stating the same target (all of them in a small corpus).
        foreach (var list in byTarget.Values)
            if (list.Count <= o.MaxBucket)
                for (var x = 0; x < list.Count; x++)
                    for (var y = x + 1; y < list.Count && y <= x + o.ScanLimit; y++) Add(list[x], list[y]);

        return found;
    }

    /// <summary>National clauses in slot 0, all others in slot 1.</summary>
    private static int LevelSlot(CorpusFeatures c, int i) => c.Level(i) == Levels.National ? 0 : 1;

    /// <summary>
    /// The part of a sorted member list to read for clause <paramref name="i"/>: all of it when it holds at most
    /// <paramref name="limit"/> members, else the <paramref name="limit"/> members nearest to <paramref name="i"/>.
    /// </summary>
    internal static (int From, int To) Window(ReadOnlySpan<int> list, int i, int limit)
    {
        if (list.Length <= limit) return (0, list.Length);
        var at = list.BinarySearch(i);
        if (at < 0) at = ~at;
        var from = Math.Clamp(at - limit / 2, 0, list.Length - limit);
        return (from, from + limit);
    }

    /// <summary>First index at or after <paramref name="from"/> whose key is not below <paramref name="key"/>.</summary>
    private static int LowerBound(ulong[] sorted, ulong key, int from = 0)
    {
        int lo = from, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (sorted[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The <paramref name="k"/> best-scored clauses with a bounded min-heap: O(n · log k), not a full sort.</summary>
    private static void TakeBest(IEnumerable<int> items, double[] score, int k, Action<int> take)
    {
        var heap = new PriorityQueue<int, (double, int)>();
        foreach (var j in items)
        {
            heap.Enqueue(j, (score[j], -j));
            if (heap.Count > k) heap.Dequeue();
        }
        while (heap.Count > 0) take(heap.Dequeue());
    }

    /// <summary>Metric (content characters only), value and target year, or null when the target has no value.</summary>
    public static string? TargetKey(QuantTarget t) =>
        // A decimal keeps its scale: 73 from "73%" and 73.0 from a table cell must give the same key.
        t.Value is { } v ? $"{TextFeatures.Content(t.Metric)}|{v.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)}|{t.TargetYear}" : null;
}
