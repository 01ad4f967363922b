using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>Numbering the n-grams of the corpus (CorpusFeatures.Number) against its definition.</summary>
public sealed class NGramNumberingTests
{
    [Fact]
    public void Ids_are_ranks_of_the_distinct_keys_and_df_counts_each_clause_once()
    {
        // More clauses than one block of the parallel passes, keys unordered and repeated within a clause (NGramKeys'
        // contract), and keys first met in clause 0 (whose tag is the default value of a new entry).
        var rng = new Random(5);
        var clauses = Enumerable.Range(0, 20_000)
            .Select(i => Enumerable.Range(0, rng.Next(0, 12)).Select(_ => (ulong)rng.Next(0, 3_000) * 0x1_0001_0001UL).ToArray())
            .ToArray();
        clauses[0] = [7, 7, 3, 7];

        var keys = CorpusFeatures.Number(clauses.Length, i => clauses[i], out var ids, out var df);

        var expected = clauses.SelectMany(k => k).Distinct().Order().ToArray();
        Assert.Equal(expected, keys);
        Assert.Equal(expected.Select(k => clauses.Count(c => c.Contains(k))), df);
        Assert.Equal(clauses.Length, ids.Count);
        for (var i = 0; i < clauses.Length; i++)
        {
            Assert.Equal(clauses[i].Distinct().Select(k => Array.BinarySearch(expected, k)).Order(), ids.ToArray(i));
        }
    }

    [Fact]
    public void Shingles_are_the_sorted_distinct_ngram_keys()
    {
        var content = TextFeatures.Content("钢铁行业钢铁企业，钢铁。");
        foreach (var n in new[] { 1, 2, 4 })
        {
            var keys = TextFeatures.NGramKeys(content, n);
            Assert.Equal(content.Length - n + 1, keys.Length);
            Assert.Equal(content[..n].Aggregate(0UL, (key, c) => key << 16 | c), keys[0]);
            Assert.Equal(keys.Distinct().Order(), TextFeatures.Shingles(content, n));
        }
        Assert.Empty(TextFeatures.NGramKeys("钢", 2));
    }
}
