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
/// bracket-normalised text so 各市〔州〕 and 各市（州） are the same term. Immutable once built.
/// </summary>
internal sealed class Lexicon<T>
{
    private readonly Dictionary<string, List<T>> _terms = new(StringComparer.Ordinal);
    private int _maxLength;

    public Lexicon<T> Add(string term, T value)
    {
        var key = TextNorm.Brackets(term);
        if (key.Length == 0)
            return this;
        if (!_terms.TryGetValue(key, out var list))
            _terms[key] = list = [];
        if (!list.Contains(value))
            list.Add(value);
        _maxLength = Math.Max(_maxLength, key.Length);
        return this;
    }

    public IReadOnlyList<LexiconHit<T>> Scan(string text)
    {
        var norm = TextNorm.Brackets(text);
        var hits = new List<LexiconHit<T>>();
        var i = 0;
        while (i < norm.Length)
        {
            var found = false;
            for (var len = Math.Min(_maxLength, norm.Length - i); len > 0; len--)
            {
                var sub = norm.Substring(i, len);
                if (_terms.TryGetValue(sub, out var values))
                {
                    hits.Add(new LexiconHit<T>(i, len, text.Substring(i, len), values));
                    i += len;
                    found = true;
                    break;
                }
            }
            if (!found)
                i++;
        }
        return hits;
    }
}
