using GreenPolicy.Index;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>The build's directory checksums its files as Lucene does, and Lucene verifies them.</summary>
public sealed class BuildDirectoryTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "gp-builddir-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void An_output_writes_its_bytes_and_their_crc32_however_they_come()
    {
        System.IO.Directory.CreateDirectory(root);
        var path = Path.Combine(root, "f");
        var rng = new Random(3);
        var expected = new List<byte>();
        // The reference: Lucene.Net's own output, written the same bytes beside it.
        using var reference = new NIOFSDirectory(Path.Combine(root, "reference"));
        using var lucene = reference.CreateOutput("f", IOContext.DEFAULT);
        using (var output = new BuildDirectory.ChecksumOutput(path))
        {
            // Single bytes, runs that fit the buffer, runs that cross it and runs longer than it.
            foreach (var length in new[] { 1, 1, 100, 65_000, 1, 70_000, 3, 65_536, 200_000, 0, 17 })
            {
                var bytes = new byte[length + 2];
                rng.NextBytes(bytes);
                if (length == 1)
                {
                    output.WriteByte(bytes[1]);
                    lucene.WriteByte(bytes[1]);
                }
                else
                {
                    output.WriteBytes(bytes, 1, length);
                    lucene.WriteBytes(bytes, 1, length);
                }
                expected.AddRange(bytes.AsSpan(1, length).ToArray());
                Assert.Equal(expected.Count, output.Position);
                Assert.Equal(lucene.Checksum, output.Checksum);
            }
        }
        Assert.Equal(expected, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_index_written_through_it_passes_CheckIndex_and_a_flipped_byte_fails_it()
    {
        var path = Path.Combine(root, "index");
        using (var directory = new BuildDirectory(path))
        {
            using var writer = new IndexWriter(directory, GenerationWriter.WriterConfig(new ChineseAnalyzer(), flushEveryDocs: 50));
            for (var i = 0; i < 200; i++)
            {
                writer.AddDocument([new TextField("text", $"第{i}条 推进钢铁行业超低排放改造，到2025年完成{i}%。", Field.Store.YES)]);
            }
            writer.ForceMerge(1);
            writer.Commit();
        }
        Assert.True(Check(path));

        var largest = new DirectoryInfo(path).GetFiles().Where(f => !f.Name.StartsWith("segments", StringComparison.Ordinal)).MaxBy(f => f.Length)!;
        var bytes = File.ReadAllBytes(largest.FullName);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(largest.FullName, bytes);
        Assert.False(Check(path));
    }

    private static bool Check(string path)
    {
        using var directory = FSDirectory.Open(path);
        var status = new CheckIndex(directory) { InfoStream = TextWriter.Null }.DoCheckIndex();
        return status.Clean;
    }
}
