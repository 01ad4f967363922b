namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Pairs of clauses gathered in any order, with repeats, and read back once: ascending (by lower clause, then higher
/// clause) and each once. They are sorted a buffer at a time, and each sorted run is kept as variable-length gaps: the
/// lower clause's step (almost always 0 or 1), then the higher clause's step from the previous pair of the same lower
/// clause, or the higher clause itself. At 10,000 documents the 59.7M pairs the candidate indexes find took 8 bytes
/// each, twice over while they were copied into one array to be sorted (~0.95 GB); as runs they take 114 MB (~2 bytes
/// a pair) beside the 64 MB buffer. A run is held in chunks small enough for the collector's ordinary heap, each
/// let go once read: scoring reads the pairs as the linker's kept pairs grow, and at 10,000 documents the runs
/// (178 MB of distinct pairs) were held whole to the end of scoring, the link stage's peak.
/// </summary>
internal sealed class PairRuns(int runPairs = 1 << 23, int chunkBytes = 1 << 15)
{
    private readonly int _runPairs = runPairs > 0 ? runPairs : throw new ArgumentOutOfRangeException(nameof(runPairs));
    // At least one pair's 10 bytes; below the 85,000 bytes of the large object heap, whose space is reused only by
    // large objects.
    private readonly int _chunkBytes = chunkBytes >= 10 ? chunkBytes : throw new ArgumentOutOfRangeException(nameof(chunkBytes));
    private long[] _buffer = new long[Math.Min(runPairs, 1 << 12)];
    private int _buffered;
    private readonly List<Run> _runs = [];
    private bool _read;

    /// <summary>Pairs added, repeats included.</summary>
    public long Added { get; private set; }

    /// <summary>Bytes held: the sorted runs' chunks not read yet, and the buffer of pairs not sorted yet (8 bytes a pair).</summary>
    public long Bytes => _runs.Sum(r => r.Chunks.Sum(c => (long)(c?.Length ?? 0))) + 8L * _buffer.Length;

    /// <summary>Adds the pair of clauses <paramref name="a"/> and <paramref name="b"/> (in either order; a ≠ b, both ≥ 0).</summary>
    public void Add(int a, int b)
    {
        if (_read) throw new InvalidOperationException("the pairs were already read");
        if (a < 0 || b < 0 || a == b) throw new ArgumentException($"not a pair of two clauses: ({a}, {b})");
        var (lo, hi) = a < b ? (a, b) : (b, a);
        if (_buffered == _buffer.Length)
        {
            if (_buffer.Length < _runPairs) Array.Resize(ref _buffer, (int)Math.Min(_runPairs, 2L * _buffer.Length));
            else Flush();
        }
        _buffer[_buffered++] = ((long)lo << 32) | (uint)hi;
        Added++;
    }

    /// <summary>
    /// The distinct pairs, ascending. Once only: the buffer is sorted into the last run first, and the runs are
    /// released when the enumeration ends.
    /// </summary>
    public IEnumerable<(int A, int B)> Distinct()
    {
        if (_read) throw new InvalidOperationException("the pairs were already read");
        _read = true;
        Flush();
        _buffer = [];
        return Merged();
    }

    private IEnumerable<(int A, int B)> Merged()
    {
        // A k-way merge over the runs' readers, keyed by each one's current pair.
        var heads = new PriorityQueue<Reader, long>(_runs.Count);
        foreach (var run in _runs)
        {
            var reader = new Reader(run);
            if (reader.Next()) heads.Enqueue(reader, reader.Pair);
        }
        var last = -1L;
        while (heads.TryPeek(out var reader, out var pair))
        {
            if (pair != last) yield return ((int)(pair >> 32), (int)pair);
            last = pair;
            if (reader.Next()) heads.DequeueEnqueue(reader, reader.Pair);
            else heads.Dequeue();
        }
        _runs.Clear();
    }

    /// <summary>Sorts the buffered pairs and packs the distinct ones as a run.</summary>
    private void Flush()
    {
        if (_buffered == 0) return;
        var pairs = _buffer.AsSpan(0, _buffered);
        pairs.Sort();
        var distinct = 0;
        foreach (var pair in pairs)
            if (distinct == 0 || pair != pairs[distinct - 1]) pairs[distinct++] = pair;
        pairs = pairs[..distinct];

        // Chunks sized exactly, no pair across two: the lengths first, then the bytes.
        var lengths = new List<int>();
        var length = 0;
        long previous = 0;
        foreach (var pair in pairs)
        {
            var (lo, hi) = Steps(previous, pair);
            var bytes = Varint.Length(lo) + Varint.Length(hi);
            if (length + bytes > _chunkBytes)
            {
                lengths.Add(length);
                length = 0;
            }
            length += bytes;
            previous = pair;
        }
        lengths.Add(length);
        var chunks = lengths.Select(n => new byte[n]).ToArray();
        var (chunk, at) = (0, 0);
        previous = 0;
        foreach (var pair in pairs)
        {
            if (at == chunks[chunk].Length) (chunk, at) = (chunk + 1, 0);
            var (lo, hi) = Steps(previous, pair);
            Varint.Write(chunks[chunk], ref at, lo);
            Varint.Write(chunks[chunk], ref at, hi);
            previous = pair;
        }
        _runs.Add(new Run(chunks, distinct));
        _buffered = 0;
    }

    /// <summary>The step of the lower clause, then the higher clause's step (same lower clause) or the higher clause.</summary>
    private static (uint Lo, uint Hi) Steps(long previous, long pair)
    {
        var lo = (uint)((pair >> 32) - (previous >> 32));
        return (lo, lo == 0 ? (uint)pair - (uint)previous : (uint)pair);
    }

    /// <summary>A run's pairs in chunks; the reader drops (nulls) each chunk it has read.</summary>
    private sealed record Run(byte[]?[] Chunks, int Count);

    /// <summary>One run read forward: <see cref="Pair"/> is the current pair once <see cref="Next"/> returned true.</summary>
    private sealed class Reader(Run run)
    {
        private int _at;
        private int _left = run.Count;
        private int _chunk;

        public long Pair { get; private set; }

        public bool Next()
        {
            if (_left == 0)
            {
                if (_chunk < run.Chunks.Length) run.Chunks[_chunk] = null;
                return false;
            }
            _left--;
            var bytes = run.Chunks[_chunk]!;
            if (_at == bytes.Length)
            {
                run.Chunks[_chunk++] = null;
                (bytes, _at) = (run.Chunks[_chunk]!, 0);
            }
            var lo = Varint.Read(bytes, ref _at);
            var hi = Varint.Read(bytes, ref _at);
            var a = (Pair >> 32) + lo;
            Pair = (a << 32) | (lo == 0 ? (uint)Pair + hi : hi);
            return true;
        }
    }
}
