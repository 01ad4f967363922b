using System.Collections.Concurrent;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Rule names such as "require:推进" made once and shared: a few dozen recur on every clause, and building each
/// anew (a substring, then a concatenation) was a large share of tagging's allocations. Only for matches of a
/// fixed word list (a regex's alternation), so the cache stays small. Safe for concurrent use.
/// </summary>
internal sealed class RuleNames(string prefix)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    public string For(ReadOnlySpan<char> term)
    {
        if (_names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(term, out var name))
            return name;
        var key = term.ToString();
        return _names.GetOrAdd(key, prefix + key);
    }
}

/// <summary>Orders tags by where they start, keeping the order of tags that start at the same place (as OrderBy does).</summary>
internal static class TagOrder
{
    public static List<T> ByStart<T>(List<T> tags, Func<T, int> start)
    {
        for (var i = 1; i < tags.Count; i++)
        {
            if (start(tags[i]) < start(tags[i - 1]))
                return tags.OrderBy(start).ToList();
        }
        return tags;
    }
}
