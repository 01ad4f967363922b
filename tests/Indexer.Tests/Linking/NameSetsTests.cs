using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>The clauses' name arrays and eIds held once each (<see cref="NameSets"/>).</summary>
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
    public void Equal_strings_become_one_string()
    {
        var sets = new NameSets();
        var first = sets.Intern("part_1__item_3__para_2");
        var again = sets.Intern(new string("part_1__item_3__para_2".AsSpan()));

        Assert.Same(first, again);
        Assert.NotSame(first, sets.Intern("part_1__item_3__para_1"));
        Assert.Equal("part_1__item_3__para_1", sets.Intern("part_1__item_3__para_1"));
    }

    [Fact]
    public void A_linked_document_holds_each_eId_once_across_documents()
    {
        var sets = new NameSets();
        var guizhou = CorpusDocuments.Get("guizhou-2018-14");
        var one = LinkDocument.From(guizhou, sets);
        var copy = LinkDocument.From(guizhou with
        {
            Meta = guizhou.Meta with { Id = "guizhou-copy" },
            Clauses = [.. guizhou.Clauses.Select(c => c with { Id = Clause.IdOf("guizhou-copy", c.EId), EId = new string(c.EId.AsSpan()) })],
        }, sets);

        Assert.All(one.Clauses.Zip(copy.Clauses), p => Assert.Same(p.First.EId, p.Second.EId));
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
