using System.Collections.Concurrent;

namespace GreenPolicy.Domain;

/// <summary>
/// A thread-safe memo of at most <c>capacity</c> entries for values kept per document (a document's citation
/// tree, its whole record): a site serving every province's plans must not end up holding all of them because
/// a crawler visited every page. When full it starts over: bounded memory for the cost of building again what
/// is asked for again, without the bookkeeping of a least-recently-used order.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private volatile ConcurrentDictionary<TKey, TValue> _entries = new(comparer);

    public int Count => _entries.Count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        var entries = _entries;
        if (entries.TryGetValue(key, out var value))
            return value;
        value = create(key);
        if (entries.Count >= capacity)
            _entries = entries = new ConcurrentDictionary<TKey, TValue>(comparer);
        return entries.GetOrAdd(key, value);
    }
}
