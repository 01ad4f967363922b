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

    /// <summary>Keeps the first <paramref name="count"/> items and releases the blocks past them.</summary>
    public void Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        Count = count;
        var blocks = (count + Mask) >> Shift;
        _blocks.RemoveRange(blocks, _blocks.Count - blocks);
    }
}
