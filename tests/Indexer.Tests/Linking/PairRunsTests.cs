using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

public sealed class PairRunsTests
{
    [Theory]
    [InlineData(1, 1 << 15)]       // every pair its own run
    [InlineData(37, 1 << 15)]      // many runs, repeats split across them
    [InlineData(1 << 20, 1 << 15)] // one run
    [InlineData(37, 10)]           // chunks of one to five pairs
    [InlineData(1 << 20, 64)]      // one run in many chunks
    public void Pairs_come_back_ascending_and_each_once(int runPairs, int chunkBytes)
    {
        var random = new Random(runPairs + chunkBytes);
        // Clauses from 0 to past 2^28 (steps of 1 to 5 bytes), each pair given in both orders and often repeated.
        int Clause() => random.Next(4) switch { 0 => random.Next(5), 1 => random.Next(1 << 14), 2 => random.Next(1 << 21), _ => random.Next(int.MaxValue) };
        var added = new List<(int, int)>();
        var runs = new PairRuns(runPairs, chunkBytes);
        for (var k = 0; k < 5_000; k++)
        {
            var (a, b) = (Clause(), Clause());
            if (a == b) continue;
            var times = random.Next(1, 4);
            for (var t = 0; t < times; t++)
            {
                if (random.Next(2) == 0) runs.Add(a, b);
                else runs.Add(b, a);
                added.Add(a < b ? (a, b) : (b, a));
            }
        }

        var expected = added.Distinct().Order().ToList();
        Assert.Equal(added.Count, runs.Added);
        Assert.Equal(expected, runs.Distinct().ToList());
    }

    [Fact]
    public void What_has_been_read_is_let_go_as_the_pairs_are_read()
    {
        var runs = new PairRuns(runPairs: 1_000, chunkBytes: 100);
        for (var a = 0; a < 3_000; a++)
        {
            runs.Add(a, a + 1 + a % 7);
        }
        using var pairs = runs.Distinct().GetEnumerator();
        Assert.True(pairs.MoveNext());
        var whole = runs.Bytes;
        for (var k = 1; k < 1_500; k++)
        {
            Assert.True(pairs.MoveNext());
        }
        Assert.InRange(runs.Bytes, whole / 2 - 200, whole / 2 + 200);
        while (pairs.MoveNext())
        {
        }
        Assert.Equal(0, runs.Bytes);
    }

    [Fact]
    public void No_pairs_read_back_as_none()
    {
        Assert.Empty(new PairRuns().Distinct());
    }

    [Fact]
    public void A_clause_paired_with_itself_or_a_negative_clause_is_refused()
    {
        var runs = new PairRuns();
        Assert.Throws<ArgumentException>(() => runs.Add(3, 3));
        Assert.Throws<ArgumentException>(() => runs.Add(-1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairRuns(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairRuns(chunkBytes: 9));
    }

    [Fact]
    public void The_pairs_are_read_once()
    {
        var runs = new PairRuns();
        runs.Add(1, 2);
        Assert.Equal([(1, 2)], runs.Distinct().ToList());
        Assert.Throws<InvalidOperationException>(() => runs.Distinct());
        Assert.Throws<InvalidOperationException>(() => runs.Add(2, 3));
    }
}
