using System.Text;

namespace GreenPolicy.Domain.Linking;

/// <summary>
/// The relation one candidate pair supports (null: no link) and its topic score (which decides the best match of
/// a clause in the other's document). A struct: a corpus of near-copies keeps millions of them until linking ends.
/// </summary>
internal readonly record struct PairScore(int A, int B, string? Relation, double Score, double TopicScore, string? Note);

/// <summary>
/// Scores a candidate pair with cheap measures over the features computed once per clause:
/// IDF-weighted containment of 4-character shingles (copies), IDF-weighted cosine of bigrams (wording
/// in common), copied whole sentences, shared topic tags and runs of shared informative bigrams (so that
/// a single common word — 电子 in 电子信息产业 and 电子商务 — is not enough).
/// </summary>
internal static class PairScorer
{
    /// <param name="first">This thread's <see cref="FirstClause"/>: made for <paramref name="a"/> unless it holds it already.</param>
    public static PairScore? Score(CorpusFeatures c, CopyFeatures s, FirstClause first, int a, int b, LinkerOptions o)
    {
        first.Load(c, s, a);
        // The n-grams the pair shares are found in one walk of each of the other clause's id lists: their weights give
        // the containment and the cosine, the shared 4-grams (with where each stands among either clause's ids) the
        // copied sentences, the shared bigrams the runs of shared words. Each of those walked the lists again, a
        // quarter of scoring at 1,000 documents.
        var theirShingles = s.Shingles[b];
        var theirBigrams = c.Bigrams[b];
        Span<(int Id, int At)> sharedShingles = theirShingles.Count <= 512 ? stackalloc (int, int)[theirShingles.Count] : new (int, int)[theirShingles.Count];
        Span<(int Id, int At)> sharedBigrams = theirBigrams.Count <= 512 ? stackalloc (int, int)[theirBigrams.Count] : new (int, int)[theirBigrams.Count];
        var common = Shared(first.ShingleBits, s.ShingleIdfs, theirShingles, squared: false, ref sharedShingles);
        var dot = Shared(first.BigramBits, c.BigramIdfs, theirBigrams, squared: true, ref sharedBigrams);
        var containment = common / Math.Max(1e-9, Math.Min(s.ShingleWeight[a], s.ShingleWeight[b]));
        var cosine = dot / Math.Max(1e-9, c.BigramNorm[a] * c.BigramNorm[b]);

        var ca = c.Clauses[a];
        var cb = c.Clauses[b];
        var sharedTopics = CountShared(ca.Topics, cb.Topics);
        var topic = cosine + o.SharedTopicBonus * Math.Min(3, sharedTopics);
        var shorter = Math.Min(c.ContentLength[a], c.ContentLength[b]);
        var copy = shorter >= o.NearVerbatimMinChars && containment >= o.NearVerbatimContainment;
        // Runs of shared words are only counted when the pair could be a paraphrase or same-topic.
        var runs = !copy && (topic >= o.SameTopicScore || containment >= o.ParaphraseContainment || cosine >= o.ParaphraseCosine)
            ? SharedRunCount(c, first, sharedBigrams, o.MinSharedRuns)
            : copy ? o.MinSharedRuns : 0;
        if (runs < o.MinSharedRuns) topic = 0;

        var copied = !copy && containment >= 0.1
            ? Math.Max(CopiedSentence(s, first, b, theirShingles.Count, sharedShingles, ofFirst: true, o), CopiedSentence(s, first, b, theirShingles.Count, sharedShingles, ofFirst: false, o))
            : 0;
        var sameTarget = CountShared(ca.TargetKeys, cb.TargetKeys) > 0;

        string? relation = null;
        double score = 0;
        string? note = null;
        if (copy)
            (relation, score) = (Relations.NearVerbatim, containment);
        else if (copied >= o.CopiedSentenceChars)
            (relation, score, note) = (Relations.NearVerbatim, Math.Max(containment, Math.Min(1, copied / (double)shorter)), $"整句照搬 {copied} 字");
        else if (sameTarget)
            (relation, score, note) = (Relations.Paraphrase, Math.Max(0.5, containment), "同一量化目标");
        else if (runs >= o.MinSharedRuns && (containment >= o.ParaphraseContainment || cosine >= o.ParaphraseCosine))
            (relation, score) = (Relations.Paraphrase, Math.Max(containment, cosine));
        // Same topic is backed by shared tags and text (issue 6): a shared topic tag, unless the wording alone is
        // strong (a clause whose topic the tagger missed).
        else if (topic >= o.SameTopicScore && (sharedTopics > 0 || cosine >= o.SameTopicUntaggedCosine))
            (relation, score) = (Relations.SameTopic, topic);

        // Two indicator-table rows of the same indicator with different figures (吨钢综合能耗 572→560 in the
        // national plan, 549→540 in Sichuan's) measure the same thing but are not the same provision.
        if (relation is Relations.NearVerbatim or Relations.Paraphrase && ca.IsRow && cb.IsRow
            && !Numbers(first.Text).SequenceEqual(Numbers(c.Text(b))))
            (relation, score, note) = (Relations.SameTopic, Math.Max(topic, o.SameTopicScore), "同一指标，目标值不同");

        if (relation is null && topic <= 0) return null;
        return new PairScore(a, b, relation, score, topic, note);
    }

