namespace GreenPolicy.Domain.Linking;

internal static class Blocks
{
    /// <summary>
    /// Makes <paramref name="make"/>(i) for i in [0, n) on every core, <paramref name="size"/> at a time, and hands each
    /// to <paramref name="take"/> in order: the results come out the same however the work was scheduled, and only
    /// one block of them is held at once.
    /// </summary>
    public static void InOrder<T>(int n, Func<int, T> make, Action<int, T> take, int size = 1 << 14)
    {
        var block = new T[Math.Min(n, size)];
        for (var start = 0; start < n; start += size)
        {
            var count = Math.Min(size, n - start);
            Parallel.For(0, count, k => block[k] = make(start + k));
            for (var k = 0; k < count; k++) take(start + k, block[k]);
        }
    }
}
