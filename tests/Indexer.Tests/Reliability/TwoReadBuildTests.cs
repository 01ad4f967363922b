using GreenPolicy.Domain;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Index;
using GreenPolicy.Pipeline;
using TestPaths = GreenPolicy.Indexer.Tests.Corpus.RepoPaths;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>
/// A build reads each corpus file twice: once to link it, once, after linking, to write it (CorpusPipeline). The
/// documents written must be those linked, and a file changed in between must stop the build, not mix two versions.
/// </summary>
public sealed class TwoReadBuildTests : IDisposable
{
    private readonly TempCorpus corpus = new("reread");

    public void Dispose() => corpus.Dispose();

    [Fact]
    public void The_pipeline_writes_what_linking_the_parsed_documents_in_memory_gives()
    {
        var source = CorpusSource.Open(TestPaths.CorpusDir);
        var t = source.TaxonomyTexts;
        var taxonomies = Taxonomies.Load(t["industries.yaml"], t["departments.yaml"], t["topics.yaml"], t["places.yaml"], t.GetValueOrDefault("synonyms.yaml"));
        var inMemory = Linker.Link([.. source.ReadDocuments([]).Select(d => CorpusFile.Parse(d.File.FileName, d.Content))
            .Select(f => DocumentTagger.Tag(StructureParser.Parse(f.Meta!, f.Body), taxonomies))]);

        using var built = CorpusPipeline.Run(TestPaths.CorpusDir);

        Assert.True(built.Succeeded, string.Join("\n", built.Errors));
        Assert.Equal(inMemory.Select(d => d.Meta.Id), built.Documents.Select(d => d.Meta.Id));
        Assert.True(inMemory.Sum(d => d.Clauses.Sum(c => c.Links.Count)) > 500);
        for (var d = 0; d < inMemory.Count; d++)
            Assert.Equal(IndexJson.Write(inMemory[d]), IndexJson.Write(built.Documents[d]));
    }

    [Theory]
    [InlineData("link:")]  // while linking: the citation resolver reads a cited document again, or the writer does
    [InlineData("linked")] // once linked: the writer reads it again
    public void A_file_changed_after_its_first_read_stops_the_build_and_the_serving_generation_stays(string when)
    {
        Assert.True(IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir).Succeeded);
        var serving = corpus.Current;
        var file = Directory.GetFiles(corpus.CorpusDir, "*.md").First(f => !f.EndsWith("README.md", StringComparison.Ordinal));

        var edited = false;
        var result = IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir, line =>
        {
            if (!edited && line.StartsWith(when, StringComparison.Ordinal))
            {
                File.AppendAllText(file, "\n（九）新增一条。\n");
                edited = true;
            }
        });

        Assert.True(edited);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal($"the build failed: {Path.GetFileName(file)} changed while the index was being built; build again", error.Message);
        Assert.Equal(serving, corpus.Current);
        Assert.True(IndexBuild.Run(corpus.CorpusDir, corpus.IndexDir).Succeeded, "the next build reads the edited file");
    }

    [Fact]
    public void A_file_removed_after_it_was_read_cannot_be_read_again()
    {
        var path = corpus.Write("gone.md", "---\nid: gone\n---\n正文。\n");
        var read = CorpusSource.Open(corpus.CorpusDir).ReadDocuments([]).Single(d => d.File.FileName == "gone.md");
        Assert.Equal(File.ReadAllText(path), read.File.ReadAgain());

        File.Delete(path);

        var e = Assert.Throws<IOException>(read.File.ReadAgain);
        Assert.StartsWith("gone.md changed while the index was being built", e.Message);
    }
}