    /// <summary>
    /// Content length of the longest sentence of one clause of the pair (the first, or the <paramref name="second"/>)
    /// found (≥ coverage of its shingles) in the other. <paramref name="shared"/>: the 4-grams the two share, ascending,
    /// each with its position among the second's <paramref name="theirCount"/> ids.
    /// </summary>
    private static int CopiedSentence(CopyFeatures c, FirstClause first, int second, int theirCount, ReadOnlySpan<(int Id, int At)> shared, bool ofFirst, LinkerOptions o)
    {
        var x = ofFirst ? first.Clause : second;
        if (c.SentenceStart[x] == c.SentenceStart[x + 1]) return 0;
        // Which of x's 4-grams the other holds, as bits over x's ascending 4-gram ids, like the sentences' bits. For the
        // first, a shared id's position among its ids is found moving forward, as both ascend.
        var words = CopyFeatures.Words(ofFirst ? first.ShingleCount : theirCount);
        Span<ulong> held = words <= 64 ? stackalloc ulong[words] : new ulong[words];
        held.Clear();
        if (ofFirst)
        {
            var at = 0;
            foreach (var (id, _) in shared)
            {
                while (first.Shingle(at) < id) at++;
                held[at >> 6] |= 1UL << at;
                at++;
            }
        }
        else
        {
            foreach (var (_, at) in shared) held[at >> 6] |= 1UL << at;
        }
        // Longest first: the first copied sentence is the answer.
        for (var s = c.SentenceStart[x]; s < c.SentenceStart[x + 1]; s++)
        {
            var bits = c.SentenceBits.AsSpan(c.SentenceBitsAt[s], words);
            var hit = 0;
            for (var w = 0; w < words; w++) hit += System.Numerics.BitOperations.PopCount(bits[w] & held[w]);
            if (hit >= o.CopiedSentenceCoverage * c.SentenceGrams[s]) return c.SentenceLength[s];
        }
        return 0;
    }

    /// <summary>
    /// Σ w (or Σ w²) over the ids both clauses hold, w the weight of the id: the first's ids as bits, the other's walked in
    /// ascending order (the order a merge of the two sorted lists added them in, so the sum is the same to the last
    /// bit). <paramref name="shared"/> (room for all the other's ids) is cut to the shared ids, ascending, each with its
    /// position among the other's ids.
    /// </summary>
    private static double Shared(ulong[] firstBits, float[] weightOf, IdLists.Reader other, bool squared, ref Span<(int Id, int At)> shared)
    {
        double sum = 0;
        var count = 0;
        for (var k = 0; other.Next(out var id); k++)
        {
            if ((firstBits[id >> 6] & 1UL << id) != 0)
            {
                double w = weightOf[id];
                sum += squared ? w * w : w;
                shared[count++] = (id, k);
            }
        }
        shared = shared[..count];
        return sum;
    }

