namespace GreenPolicy.Domain;

internal static class Blocks
{
    /// <summary>
    /// Makes <paramref name="make"/>(i) for i in [0, n) on every core, <paramref name="size"/> at a time, and hands each
    /// to <paramref name="take"/> in order: the results come out the same however the work was scheduled, and only
    /// one block of them is held at once.
    /// </summary>
    public static void InOrder<T>(int n, Func<int, T> make, Action<int, T> take, int size = 1 << 14) =>
        InOrder(Enumerable.Range(0, n), make, take, Math.Max(1, Math.Min(n, size)));

    /// <summary><see cref="InOrder{T}(int, Func{int, T}, Action{int, T}, int)"/> over the items of a sequence, read once.</summary>
    public static void InOrder<TItem, T>(IEnumerable<TItem> items, Func<TItem, T> make, Action<TItem, T> take, int size = 1 << 14)
    {
        var inputs = new TItem[size];
        var block = new T[size];
        using var e = items.GetEnumerator();
        for (var more = true; more;)
        {
            var count = 0;
            while (count < size && (more = e.MoveNext())) inputs[count++] = e.Current;
            Parallel.For(0, count, k => block[k] = make(inputs[k]));
            for (var k = 0; k < count; k++) take(inputs[k], block[k]);
        }
    }
}
