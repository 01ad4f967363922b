using GreenPolicy.Domain;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>Diagnostics for tuning (skipped in normal runs): same-topic links with their evidence, and the targets of given clauses.</summary>
public sealed class LinkDump(ITestOutputHelper output)
{
    [Fact(Skip = "diagnostic: remove the Skip to print")]
    public void Same_topic_links()
    {
        var byId = LinkedCorpus.Clauses.ToDictionary(c => c.Id);
        foreach (var c in LinkedCorpus.Clauses)
            foreach (var l in c.Links.Where(l => l.Relation == Relations.SameTopic && string.CompareOrdinal(c.Id, l.Id) < 0))
                output.WriteLine($"{l.Score:F3}\t{c.Id}\t{l.Id}\t{l.Evidence?.Common}\t{c.Text[..Math.Min(30, c.Text.Length)]}\t{byId[l.Id].Text[..Math.Min(30, byId[l.Id].Text.Length)]}");
    }

    [Theory(Skip = "diagnostic: remove the Skip to print")]
    [InlineData("全国工业固体废物综合利用率达到73%")]
    [InlineData("工业固体废物综合利用率（%）")]
    public void Targets_of(string snippet)
    {
        foreach (var c in LinkedCorpus.Clauses.Where(c => LinkEval.Norm(c.Text).Contains(LinkEval.Norm(snippet), StringComparison.Ordinal)))
            foreach (var t in c.Targets)
                output.WriteLine($"{c.Id}: {t.Metric} | {t.Value} | {t.Unit} | {t.TargetYear} | {t.Direction}");
    }
}
