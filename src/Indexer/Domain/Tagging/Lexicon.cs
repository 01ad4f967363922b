namespace GreenPolicy.Domain.Tagging;

/// <summary>One dictionary hit: the term found at [Start, Start+Length) and what it stands for.</summary>
internal readonly record struct LexiconHit<T>(int Start, int Length, string Term, IReadOnlyList<T> Values)
{
    public int End => Start + Length;
}

/// <summary>
/// Leftmost-longest dictionary matching over Chinese text, where there are no word boundaries:
/// at each position the longest term wins and the scan resumes after it, so 电解铝液 is one hit
/// (not 电解铝 + 液) and the false friend 废钢铁 swallows the 钢铁 inside it. Matching is on
/// bracket-normalised text so 各市〔州〕 and 各市（州） are the same term.
/// </summary>
/// <remarks>
/// Built by <see cref="Add"/> and then only read, so one lexicon serves several threads at once.
/// The scan looks up spans, not substrings, and only the lengths some term starting with the
/// character at hand has (most characters start no term: one dictionary probe, no allocation).
/// </remarks>
internal sealed class Lexicon<T>
{
    private readonly Dictionary<string, Entry> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _spans;

    // The term as stored (bracket-normalised) and its values: a hit whose text is the term itself reuses the string.
    private sealed record Entry(string Term, List<T> Values);

    // For each first character, the lengths of the terms that start with it, longest first.
    private readonly Dictionary<char, int[]> _lengthsByFirst = [];

    // One bit per character that starts some term: most characters of a text start none.
    private readonly ulong[] _starts = new ulong[(char.MaxValue + 1) / 64];

    public Lexicon() => _spans = _terms.GetAlternateLookup<ReadOnlySpan<char>>();

    public Lexicon<T> Add(string term, T value)
    {
        var key = TextNorm.Brackets(term);
        if (key.Length == 0)
            return this;
        if (!_terms.TryGetValue(key, out var entry))
        {
            _terms[key] = entry = new Entry(key, []);
            _starts[key[0] >> 6] |= 1UL << (key[0] & 63);
            var lengths = _lengthsByFirst.GetValueOrDefault(key[0], []);
            if (Array.IndexOf(lengths, key.Length) < 0)
                _lengthsByFirst[key[0]] = [.. lengths.Append(key.Length).OrderDescending()];
        }
        if (!entry.Values.Contains(value))
            entry.Values.Add(value);
        return this;
    }

    public IReadOnlyList<LexiconHit<T>> Scan(string text)
    {
        var norm = TextNorm.Brackets(text).AsSpan();
        List<LexiconHit<T>>? hits = null;
        var i = 0;
        while (i < norm.Length)
        {
            var next = i + 1;
            var c = norm[i];
            if ((_starts[c >> 6] & (1UL << (c & 63))) != 0 && _lengthsByFirst.TryGetValue(c, out var lengths))
            {
                var room = norm.Length - i;
                foreach (var len in lengths)
                {
                    if (len <= room && _spans.TryGetValue(norm.Slice(i, len), out var entry))
                    {
                        var term = text.AsSpan(i, len).SequenceEqual(entry.Term) ? entry.Term : text.Substring(i, len);
                        (hits ??= []).Add(new LexiconHit<T>(i, len, term, entry.Values));
                        next = i + len;
                        break;
                    }
                }
            }
            i = next;
        }
        return hits ?? (IReadOnlyList<LexiconHit<T>>)[];
    }
}
