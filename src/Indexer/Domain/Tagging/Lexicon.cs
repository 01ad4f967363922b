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
/// Terms are added with <see cref="Add"/>; the first <see cref="Scan"/> freezes them into a trie, which is only
/// read from then on, so one lexicon serves several threads at once. Every clause is scanned by four lexicons
/// (bodies, industries, topics, places), so the scan walks the trie from each position (most characters start
/// no term: one bit test) rather than looking up substrings of every length.
/// </remarks>
internal sealed class Lexicon<T>
{
    private readonly Dictionary<string, Entry> _terms = new(StringComparer.Ordinal);
    private Trie? _trie;
    private readonly Lock _freezing = new();

    // The term as stored (bracket-normalised) and its values: a hit whose text is the term itself reuses the string.
    private sealed record Entry(string Term, List<T> Values);

    public Lexicon<T> Add(string term, T value)
    {
        if (_trie is not null)
            throw new InvalidOperationException("a lexicon takes no terms once it has scanned");
        var key = TextNorm.Brackets(term);
        if (key.Length == 0)
            return this;
        if (!_terms.TryGetValue(key, out var entry))
            _terms[key] = entry = new Entry(key, []);
        if (!entry.Values.Contains(value))
            entry.Values.Add(value);
        return this;
    }

    // Every clause is scanned four times: compiled optimised at once rather than first in the slow, instrumented
    // tier, which on a 100-document build is most of the scans.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<LexiconHit<T>> Scan(string text)
    {
        var trie = Volatile.Read(ref _trie) ?? Freeze();
        var cjk = trie.Cjk;
        List<LexiconHit<T>>? hits = null;
        var i = 0;
        while (i < text.Length)
        {
            // Brackets are not ideographs: only characters outside the CJK block need normalising.
            var c = text[i];
            var node = (uint)(c - Trie.CjkFirst) < (uint)cjk.Length ? cjk[c - Trie.CjkFirst] : trie.Root(TextNorm.Bracket(c));
            if (node == 0)
            {
                i++;
                continue;
            }
            // Walk as far as the text follows the trie; the deepest term passed is the longest.
            var best = trie.Terms[node];
            var length = best is null ? 0 : 1;
            for (var j = i + 1; j < text.Length && (node = trie.Child(node, TextNorm.Bracket(text[j]))) != 0; j++)
            {
                if (trie.Terms[node] is { } e)
                {
                    best = e;
                    length = j - i + 1;
                }
            }
            if (best is null)
            {
                i++;
                continue;
            }
            var term = text.AsSpan(i, length).SequenceEqual(best.Term) ? best.Term : text.Substring(i, length);
            (hits ??= []).Add(new LexiconHit<T>(i, length, term, best.Values));
            i += length;
        }
        return hits ?? (IReadOnlyList<LexiconHit<T>>)[];
    }

    /// <summary>
    /// The values of every term that occurs anywhere in the text, overlapping ones included (废钢铁 holds 钢铁, 电解铝液
    /// holds 电解铝): what a substring search for the terms finds, where <see cref="Scan"/> is what a reader takes.
    /// </summary>
    public List<T> Occurring(string text)
    {
        var trie = Volatile.Read(ref _trie) ?? Freeze();
        var found = new List<T>();
        for (var i = 0; i < text.Length; i++)
        {
            for (var (node, j) = (trie.Root(TextNorm.Bracket(text[i])), i + 1); node != 0; node = j < text.Length ? trie.Child(node, TextNorm.Bracket(text[j++])) : 0)
            {
                if (trie.Terms[node] is { } e)
                    found.AddRange(e.Values);
            }
        }
        return found;
    }

    private Trie Freeze()
    {
        lock (_freezing)
        {
            if (_trie is null)
                Volatile.Write(ref _trie, new Trie(_terms.Values));
            return _trie;
        }
    }

