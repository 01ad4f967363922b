namespace GreenPolicy.Domain.Linking;

/// <summary>
/// A list grown one block of 65,536 items at a time: for tens of millions of scored pairs, a <see cref="List{T}"/>
/// doubling its array held the old and the new array at once (4 GB at 10,000 documents) and up to half of it unused.
/// </summary>
internal sealed class BlockList<T>
{
    private const int Shift = 16;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<T[]> _blocks = [];

    public int Count { get; private set; }

    public ref T this[int k] => ref _blocks[k >> Shift][k & Mask];

    public void Add(T item)
    {
        if (Count >> Shift == _blocks.Count) _blocks.Add(new T[1 << Shift]);
        _blocks[Count >> Shift][Count & Mask] = item;
        Count++;
    }

    /// <summary>The items in one array; each block is released once copied, and the list is left empty.</summary>
    public T[] MoveToArray()
    {
        var all = new T[Count];
        for (var b = 0; b < _blocks.Count; b++)
        {
            Array.Copy(_blocks[b], 0, all, b << Shift, Math.Min(1 << Shift, Count - (b << Shift)));
            _blocks[b] = null!;
        }
        _blocks.Clear();
        Count = 0;
        return all;
    }

    /// <summary>Keeps the first <paramref name="count"/> items and releases the blocks past them.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
        var blocks = (count + Mask) >> Shift;
        _blocks.RemoveRange(blocks, _blocks.Count - blocks);
    }
}