    /// <summary>How many of <paramref name="mine"/> are in <paramref name="theirs"/> (a few names each).</summary>
    private static int CountShared(string[] mine, string[] theirs)
    {
        var n = 0;
        foreach (var name in mine)
        {
            if (Array.IndexOf(theirs, name) >= 0) n++;
        }
        return n;
    }

    /// <summary>
    /// Maximal runs of <paramref name="content"/> covered by n-grams that are in <paramref name="other"/> and pass
    /// <paramref name="keep"/>. "推动园区循环化改造" against a text with 园区 and 循环化改造 gives ["园区", "循环化改造"].
    /// </summary>
    public static List<string> SharedRuns(string content, ulong[] other, int n, Func<ulong, bool> keep)
    {
        var runs = new List<string>();
        var covered = new bool[content.Length];
        for (var i = 0; i + n <= content.Length; i++)
        {
            ulong key = 0;
            for (var k = 0; k < n; k++) key = (key << 16) | content[i + k];
            if (Array.BinarySearch(other, key) >= 0 && keep(key))
                for (var k = 0; k < n; k++) covered[i + k] = true;
        }
        var sb = new StringBuilder();
        for (var i = 0; i <= content.Length; i++)
        {
            if (i < content.Length && covered[i]) { sb.Append(content[i]); continue; }
            if (sb.Length > 0) { runs.Add(sb.ToString()); sb.Clear(); }
        }
        return runs.Distinct().ToList();
    }

    /// <summary>
    /// <see cref="SharedRuns"/> with bigrams, counted up to <paramref name="enough"/> distinct runs, without
    /// allocating them: scoring only asks whether a pair shares at least two runs (园区, 循环化改造), and this
    /// check ran on most candidate pairs (two thirds of pair scoring, mostly the strings and a dictionary
    /// lookup per bigram). The runs are in the first clause's content, of the <paramref name="shared"/> bigrams (the
    /// pair's, ascending) that are informative: those are set as bits for the call, and each position's bigram id is
    /// the first clause's (<see cref="FirstClause"/>).
    /// </summary>
    private static int SharedRunCount(CorpusFeatures c, FirstClause first, ReadOnlySpan<(int Id, int At)> shared, int enough)
    {
        var length = first.ContentLength;
        if (length < 2 || shared.IsEmpty) return 0;
        var marks = first.SharedBigramBits;
        Span<int> marked = shared.Length <= 256 ? stackalloc int[shared.Length] : new int[shared.Length];
        var count = 0;
        foreach (var (id, _) in shared)
        {
            if (c.Informative(id))
            {
                marks[id >> 6] |= 1UL << id;
                marked[count++] = id;
            }
        }
        Span<bool> covered = length <= 1024 ? stackalloc bool[length] : new bool[length];
        covered.Clear();
        for (var i = 0; i + 1 < length; i++)
        {
            var id = first.ContentBigram(i);
            if (id >= 0 && (marks[id >> 6] & 1UL << id) != 0) covered[i] = covered[i + 1] = true;
        }
        foreach (var id in marked[..count]) marks[id >> 6] = 0;
        var content = first.Content;
        Span<(int Start, int Length)> runs = stackalloc (int, int)[Math.Max(1, enough)];
        var found = 0;
        for (var i = 0; i < length && found < enough;)
        {
            if (!covered[i]) { i++; continue; }
            var start = i;
            while (i < length && covered[i]) i++;
            var run = content[start..i];
            var seen = false;
            for (var r = 0; r < found && !seen; r++) seen = content.Slice(runs[r].Start, runs[r].Length).SequenceEqual(run);
            if (!seen) runs[found++] = (start, i - start);
        }
        return found;
    }

