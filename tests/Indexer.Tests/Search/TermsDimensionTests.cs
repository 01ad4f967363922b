using GreenPolicy.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>A filter or boost dimension answers which documents hold its terms, rare terms and common ones alike.</summary>
public class TermsDimensionTests
{
    [Fact]
    public void Rare_common_and_missing_terms_answer_for_exactly_their_documents()
    {
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(ChineseAnalyzer.Version, new ChineseAnalyzer())))
        {
            for (var d = 0; d < 200; d++)
            {
                var doc = new Document();
                if (d is 3 or 50 or 197) doc.Add(new StringField("f", "rare", Field.Store.NO));
                if (d % 2 == 0) doc.Add(new StringField("f", "even", Field.Store.NO));
                if (d == 50) doc.Add(new StringField("f", "other", Field.Store.NO));
                writer.AddDocument(doc);
            }
            writer.ForceMerge(1);
        }
        using var reader = DirectoryReader.Open(dir);
        var segment = reader.Leaves.Single().AtomicReader;
        IEnumerable<int> Passing(params string[] values)
        {
            var passes = new TermsDimension("f", "f", values).ForSegment(segment);
            return Enumerable.Range(0, 200).Where(passes);
        }

        Assert.Equal([3, 50, 197], Passing("rare"));                     // sorted documents
        Assert.Equal([3, 50, 197], Passing("rare", "other"));            // one document under two terms
        Assert.Equal(Enumerable.Range(0, 100).Select(d => 2 * d), Passing("even")); // a bit per document
        Assert.Empty(Passing("absent"));
    }
}
