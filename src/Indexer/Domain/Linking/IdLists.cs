namespace GreenPolicy.Domain.Linking;

/// <summary>
/// One sorted list of non-negative ids per clause, appended in clause order and held as variable-length deltas in
/// shared chunks of bytes: the linker's n-gram ids of a million clauses. As one int[] per clause they took 4 bytes an
/// id plus ~32 an array; ids ascend, so the gaps are small: at 10,000 generated documents (1.09M clauses) the 4-gram
/// and bigram ids take 264 and 197 MB here, ~1.8 bytes an id, against ~1.1 GB of int[] payload.
/// </summary>
internal sealed class IdLists(int chunkBytes = 1 << 24)
{
    private readonly int _chunkBytes = chunkBytes;
    private readonly List<byte[]> _chunks = [];
    private readonly List<long> _starts = []; // per list, chunk << 32 | offset in the chunk
    private int _used = chunkBytes;           // bytes used in the last chunk (no chunk yet: as if full)

    public int Count => _starts.Count;

    /// <summary>Bytes held: the chunks and the start of each list.</summary>
    public long Bytes => _chunks.Sum(c => (long)c.Length) + 8L * _starts.Capacity;

    /// <summary>Appends the next list: <paramref name="ids"/> ascending, each ≥ 0.</summary>
    public void Add(ReadOnlySpan<int> ids)
    {
        // At most 5 bytes per varint: the count, then each gap.
        var most = 5 * (ids.Length + 1);
        if (most > _chunkBytes) throw new ArgumentException($"a list of {ids.Length} ids is longer than a chunk", nameof(ids));
        for (var k = 0; k < ids.Length; k++)
            if (ids[k] < (k == 0 ? 0 : ids[k - 1])) throw new ArgumentException("ids must ascend and be ≥ 0", nameof(ids));
        if (_used + most > _chunkBytes)
        {
            _chunks.Add(new byte[_chunkBytes]);
            _used = 0;
        }
        var chunk = _chunks[^1];
        _starts.Add((long)(_chunks.Count - 1) << 32 | (uint)_used);
        var at = _used;
        Varint.Write(chunk, ref at, (uint)ids.Length);
        var last = 0;
        foreach (var id in ids)
        {
            Varint.Write(chunk, ref at, (uint)(id - last));
            last = id;
        }
        _used = at;
    }

    /// <summary>Releases the unused end of the last chunk (once every list is added).</summary>
    public void Trim()
    {
        if (_chunks.Count > 0 && _used < _chunkBytes) _chunks[^1] = _chunks[^1][.._used];
        _used = _chunkBytes;
        _starts.TrimExcess();
    }

    /// <summary>List <paramref name="i"/>, read forward.</summary>
    public Reader this[int i]
    {
        get
        {
            var start = _starts[i];
            var chunk = _chunks[(int)(start >> 32)];
            var at = (int)(uint)start;
            var count = (int)Varint.Read(chunk, ref at);
            return new Reader(chunk, at, count);
        }
    }

    /// <summary>List <paramref name="i"/> as an array.</summary>
    public int[] ToArray(int i)
    {
        var reader = this[i];
        var ids = new int[reader.Count];
        for (var k = 0; reader.Next(out var id); k++) ids[k] = id;
        return ids;
    }

    /// <summary>The ids of one list in ascending order; <see cref="Count"/> is the whole list's length.</summary>
    public struct Reader(byte[] chunk, int at, int count)
    {
        private readonly byte[] _chunk = chunk;
        private int _at = at;
        private int _left = count;
        private int _last;

        public int Count { get; } = count;

        public bool Next(out int id)
        {
            if (_left == 0)
            {
                id = 0;
                return false;
            }
            _left--;
            id = _last += (int)Varint.Read(_chunk, ref _at);
            return true;
        }
    }
}