    private static IEnumerable<string> Numbers(string text)
    {
        var sb = new StringBuilder();
        // One position past the end, as a space: the last number ends there.
        for (var i = 0; i <= text.Length; i++)
        {
            var c = TextFeatures.Fold(i < text.Length ? text[i] : ' ');
            if (char.IsAsciiDigit(c) || (c == '.' && sb.Length > 0)) sb.Append(c);
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
    }
}

/// <summary>
/// What scoring reads of the first clause of a pair, made once for the run of pairs that share it (pairs are scored
/// sorted by their first clause, ~40 a clause at 10,000 documents) and kept per thread: its bigram and 4-gram ids as
/// bits over all the corpus' ids, so that the n-grams a pair shares are found by walking the other clause's ids alone and
/// testing a bit (a merge of the two sorted lists branched unpredictably at every step: two fifths of scoring with the
/// decoding of both lists); its 4-gram ids in order; its content and the bigram id at each of its positions.
/// </summary>
internal sealed class FirstClause
{
    private int[] _bigrams = new int[256];
    private int _bigramCount;
    private int[] _shingles = new int[256];
    private char[] _content = new char[256];
    private int[] _contentBigrams = new int[256];
    private ulong[] _keys = new ulong[256];

    public FirstClause(CorpusFeatures c, CopyFeatures s)
    {
        BigramBits = new ulong[CopyFeatures.Words(c.BigramKeys.Length)];
        SharedBigramBits = new ulong[BigramBits.Length];
        ShingleBits = new ulong[CopyFeatures.Words(s.ShingleIdfs.Length)];
    }

    /// <summary>The clause held, -1 before the first.</summary>
    public int Clause { get; private set; } = -1;

    /// <summary>Bit <c>id</c> is set when the clause holds bigram <c>id</c>.</summary>
    public ulong[] BigramBits { get; }

    /// <summary>Bit <c>id</c> is set when the clause holds 4-gram <c>id</c>.</summary>
    public ulong[] ShingleBits { get; }

    /// <summary>All clear between uses: <see cref="PairScorer.SharedRunCount"/> sets the bigrams a pair shares and clears them.</summary>
    public ulong[] SharedBigramBits { get; }

    public int ShingleCount { get; private set; }

    /// <summary>The clause's <paramref name="k"/>-th 4-gram id in ascending order.</summary>
    public int Shingle(int k) => _shingles[k];

    /// <summary>The clause's text (read from the clause texts' file once for its run of pairs).</summary>
    public string Text { get; private set; } = "";

    public int ContentLength { get; private set; }

    public ReadOnlySpan<char> Content => _content.AsSpan(0, ContentLength);

    /// <summary>The id of the bigram at content position <paramref name="i"/> (its character and the next).</summary>
    public int ContentBigram(int i) => _contentBigrams[i];

    public void Load(CorpusFeatures c, CopyFeatures s, int clause)
    {
        if (clause == Clause) return;
        Clause = -1;
        Unset(BigramBits, _bigrams, _bigramCount);
        Unset(ShingleBits, _shingles, ShingleCount);
        _bigramCount = Set(c.Bigrams[clause], ref _bigrams, BigramBits);
        ShingleCount = Set(s.Shingles[clause], ref _shingles, ShingleBits);
        var text = Text = c.Text(clause);
        if (_content.Length < text.Length)
        {
            _content = new char[text.Length];
            _contentBigrams = new int[text.Length];
        }
        ContentLength = TextFeatures.Content(text, _content);
        // Every bigram of the content is one of the clause's: its id is found among them, by key.
        if (_keys.Length < _bigramCount) _keys = new ulong[_bigrams.Length];
        for (var k = 0; k < _bigramCount; k++) _keys[k] = c.BigramKeys[_bigrams[k]];
        var keys = _keys.AsSpan(0, _bigramCount);
        for (var i = 0; i + 1 < ContentLength; i++)
        {
            var at = keys.BinarySearch(((ulong)_content[i] << 16) | _content[i + 1]);
            _contentBigrams[i] = at >= 0 ? _bigrams[at] : -1;
        }
        Clause = clause;
    }

    private static int Set(IdLists.Reader ids, ref int[] into, ulong[] bits)
    {
        if (into.Length < ids.Count) into = new int[Math.Max(ids.Count, 2 * into.Length)];
        var n = 0;
        while (ids.Next(out var id))
        {
            into[n++] = id;
            bits[id >> 6] |= 1UL << id;
        }
        return n;
    }

    private static void Unset(ulong[] bits, int[] ids, int count)
    {
        foreach (var id in ids.AsSpan(0, count)) bits[id >> 6] = 0;
    }
}