    /// <summary>
    /// The terms as a trie in flat arrays. Node 0 is the root; the children of node n are
    /// <c>_edgeChars/_edgeNodes[_first[n] .. _first[n + 1])</c>, sorted by character. The root's children, one
    /// per character that starts a term (hundreds), are also in an open-addressing table behind a bit set.
    /// </summary>
    private sealed class Trie
    {
        public readonly Entry?[] Terms;
        private readonly int[] _first;
        private readonly char[] _edgeChars;
        private readonly int[] _edgeNodes;
        private readonly ulong[] _starts = new ulong[(char.MaxValue + 1) / 64];
        private readonly char[] _rootChars;
        private readonly int[] _rootNodes;
        private readonly int _rootShift;

        // The root's children among the CJK unified ideographs (nearly every character of a clause), by direct index.
        public const char CjkFirst = '\u4E00';
        public readonly int[] Cjk = new int[0xA000 - CjkFirst];

        public Trie(IEnumerable<Entry> entries)
        {
            // Build with dictionaries, then lay out breadth-first in arrays.
            var children = new List<SortedDictionary<char, int>> { new() };
            var terms = new List<Entry?> { null };
            foreach (var e in entries)
            {
                var node = 0;
                foreach (var c in e.Term)
                {
                    if (!children[node].TryGetValue(c, out var next))
                    {
                        next = children.Count;
                        children[node][c] = next;
                        children.Add(new SortedDictionary<char, int>());
                        terms.Add(null);
                    }
                    node = next;
                }
                terms[node] = e;
            }
            var order = new List<int> { 0 };
            var index = new int[children.Count];
            for (var k = 0; k < order.Count; k++)
            {
                foreach (var child in children[order[k]].Values)
                {
                    index[child] = order.Count;
                    order.Add(child);
                }
            }
            Terms = new Entry?[order.Count];
            _first = new int[order.Count + 1];
            _edgeChars = new char[order.Count - 1];
            _edgeNodes = new int[order.Count - 1];
            var edge = 0;
            for (var k = 0; k < order.Count; k++)
            {
                Terms[k] = terms[order[k]];
                _first[k] = edge;
                foreach (var (c, child) in children[order[k]])
                {
                    _edgeChars[edge] = c;
                    _edgeNodes[edge] = index[child];
                    edge++;
                }
            }
            _first[order.Count] = edge;

            var rootCount = _first[1] - _first[0];
            var bits = 1;
            while ((1 << bits) < rootCount * 2)
                bits++;
            _rootShift = 32 - bits;
            _rootChars = new char[1 << bits];
            _rootNodes = new int[1 << bits];
            for (var k = _first[0]; k < _first[1]; k++)
            {
                var c = _edgeChars[k];
                _starts[c >> 6] |= 1UL << (c & 63);
                if ((uint)(c - CjkFirst) < (uint)Cjk.Length)
                    Cjk[c - CjkFirst] = _edgeNodes[k];
                var slot = Slot(c);
                while (_rootNodes[slot] != 0)
                    slot = (slot + 1) & (_rootNodes.Length - 1);
                _rootChars[slot] = c;
                _rootNodes[slot] = _edgeNodes[k];
            }
        }

        private int Slot(char c) => (int)((c * 0x9E3779B1u) >> _rootShift);

        /// <summary>The node of the term character <paramref name="c"/> starts, or 0.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Root(char c)
        {
            if ((uint)(c - CjkFirst) < (uint)Cjk.Length)
                return Cjk[c - CjkFirst];
            if ((_starts[c >> 6] & (1UL << (c & 63))) == 0)
                return 0;
            var slot = Slot(c);
            while (_rootChars[slot] != c)
                slot = (slot + 1) & (_rootNodes.Length - 1);
            return _rootNodes[slot];
        }

        /// <summary>The child of <paramref name="node"/> by <paramref name="c"/>, or 0.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Child(int node, char c)
        {
            int lo = _first[node], hi = _first[node + 1] - 1;
            while (lo <= hi)
            {
                var mid = (lo + hi) >> 1;
                var m = _edgeChars[mid];
                if (m == c)
                    return _edgeNodes[mid];
                if (m < c)
                    lo = mid + 1;
                else
                    hi = mid - 1;
            }
            return 0;
        }
    }
}
