using GreenPolicy.Index;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Fields = GreenPolicy.Index.Fields;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>
/// The counting layout (per-document groups + 16-bit ordinals) must count exactly what the plain CSR pass counts,
/// whatever the data: clauses of one document apart from each other, a "per-document" value that differs between
/// clauses of one document, records with no facet values at all.
/// </summary>
public sealed class FacetCountingTests
{
    private static (FacetOrdinals Ordinals, int MaxDoc) RandomOrdinals(int seed, int docs)
    {
        var random = new Random(seed);
        using var dir = new RAMDirectory();
        using (var writer = new IndexWriter(dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
        {
            for (var i = 0; i < docs; i++)
            {
                var doc = new Document { new StringField("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO) };
                if (random.Next(20) > 0)
                {
                    // Mostly runs of clauses of one document, sometimes interleaved; jurisdiction now and then off its document's.
                    var policy = random.Next(4) == 0 ? random.Next(40) : i / 7 % 40;
                    Add(doc, Fields.Doc, $"d{policy}");
                    Add(doc, Fields.Level, policy % 3 == 0 ? "national" : "provincial");
                    Add(doc, Fields.Jurisdiction, random.Next(10) == 0 ? "CN-XX" : $"CN-{policy % 5}");
                    for (var k = random.Next(4); k > 0; k--)
                    {
                        Add(doc, Fields.Industry, $"C{random.Next(12)}");
                    }
                    if (random.Next(3) == 0)
                    {
                        Add(doc, Fields.Year, $"{2015 + random.Next(10)}");
                    }
                    Add(doc, Fields.Modality, random.Next(2) == 0 ? "require" : "encourage");
                }
                writer.AddDocument(doc);
            }
        }
        using var reader = DirectoryReader.Open(dir);
        var leaf = reader.Leaves.Single().AtomicReader;
        return (FacetOrdinals.Build(leaf, Fields.FacetDimensions), leaf.MaxDoc);

        static void Add(Document doc, string field, string value)
        {
            if (!doc.Fields.Any(f => f.Name == field && f.GetStringValue() == value))
            {
                doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 300)]
    [InlineData(3, 5_000)]
    public void CountHitCountsWhatCountAllCounts(int seed, int docs)
    {
        var (ordinals, maxDoc) = RandomOrdinals(seed, docs);
        Assert.True(ordinals.GroupCount > 0);
        var random = new Random(seed);
        foreach (var density in new[] { 0.01, 0.3, 1.0 })
        {
            var hits = Enumerable.Range(0, maxDoc).Where(_ => random.NextDouble() < density).ToList();
            var expected = new int[ordinals.OrdinalCount];
            var counts = new int[ordinals.OrdinalCount];
            var groups = ordinals.NewGroupCounts();
            foreach (var doc in hits)
            {
                ordinals.CountAll(doc, expected);
                ordinals.CountHit(doc, counts, groups);
            }
            ordinals.AddGroups(groups, counts);
            Assert.Equal(expected, counts);
        }
    }

    [Fact]
    public void CountHitInCountsWhatCountCountsInEachDimension()
    {
        // A hit failing only one filter is counted in that filter's dimension alone ("drill sideways").
        var (ordinals, maxDoc) = RandomOrdinals(5, 3_000);
        for (var dim = 0; dim < ordinals.Dimensions.Count; dim++)
        {
            var expected = new int[ordinals.OrdinalCount];
            var counts = new int[ordinals.OrdinalCount];
            var groups = ordinals.NewGroupCounts();
            for (var doc = dim % 2; doc < maxDoc; doc += 2)
            {
                ordinals.Count(dim, doc, expected);
                ordinals.CountHitIn(dim, doc, counts, groups);
            }
            ordinals.AddGroups(groups, counts, dim);
            Assert.Equal(expected, counts);
        }
    }

    [Fact]
    public void TheReadBackOrdinalsCountTheSame()
    {
        var (ordinals, maxDoc) = RandomOrdinals(4, 2_000);
        using var stream = new MemoryStream();
        ordinals.Write(stream);
        stream.Position = 0;
        var read = FacetOrdinals.Read(stream, Fields.FacetDimensions, maxDoc)!;
        var (a, b) = (new int[ordinals.OrdinalCount], new int[read.OrdinalCount]);
        var (ga, gb) = (ordinals.NewGroupCounts(), read.NewGroupCounts());
        for (var doc = 0; doc < maxDoc; doc += 3)
        {
            ordinals.CountHit(doc, a, ga);
            read.CountHit(doc, b, gb);
        }
        ordinals.AddGroups(ga, a);
        read.AddGroups(gb, b);
        Assert.Equal(a, b);
    }
}
