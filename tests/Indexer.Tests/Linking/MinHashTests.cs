using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>A MinHash signature, computed several hash functions at a time, is its definition to the bit.</summary>
public sealed class MinHashTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(35)] // not a whole number of vectors: the last hash functions one at a time
    [InlineData(3)]
    public void Each_signature_value_is_the_least_hash_of_any_shingle(int hashes)
    {
        var minHash = new MinHash(hashes);
        var rng = new Random(11);
        foreach (var count in new[] { 0, 1, 7, 150 })
        {
            var shingles = Enumerable.Range(0, count).Select(_ => (ulong)rng.NextInt64() ^ (ulong)rng.Next() << 63).ToArray();
            var signature = minHash.Signature(shingles);
            Assert.Equal(hashes, signature.Length);
            for (var i = 0; i < hashes; i++)
            {
                var least = shingles.Select(s => MinHash.Mix(s ^ minHash.Seed(i))).DefaultIfEmpty(ulong.MaxValue).Min();
                Assert.Equal(least, signature[i]);
            }
        }
    }

    [Fact]
    public void Near_copies_share_a_band_and_unrelated_texts_do_not()
    {
        var minHash = new MinHash(32);
        ulong[] Keys(string text) => [.. MinHash.BandKeys(minHash.Signature(TextFeatures.Shingles(TextFeatures.Content(text), 4)), 4)];
        var a = Keys("严格执行钢铁、水泥、电解铝、平板玻璃等行业产能置换实施办法，坚决遏制产能盲目扩张。");
        var b = Keys("严格执行钢铁、水泥、电解铝、平板玻璃等行业产能置换实施办法，坚决遏制产能盲目扩张");
        var c = Keys("加快推进工业园区循环化改造，提高资源产出率和能源利用效率。");
        Assert.NotEmpty(a.Intersect(b));
        Assert.Empty(a.Intersect(c));
    }
}
