using Lucene.Net.Index;

namespace GreenPolicy.Index;

/// <summary>
/// What a served generation needs at start, precomputed beside lucene/ so that opening it reads a few
/// small files instead of every document record, every facet doc value and every vocabulary duplicate
/// (at 1,000 documents those passes took most of the 2.5 s start): <c>extras-v1/documents.json</c> (each
/// document's metadata, clause count and rank, without its units), <c>extras-v1/vocabulary.json</c> (the
/// vocabulary with one entry per concept, as <see cref="VocabularyIndex"/> merges it) and
/// <c>extras-v1/facets-&lt;segment&gt;.bin</c> (<see cref="FacetOrdinals"/>). A generation never changes, so
/// neither do its extras. Written by <see cref="Write(string)"/> after a build, or by the store itself the
/// first time it opens a generation without them; a missing or unreadable file is computed from the index.
/// </summary>
public static class GenerationExtras
{
    public const string Folder = "extras-v1";
    private const string DocumentsFile = "documents.json";
    private const string VocabularyFile = "vocabulary.json";

    /// <summary>
    /// Writes the extras of the complete generation in <paramref name="generationDir"/> (lucene/ and vocabulary.json
    /// written), once: the store is opened without its own write of missing extras, and a failure to write is the
    /// build's error rather than skipped as it is when a site opens a read-only folder.
    /// </summary>
    public static void Write(string generationDir)
    {
        using var store = LuceneStore.Open(generationDir, () => DateOnly.FromDateTime(DateTime.UtcNow), _ => new NoCitationService(), writeMissingExtras: false);
        store.WriteExtras(generationDir);
    }

    internal static string PathOf(string generationDir, string file) => Path.Combine(generationDir, Folder, file);

    internal static string FacetsFile(string segment) => $"facets-{segment}.bin";

    // Read whole, then parsed: records with constructor parameters make a streaming read buffer each one ahead,
    // which at 10,000 documents cost more than the parse.
    internal static IReadOnlyList<DocumentRecord>? ReadDocuments(string generationDir) =>
        TryRead(PathOf(generationDir, DocumentsFile), s => System.Text.Json.JsonSerializer.Deserialize<List<DocumentRecord>>(ReadAll(s), IndexJson.Options));

    internal static QueryVocabulary? ReadVocabulary(string generationDir) =>
        TryRead(PathOf(generationDir, VocabularyFile), s => System.Text.Json.JsonSerializer.Deserialize<QueryVocabulary>(ReadAll(s), IndexJson.Options));

    private static byte[] ReadAll(Stream s)
    {
        using var buffer = new MemoryStream(s.CanSeek ? (int)s.Length : 0);
        s.CopyTo(buffer);
        return buffer.ToArray();
    }

    internal static FacetOrdinals? ReadFacets(string generationDir, SegmentReader segment, IReadOnlyList<string> dims) =>
        TryRead(PathOf(generationDir, FacetsFile(segment.SegmentName)), s => FacetOrdinals.Read(s, dims, segment.MaxDoc));

    /// <summary>The light records: what the store keeps of every document (units, metadata lines and references are read when asked for).</summary>
    internal static void WriteDocuments(string generationDir, IEnumerable<DocumentRecord> documents) =>
        WriteAtomically(PathOf(generationDir, DocumentsFile), s => System.Text.Json.JsonSerializer.Serialize(s, documents.Select(Light).ToList(), IndexJson.Options));

    internal static void WriteVocabulary(string generationDir, VocabularyIndex vocabulary) =>
        WriteAtomically(PathOf(generationDir, VocabularyFile),
            s => System.Text.Json.JsonSerializer.Serialize(s, new QueryVocabulary { Entries = vocabulary.Entries.ToList() }, IndexJson.Options));

    internal static void WriteFacets(string generationDir, SegmentReader segment, FacetOrdinals ordinals) =>
        WriteAtomically(PathOf(generationDir, FacetsFile(segment.SegmentName)), ordinals.Write);

    internal static DocumentRecord Light(DocumentRecord d) => d with { Units = [], Metadata = [], References = [] };

    private static T? TryRead<T>(string path, Func<Stream, T?> read) where T : class
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            // Missing (an older generation, a build that did not write them) or damaged: computed from the index instead.
            return null;
        }
    }

    /// <summary>A temporary file renamed into place: a reader sees the whole file or none.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
