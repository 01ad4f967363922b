using System.Text.Json;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// The taggers are built once per <see cref="Taxonomies"/> (and jurisdiction) and shared by every document, also
/// when documents are tagged on several threads at once: the result must be what tagging one after the other gives.
/// </summary>
public class ConcurrentTaggingTests
{
    private static string Json(ParsedDocument d) => JsonSerializer.Serialize(d);

    private static Taxonomies FreshTaxonomies() =>
        TaggingTestData.LoadTaxonomies(Path.Combine(TaggingTestData.RepoRoot, "corpus", "taxonomy"));

    [Fact]
    public void TaggingInParallelGivesTheSequentialResult()
    {
        var docs = CorpusDocuments.All;
        var sequentialTax = FreshTaxonomies();
        var expected = docs.Select(d => Json(DocumentTagger.Tag(d, sequentialTax))).ToList();

        for (var round = 0; round < 3; round++)
        {
            // A new Taxonomies each round, so its taggers and their lexicons are first built while several
            // threads ask for them at once; every document is tagged four times over.
            var tax = FreshTaxonomies();
            var actual = new string[docs.Count * 4];
            Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                k => actual[k] = Json(DocumentTagger.Tag(docs[k % docs.Count], tax)));
            for (var k = 0; k < actual.Length; k++)
                Assert.Equal(expected[k % docs.Count], actual[k]);
        }
    }
}
