using GreenPolicy.Index;

namespace GreenPolicy.Indexer.Tests.Index;

public sealed class FacetSelectionTests
{
    private static readonly Comparison<KeyValuePair<string, int>> ByCountThenValue =
        (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key);

    [Theory]
    [InlineData(0, 100)]
    [InlineData(5, 100)]
    [InlineData(100, 100)]   // exactly k: the plain sort
    [InlineData(101, 100)]   // one to turn away
    [InlineData(10_000, 100)] // the doc dimension at 10,000 documents
    [InlineData(500, 1)]
    public void FirstIsTheHeadOfTheFullSort(int n, int k)
    {
        // Few distinct counts, so most values tie on count and are ordered by value: the heap must agree with the sort there too.
        var random = new Random(n * 31 + k);
        var values = Enumerable.Range(0, n).Select(i => new KeyValuePair<string, int>($"v{random.Next():x8}{i}", random.Next(1, 6))).ToList();
        var expected = values.ToList();
        expected.Sort(ByCountThenValue);
        Assert.Equal(expected.Take(k), LuceneStore.First(values.ToList(), k, ByCountThenValue));
    }
}
