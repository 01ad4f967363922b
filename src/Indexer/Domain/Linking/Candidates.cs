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
    /// <summary>
    /// The candidate pairs, read back ascending and each once (<see cref="PairRuns.Distinct"/>): pairs of the same
    /// clause are scored one after the other. Every source's pairs are gathered with their repeats and made distinct
    /// when read: a hash set of the pairs seen (40 million at a million clauses) cost 2 GB.
    /// </summary>
    public static PairRuns Find(CorpusFeatures c, LinkerOptions o)
    {
        var found = new PairRuns();
        void Add(int a, int b)
        {
            if (a == b || c.DocOf[a] == c.DocOf[b] || !c.Linkable(a, o) || !c.Linkable(b, o)) return;
            found.Add(a, b);
        }
        using var scratch = new ThreadLocal<Scratch>(() => new Scratch(c.Count, Math.Max(o.CopyCandidates, o.TopicCandidates)));

        // 1. MinHash bands: clause sketches and sentence sketches share the bucket table, held as one sorted
        // array of (band key, level slot, clause) words — a dictionary of lists per key cost ~200 bytes for each of
        // the ~50 keys of every clause. Within a bucket national clauses come first, so that a plan re-issued
        // by 100 cities cannot crowd the national source out of a clause's candidates. Once sorted, a clause
        // makes its band keys again to find its buckets: an index of where its members sit took 4 bytes a member
        // (~200 MB at 10,000 documents, held beside the table); making the keys again made the step ~15% longer
        // (1,000 documents: 7.0 → 8.1 s).
        var minHash = new MinHash(o.MinHashes);
        var buckets = BucketTable.Build(c, o, minHash);

        // Per clause, the clauses sharing the most bands, kept separately for its own level and the other
        // level. A bucket of a sentence copied into thousands of clauses is read in a window around the clause
        // (ScanLimit members): a clause keeps CopyCandidates anyway, and reading whole buckets made this
        // quadratic in the number of copies.
        var level = LevelIds(c);
        PerClause(c.Count, scratch, Add, (i, s) =>
        {
            var table = buckets.Members;
            foreach (var bandKey in c.Linkable(i, o) ? BandKeys(c, i, minHash, o) : [])
            {
                var key = buckets.Key(bandKey);
                var start = buckets.LowerBound(key);
                var end = buckets.LowerBound(key + 1, start);
                if (end - start > o.MaxBucket) continue; // a boilerplate sentence found everywhere
                var national = start;
                while (national < end && buckets.Slot(table[national]) == 0) national++;
                foreach (var (from, to) in (ReadOnlySpan<(int, int)>)[(start, national), (national, end)])
                {
                    var (wFrom, wTo) = Window(table.Slice(from, to - from), buckets.Finder(i), o.ScanLimit);
                    for (var e = from + wFrom; e < from + wTo; e++)
                        if (buckets.Clause(table[e]) is var j && c.DocOf[j] != c.DocOf[i]) s.Accumulate(j, 1);
                }
            }
            s.TakeBest(o.CopyCandidates, j => level[j] == level[i]);
            s.TakeBest(o.CopyCandidates, j => level[j] != level[i]);
        });
        buckets = null;
        // The bucket table (~175 MB at 10,000 documents) is garbage now, as is what finding each clause's buckets made;
        // the topic index is allocated next. Without a collection here the step's working set reached 1.45–1.5 GB in
        // some runs (1.0 GB in others), the build's peak.
        Linker.Release();

        // 2. Inverted index over the rarest bigrams of each clause, scored in a reusable accumulator array. The
        // postings are one array in bigram order, and a clause's features are made again each time they are read
        // (cheaper than holding them): a list per bigram and an array per clause, allocated while the MinHash table's
        // memory was not yet given back, took the step's working set from 3.49 to 3.75 GB at 10,000 documents.
        int[] TopicFeatures(int i)
        {
            if (!c.Linkable(i, o)) return [];
            // Rarest first, then by id: sorted as (df, id) in one long each.
            var order = new List<long>();
            for (var r = c.Bigrams[i]; r.Next(out var b);)
                if (c.BigramDf[b] >= 2 && c.Informative(b)) order.Add((long)c.BigramDf[b] << 32 | (uint)b);
            order.Sort();
            var features = new int[Math.Min(o.TopicFeatures, order.Count)];
            for (var k = 0; k < features.Length; k++) features[k] = (int)order[k];
            return features;
        }
        var postingStart = new int[c.BigramDf.Length + 1];
        Blocks.InOrder(c.Count, TopicFeatures, (_, features) =>
        {
            foreach (var b in features) postingStart[b + 1]++;
        });
        for (var b = 0; b < c.BigramDf.Length; b++) postingStart[b + 1] += postingStart[b];
        var postings = new int[postingStart[^1]];
        var next = postingStart[..^1];
        Blocks.InOrder(c.Count, TopicFeatures, (i, features) =>
        {
            foreach (var b in features) postings[next[b]++] = i;
        });
        PerClause(c.Count, scratch, Add, (i, s) =>
        {
            foreach (var b in TopicFeatures(i))
            {
                var w = c.BigramIdf(b);
                ReadOnlySpan<int> list = postings.AsSpan(postingStart[b], postingStart[b + 1] - postingStart[b]);
                var (from, to) = Window(list, i, o.ScanLimit);
                foreach (var j in list[from..to])
                    if (c.DocOf[j] != c.DocOf[i]) s.Accumulate(j, w * w);
            }
            s.TakeBest(o.TopicCandidates, _ => true);
        });

        // 3. The same quantitative target.
        var byTarget = new Dictionary<string, List<int>>();
        for (var i = 0; i < c.Count; i++)
            foreach (var key in c.Clauses[i].TargetKeys)
            {
                if (!byTarget.TryGetValue(key, out var list)) byTarget[key] = list = [];
                list.Add(i);
            }
        // Each clause is paired with the next ScanLimit clauses stating the same target (all of them in a small corpus).
        foreach (var list in byTarget.Values)
            if (list.Count <= o.MaxBucket)
                for (var x = 0; x < list.Count; x++)
                    for (var y = x + 1; y < list.Count && y <= x + o.ScanLimit; y++) Add(list[x], list[y]);

        return found;
    }

    /// <summary>
    /// The MinHash bucket table: every linkable clause's band keys, one 8-byte word per member — the band key's top
    /// bits, then the level slot (national clauses, slot 0, first), then the clause — so that sorting the words sorts
    /// the members by bucket, then slot, then clause. The key keeps its top 63 − b bits, b the bits of a clause number
    /// (42 key bits at a million clauses): two distinct band keys share a bucket only when those agree, for about
    /// n² / 2^(key bits + 1) of the pairs of the n distinct keys, each at most a candidate pair more to score (no link
    /// changed at 10,000 documents). Members holding the whole key beside the clause took 12 bytes.
    /// </summary>
    private sealed class BucketTable
    {
        private readonly ulong[] _words;
        private readonly int _length;
        private readonly int _clauseBits;
        /// <summary>
        /// Where the members whose word starts with each <see cref="DirectoryBits"/>-bit prefix begin (band keys are hashes,
        /// so the prefixes are even): a lookup searches the few members of one prefix, not the whole table.
        /// </summary>
        private readonly int[] _directory;

        private const int DirectoryBits = 20;

        private BucketTable(ulong[] words, int length, int clauseBits)
        {
            (_words, _length, _clauseBits) = (words, length, clauseBits);
            _directory = new int[(1 << DirectoryBits) + 1];
            for (var m = 0; m < length; m++) _directory[Prefix(words[m]) + 1]++;
            for (var p = 0; p < 1 << DirectoryBits; p++) _directory[p + 1] += _directory[p];
        }

        private static int Prefix(ulong word) => (int)(word >> (64 - DirectoryBits));

        /// <summary>The members, sorted.</summary>
        public ReadOnlySpan<ulong> Members => _words.AsSpan(0, _length);

        /// <summary>The bucket of a member, or of a band key.</summary>
        public ulong Key(ulong member) => member >> (_clauseBits + 1);
        public int Slot(ulong member) => (int)(member >> _clauseBits) & 1;
        public int Clause(ulong member) => (int)(member & ((1UL << _clauseBits) - 1));

        /// <summary>Finds a clause among the members of one bucket and slot (sorted by clause).</summary>
        public ClauseFinder Finder(int clause) => new(clause, this);

        public readonly struct ClauseFinder(int clause, BucketTable table) : IComparable<ulong>
        {
            public int CompareTo(ulong member) => clause.CompareTo(table.Clause(member));
        }

        /// <summary>First member at or after <paramref name="from"/> whose key is not below <paramref name="key"/>.</summary>
        public int LowerBound(ulong key, int from = 0)
        {
            // The members of the key's prefix; a key past the last prefix (key + 1 after the all-ones key) is past them all.
            var word = key << (_clauseBits + 1);
            if (key >> (63 - _clauseBits) != 0) return _length;
            var prefix = Prefix(word);
            int lo = Math.Max(from, _directory[prefix]), hi = _directory[prefix + 1];
            while (lo < hi)
            {
                var mid = lo + (hi - lo) / 2;
                if (Key(_words[mid]) < key) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>
        /// Each clause writes its keys, on every core, into a stretch of the table sized for the most it can have (a
        /// band per sketch: the clause's and each long enough sentence's); the stretch's unused end (all bits set: no
        /// clause has that number) sorts last. Holding every clause's keys first and then copying them into a table of
        /// the exact size held both at once (~1.1 GB at 10,000 documents); the spare room costs less.
        /// </summary>
        public static BucketTable Build(CorpusFeatures c, LinkerOptions o, MinHash minHash)
        {
            // 2^clauseBits > c.Count, so the all-ones clause number is no clause.
            var clauseBits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)c.Count);
            var bands = o.MinHashes / o.BandRows;
            var start = new int[c.Count + 1];
            Parallel.For(0, c.Count, i => start[i + 1] = !c.Linkable(i, o) ? 0
                : bands * (1 + SketchedSentences(c, i, o).Count()));
            for (var i = 0; i < c.Count; i++) start[i + 1] = checked(start[i + 1] + start[i]);
            var words = new ulong[start[^1]];
            var length = 0;
            Parallel.For(0, c.Count, () => 0, (i, _, written) =>
            {
                if (!c.Linkable(i, o)) return written;
                var keys = BandKeys(c, i, minHash, o);
                var member = (ulong)LevelSlot(c, i) << clauseBits | (uint)i;
                var at = start[i];
                foreach (var key in keys) words[at++] = key >> (clauseBits + 1) << (clauseBits + 1) | member;
                while (at < start[i + 1]) words[at++] = ulong.MaxValue;
                return written + keys.Length;
            }, written => Interlocked.Add(ref length, written));
            Array.Sort(words);
            return new BucketTable(words, length, clauseBits);
        }
    }

    /// <summary>The band keys of a clause's sketch and of its sentences' sketches, distinct.</summary>
    private static ulong[] BandKeys(CorpusFeatures c, int i, MinHash minHash, LinkerOptions o)
    {
        var keys = new HashSet<ulong>();
        // The clause's 4-grams as keys again (the features hold ids): the sketch hashes the characters. A signature is
        // a minimum over the 4-grams, the same whatever their order and repeats: they are not sorted.
        if (TextFeatures.NGramKeys(c.Content(i), 4) is { Length: > 0 } clauseShingles)
            foreach (var key in MinHash.BandKeys(minHash.Signature(clauseShingles), o.BandRows))
                keys.Add(key);
        foreach (var sentence in SketchedSentences(c, i, o))
            if (TextFeatures.NGramKeys(sentence, 4) is { Length: > 0 } shingles)
                foreach (var key in MinHash.BandKeys(minHash.Signature(shingles), o.BandRows))
                    keys.Add(key);
        return [.. keys];
    }

    /// <summary>The sentences of a clause sketched on their own: long enough, and not the whole clause.</summary>
    private static IEnumerable<string> SketchedSentences(CorpusFeatures c, int i, LinkerOptions o) =>
        TextFeatures.Sentences(c.Text(i)).Where(s => s.Length >= o.MinSentenceChars && s.Length < c.ContentLength[i]);

    /// <summary>
    /// Runs <paramref name="find"/> for every clause on every core, a block of clauses at a time, then offers
    /// each clause's candidates to <paramref name="add"/> in clause order: the pairs come out in the same order
    /// however the work was scheduled, and the scoring that follows sees them in that order.
    /// </summary>
    private static void PerClause(int n, ThreadLocal<Scratch> scratch, Action<int, int> add, Action<int, Scratch> find)
    {
        const int Block = 1 << 14;
        var results = new int[Math.Min(n, Block)][];
        for (var start = 0; start < n; start += Block)
        {
            var count = Math.Min(Block, n - start);
            Parallel.For(0, count, k =>
            {
                var s = scratch.Value!;
                find(start + k, s);
                results[k] = s.Take();
            });
            for (var k = 0; k < count; k++)
                foreach (var j in results[k]) add(start + k, j);
        }
    }

    /// <summary>
    /// One thread's working memory for a clause's candidates: partial scores per other clause (an array over
    /// the corpus, cleared through the touched list) and the candidates chosen so far.
    /// </summary>
    private sealed class Scratch(int clauses, int maxBest)
    {
        private readonly double[] _acc = new double[clauses];
        private readonly List<int> _touched = [];
        private readonly List<int> _chosen = [];
        private readonly (double Score, int Negated)[] _heap = new (double, int)[maxBest + 1];

        public void Accumulate(int j, double w)
        {
            if (_acc[j] == 0) _touched.Add(j);
            _acc[j] += w;
        }

        /// <summary>
        /// Chooses the <paramref name="k"/> best-scored touched clauses that <paramref name="keep"/> accepts (score
        /// descending, then lower clause number) with a bounded min-heap, O(n · log k), and appends them worst first.
        /// </summary>
        public void TakeBest(int k, Func<int, bool> keep)
        {
            var count = 0;
            foreach (var j in _touched)
            {
                if (!keep(j)) continue;
                var entry = (_acc[j], -j);
                if (count < k) Push(entry, ref count);
                else if (Less(_heap[0], entry)) { _heap[0] = entry; SiftDown(count); }
            }
            while (count > 0)
            {
                _chosen.Add(-_heap[0].Negated);
                _heap[0] = _heap[--count];
                SiftDown(count);
            }
        }

        /// <summary>The clauses chosen since the last call, and a clean slate for the next clause.</summary>
        public int[] Take()
        {
            foreach (var j in _touched) _acc[j] = 0;
            _touched.Clear();
            var chosen = _chosen.ToArray();
            _chosen.Clear();
            return chosen;
        }

        private static bool Less((double Score, int Negated) a, (double Score, int Negated) b) =>
            a.Score < b.Score || (a.Score == b.Score && a.Negated < b.Negated);

        private void Push((double, int) entry, ref int count)
        {
            var at = count++;
            _heap[at] = entry;
            while (at > 0 && Less(_heap[at], _heap[(at - 1) / 2]))
            {
                (_heap[at], _heap[(at - 1) / 2]) = (_heap[(at - 1) / 2], _heap[at]);
                at = (at - 1) / 2;
            }
        }

        private void SiftDown(int count)
        {
            for (var at = 0; ;)
            {
                var smallest = at;
                var (l, r) = (2 * at + 1, 2 * at + 2);
                if (l < count && Less(_heap[l], _heap[smallest])) smallest = l;
                if (r < count && Less(_heap[r], _heap[smallest])) smallest = r;
                if (smallest == at) return;
                (_heap[at], _heap[smallest]) = (_heap[smallest], _heap[at]);
                at = smallest;
            }
        }
    }

    /// <summary>Each clause's level as a small number, so that comparing levels does not compare strings.</summary>
    private static int[] LevelIds(CorpusFeatures c)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var level = new int[c.Count];
        for (var i = 0; i < c.Count; i++)
        {
            var name = c.Level(i);
            if (!ids.TryGetValue(name, out var id)) ids[name] = id = ids.Count;
            level[i] = id;
        }
        return level;
    }

    /// <summary>National clauses in slot 0, all others in slot 1.</summary>
    private static int LevelSlot(CorpusFeatures c, int i) => c.Level(i) == Levels.National ? 0 : 1;

    /// <summary>
    /// The part of a sorted member list to read for clause <paramref name="i"/>: all of it when it holds at most
    /// <paramref name="limit"/> members, else the <paramref name="limit"/> members nearest to <paramref name="i"/>.
    /// </summary>
    internal static (int From, int To) Window<T, TClause>(ReadOnlySpan<T> list, TClause i, int limit) where TClause : IComparable<T>
    {
        if (list.Length <= limit) return (0, list.Length);
        var at = list.BinarySearch(i);
        if (at < 0) at = ~at;
        var from = Math.Clamp(at - limit / 2, 0, list.Length - limit);
        return (from, from + limit);
    }

    /// <summary>Metric (content characters only), value and target year, or null when the target has no value.</summary>
    public static string? TargetKey(QuantTarget t) =>
        // A decimal keeps its scale: 73 from "73%" and 73.0 from a table cell must give the same key.
        t.Value is { } v ? $"{TextFeatures.Content(t.Metric)}|{v.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)}|{t.TargetYear}" : null;
}
