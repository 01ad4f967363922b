using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>
/// Pair scoring keeps the first clause of a pair per thread (<see cref="FirstClause"/>) across the pairs that share it:
/// whatever clause it held before, a pair scores as it does with a fresh one.
/// </summary>
public sealed class PairScorerTests
{
    private static readonly LinkerOptions O = LinkerOptions.Default;

    /// <summary>The seed corpus' scoring features, as the linker makes them.</summary>
    private static (CorpusFeatures Corpus, CopyFeatures Copies) Features()
    {
        var docs = LinkedCorpus.TaggedDocs;
        var corpus = new CorpusFeatures([.. docs.Select(LinkDocument.From)], ClauseTexts.Of(docs), O);
        return (corpus, new CopyFeatures(corpus, O));
    }

    [Fact]
    public void A_reused_first_clause_scores_every_pair_as_a_fresh_one_does()
    {
        var (corpus, copies) = Features();
        var rng = new Random(7);
        var n = corpus.Count;
        // Runs of pairs sharing a first clause, as scoring reads them, and single pairs in both orders, in a mixed order.
        var pairs = new List<(int A, int B)>();
        for (var run = 0; run < 150; run++)
        {
            var a = rng.Next(n);
            for (var k = rng.Next(1, 6); k > 0; k--) pairs.Add((a, rng.Next(n)));
            var b = rng.Next(n);
            pairs.Add((b, a));
            pairs.Add((a, b));
            pairs.Add((a, a));
        }
        var reused = new FirstClause(corpus, copies);
        var related = 0;
        foreach (var (a, b) in pairs)
        {
            var expected = PairScorer.Score(corpus, copies, new FirstClause(corpus, copies), a, b, O);
            Assert.Equal(expected, PairScorer.Score(corpus, copies, reused, a, b, O));
            if (expected?.Relation is not null) related++;
        }
        // A clause against itself is a copy: the pairs include scores that support links, not only nulls.
        Assert.True(related >= 150, $"{related} related pairs");
    }

    [Fact]
    public void A_clause_against_its_own_copy_is_near_verbatim_and_against_an_unrelated_clause_is_nothing()
    {
        var (corpus, copies) = Features();
        var first = new FirstClause(corpus, copies);
        var longest = Enumerable.Range(0, corpus.Count).MaxBy(i => corpus.ContentLength[i]);
        Assert.Equal(Relations.NearVerbatim, PairScorer.Score(corpus, copies, first, longest, longest, O)?.Relation);
        var shortest = Enumerable.Range(0, corpus.Count).Where(i => corpus.ContentLength[i] >= 8).MinBy(i => corpus.ContentLength[i]);
        Assert.Null(PairScorer.Score(corpus, copies, first, longest, shortest, O)?.Relation);
    }
}
