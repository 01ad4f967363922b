using GreenPolicy.Domain;

namespace GreenPolicy.Indexer.Tests.Domain;

/// <summary>Per-document memos (citation trees, document records) stay bounded however many documents are asked for.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void Holds_at_most_its_capacity_and_builds_a_value_once_while_it_is_held()
    {
        var cache = new BoundedCache<string, object>(3, StringComparer.Ordinal);
        var built = 0;
        object Create(string key) { built++; return new object(); }
        var first = cache.GetOrAdd("a", Create);
        Assert.Same(first, cache.GetOrAdd("a", Create));
        Assert.Equal(1, built);
        for (var i = 0; i < 100; i++)
        {
            cache.GetOrAdd($"d{i}", Create);
            Assert.InRange(cache.Count, 1, 3);
        }
        Assert.Equal(101, built);
    }

    [Fact]
    public void Every_call_gets_the_value_of_its_own_key_under_concurrent_use()
    {
        var cache = new BoundedCache<int, int>(16);
        Parallel.For(0, 20_000, i =>
        {
            var key = i % 50;
            Assert.Equal(key * 7, cache.GetOrAdd(key, k => k * 7));
        });
        Assert.InRange(cache.Count, 1, 16);
    }
}
