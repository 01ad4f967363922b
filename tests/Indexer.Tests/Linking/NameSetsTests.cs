using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>The clauses' name arrays held once per distinct set (<see cref="NameSets"/>).</summary>
public sealed class NameSetsTests
{
    [Fact]
    public void Equal_name_arrays_become_one_array_and_different_ones_stay_apart()
    {
        var sets = new NameSets();
        var first = sets.Intern(["节能", "清洁生产"]);
        var again = sets.Intern([new string("节能".AsSpan()), "清洁生产"]);
        var reordered = sets.Intern(["清洁生产", "节能"]);
        var shorter = sets.Intern(["节能"]);

        Assert.Same(first, again);
        Assert.NotSame(first, reordered);
        Assert.Equal(["清洁生产", "节能"], reordered);
        Assert.Equal(["节能"], shorter);
        Assert.Same(sets.Intern([]), sets.Intern([]));
        Assert.Equal(3, sets.Count);
    }

    [Fact]
    public void Interning_from_several_threads_gives_every_thread_the_same_array()
    {
        var sets = new NameSets();
        var got = new string[8][];
        Parallel.For(0, got.Length, t => got[t] = sets.Intern(["钢铁", $"有色{t % 2}"]));
        Assert.All(got.Where((_, t) => t % 2 == 0), a => Assert.Same(got[0], a));
        Assert.All(got.Where((_, t) => t % 2 == 1), a => Assert.Same(got[1], a));
    }
}
