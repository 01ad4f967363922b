using GreenPolicy.Domain;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Linking;

public sealed class LinkDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var byId = LinkedCorpus.Clauses.ToDictionary(c => c.Id);
        foreach (var c in LinkedCorpus.Clauses)
            foreach (var l in c.Links.Where(l => l.Relation == Relations.SameTopic && string.CompareOrdinal(c.Id, l.Id) < 0))
                output.WriteLine($"{l.Score:F3}\t{c.Id}\t{l.Id}\t{l.Evidence?.Common}\t{c.Text[..Math.Min(30, c.Text.Length)]}\t{byId[l.Id].Text[..Math.Min(30, byId[l.Id].Text.Length)]}");
    }
}
