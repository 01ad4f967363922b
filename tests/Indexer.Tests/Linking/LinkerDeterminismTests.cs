using GreenPolicy.Domain.Linking;
using GreenPolicy.Index;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>
/// The linker computes features, candidates and scores on every core and builds evidence when a document is
/// read (possibly from several writer threads): the links must not depend on how that work was scheduled.
/// </summary>
public sealed class LinkerDeterminismTests
{
    [Fact]
    public void Links_of_a_corpus_of_near_copies_are_the_same_on_every_run_and_in_any_reading_order()
    {
        var corpus = LinkerBenchmark.Replicate(LinkedCorpus.TaggedDocs, 8);
        static string Dump(IEnumerable<GreenPolicy.Domain.ParsedDocument> docs) =>
            string.Join("\n", docs.Select(d => IndexJson.Write(d.Clauses.Select(c => c.Links)) + IndexJson.Write(d.References)));

        var first = Dump(Linker.Link(corpus));
        var again = Linker.Links(corpus);
        // Read the documents from several threads, last first, as a parallel writer may.
        var read = new GreenPolicy.Domain.ParsedDocument[again.Count];
        Parallel.For(0, again.Count, k => read[again.Count - 1 - k] = again[again.Count - 1 - k]);

        Assert.Equal(first, Dump(read));
        Assert.Contains("near-verbatim", first);
    }
}
