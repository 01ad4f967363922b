using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Pipeline;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>The real corpus through the build pipeline into an in-memory index, once for all search tests.</summary>
internal static class CorpusStore
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Lazy<LuceneStore> Store = new(() =>
    {
        using var corpus = CorpusPipeline.Run(RepoPaths.CorpusDir);
        Assert.True(corpus.Succeeded, string.Join("\n", corpus.Errors));
        var dir = new RAMDirectory();
        GenerationWriter.Write(dir, corpus.Documents, corpus.Vocabulary);
        return new LuceneStore(DirectoryReader.Open(dir), corpus.Vocabulary, "corpus", () => Today, CitationWiring.Default, dir);
    });

    public static LuceneStore Instance => Store.Value;
}
