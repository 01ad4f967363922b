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
    public static PairScore? Score(CorpusFeatures c, CopyFeatures s, int a, int b, LinkerOptions o)
    {
        var common = CommonWeight(s.Shingles[a], s.ShingleIdfs, s.Shingles[b], squared: false);
        var containment = common / Math.Max(1e-9, Math.Min(s.ShingleWeight[a], s.ShingleWeight[b]));
        var dot = CommonWeight(c.Bigrams[a], c.BigramIdfs, c.Bigrams[b], squared: true);
        var cosine = dot / Math.Max(1e-9, c.BigramNorm[a] * c.BigramNorm[b]);

        var ca = c.Clauses[a];
        var cb = c.Clauses[b];
        var sharedTopics = ca.Topics.Count(cb.Topics.Contains);
        var topic = cosine + o.SharedTopicBonus * Math.Min(3, sharedTopics);
        var shorter = Math.Min(c.ContentLength[a], c.ContentLength[b]);
        var copy = shorter >= o.NearVerbatimMinChars && containment >= o.NearVerbatimContainment;
        // Runs of shared words cost an allocation: only counted when the pair could be a paraphrase or same-topic.
        var runs = !copy && (topic >= o.SameTopicScore || containment >= o.ParaphraseContainment || cosine >= o.ParaphraseCosine)
            ? SharedRunCount(c, a, b, o.MinSharedRuns)
            : copy ? o.MinSharedRuns : 0;
        if (runs < o.MinSharedRuns) topic = 0;

        var copied = !copy && containment >= 0.1 ? Math.Max(CopiedSentence(s, a, b, o), CopiedSentence(s, b, a, o)) : 0;
        var sameTarget = ca.TargetKeys.Length > 0 && ca.TargetKeys.Any(cb.TargetKeys.Contains);

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
            && !Numbers(c.Text(a)).SequenceEqual(Numbers(c.Text(b))))
            (relation, score, note) = (Relations.SameTopic, Math.Max(topic, o.SameTopicScore), "同一指标，目标值不同");

        if (relation is null && topic <= 0) return null;
        return new PairScore(a, b, relation, score, topic, note);
    }

    /// <summary>Content length of the longest sentence of <paramref name="x"/> found (≥ coverage of its shingles) in <paramref name="y"/>.</summary>
    private static int CopiedSentence(CopyFeatures c, int x, int y, LinkerOptions o)
    {
        if (c.SentenceStart[x] == c.SentenceStart[x + 1]) return 0;
        // Which of x's 4-grams y holds, as bits over x's ascending 4-gram ids, like the sentences' bits.
        var mine = c.Shingles[x];
        var words = CopyFeatures.Words(mine.Count);
        Span<ulong> shared = words <= 64 ? stackalloc ulong[words] : new ulong[words];
        shared.Clear();
        var theirs = c.Shingles[y];
        int at = 0, u = 0, v = 0;
        var more = mine.Next(out u) && theirs.Next(out v);
        while (more)
        {
            if (u < v) { at++; more = mine.Next(out u); }
            else if (u > v) more = theirs.Next(out v);
            else { shared[at >> 6] |= 1UL << at; at++; more = mine.Next(out u) && theirs.Next(out v); }
        }
        // Longest first: the first copied sentence is the answer.
        for (var s = c.SentenceStart[x]; s < c.SentenceStart[x + 1]; s++)
        {
            var bits = c.SentenceBits.AsSpan(c.SentenceBitsAt[s], words);
            var hit = 0;
            for (var w = 0; w < words; w++) hit += System.Numerics.BitOperations.PopCount(bits[w] & shared[w]);
            if (hit >= o.CopiedSentenceCoverage * c.SentenceGrams[s]) return c.SentenceLength[s];
        }
        return 0;
    }

    /// <summary>Σ w (or Σ w²) over the ids both sorted lists hold, w the weight of the id.</summary>
    private static double CommonWeight(IdLists.Reader x, float[] weightOf, IdLists.Reader y, bool squared)
    {
        double sum = 0;
        int i = 0, j = 0;
        var more = x.Next(out i) && y.Next(out j);
        while (more)
        {
            if (i < j) more = x.Next(out i);
            else if (i > j) more = y.Next(out j);
            else
            {
                double w = weightOf[i];
                sum += squared ? w * w : w;
                more = x.Next(out i) && y.Next(out j);
            }
        }
        return sum;
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
    /// lookup per bigram). The bigrams kept are those of clause <paramref name="other"/> that are informative; the
    /// content of <paramref name="clause"/> is made from its text on the stack (the features do not hold it).
    /// </summary>
    internal static int SharedRunCount(CorpusFeatures c, int clause, int other, int enough)
    {
        var reader = c.Bigrams[other];
        var source = c.Text(clause);
        if (c.ContentLength[clause] < 2 || reader.Count == 0) return 0;
        Span<char> buffer = source.Length <= 1024 ? stackalloc char[source.Length] : new char[source.Length];
        ReadOnlySpan<char> content = buffer[..TextFeatures.Content(source, buffer)];
        // The other clause's bigrams as keys, still sorted (ids ascend with keys), to look the content's bigrams up.
        Span<int> ids = reader.Count <= 256 ? stackalloc int[reader.Count] : new int[reader.Count];
        Span<ulong> keys = reader.Count <= 256 ? stackalloc ulong[reader.Count] : new ulong[reader.Count];
        for (var k = 0; reader.Next(out var id); k++) (ids[k], keys[k]) = (id, c.BigramKeys[id]);
        Span<bool> covered = content.Length <= 1024 ? stackalloc bool[content.Length] : new bool[content.Length];
        covered.Clear();
        for (var i = 0; i + 2 <= content.Length; i++)
        {
            var key = ((ulong)content[i] << 16) | content[i + 1];
            var at = keys.BinarySearch(key);
            if (at >= 0 && c.Informative(ids[at])) covered[i] = covered[i + 1] = true;
        }
        Span<(int Start, int Length)> runs = stackalloc (int, int)[Math.Max(1, enough)];
        var count = 0;
        for (var i = 0; i < content.Length && count < enough;)
        {
            if (!covered[i]) { i++; continue; }
            var start = i;
            while (i < content.Length && covered[i]) i++;
            var run = content[start..i];
            var seen = false;
            for (var r = 0; r < count && !seen; r++) seen = content.Slice(runs[r].Start, runs[r].Length).SequenceEqual(run);
            if (!seen) runs[count++] = (start, i - start);
        }
        return count;
    }

    private static IEnumerable<string> Numbers(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Append(' '))
        {
            var c = TextFeatures.Fold(ch);
            if (char.IsAsciiDigit(c) || (c == '.' && sb.Length > 0)) sb.Append(c);
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
    }
}
