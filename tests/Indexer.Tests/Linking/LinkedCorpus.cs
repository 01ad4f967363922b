using System.Diagnostics;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Indexer.Tests.Structure;
using GreenPolicy.Indexer.Tests.Tagging;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>The corpus parsed, tagged and linked once for the linking tests, as the build pipeline does it.</summary>
internal static class LinkedCorpus
{
    private static readonly Lazy<IReadOnlyList<ParsedDocument>> Tagged = new(() =>
        CorpusDocuments.All.Select(d => DocumentTagger.Tag(d, TaggingTestData.Taxonomies)).ToList());

    private static readonly Lazy<(IReadOnlyList<ParsedDocument> Docs, TimeSpan Took)> Linked = new(() =>
    {
        var tagged = Tagged.Value;
        var sw = Stopwatch.StartNew();
        var docs = Linker.Link(tagged);
        return (docs, sw.Elapsed);
    });

    public static IReadOnlyList<ParsedDocument> TaggedDocs => Tagged.Value;

    public static IReadOnlyList<ParsedDocument> All => Linked.Value.Docs;

    public static TimeSpan LinkTime => Linked.Value.Took;

    public static IEnumerable<Clause> Clauses => All.SelectMany(d => d.Clauses);
}
