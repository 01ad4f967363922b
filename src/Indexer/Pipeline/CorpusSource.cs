using System.Text;
using GreenPolicy.Domain.Corpus;

namespace GreenPolicy.Pipeline;

/// <summary>A problem with a corpus file, with where it is: "corpus/x.md:12: message".</summary>
public sealed record BuildError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";

    public static BuildError From(CorpusDiagnostic d) => new(d.File, d.Line, d.Message);
}

/// <summary>
/// A corpus file as it was read: enough to read it again and know that it is the same file (its SHA-256), without
/// holding its text. A build parses each file twice, once to link it and once to write it (CorpusPipeline).
/// </summary>
public sealed record SourceFile(string FileName, string Path, byte[] Sha256)
{
    /// <summary>The file's text again, or an IOException saying that it changed (or went) since it was first read.</summary>
    public string ReadAgain()
    {
        var errors = new List<BuildError>();
        var bytes = CorpusSource.ReadBytes(Path, errors);
        if (bytes is null || !System.Security.Cryptography.SHA256.HashData(bytes).AsSpan().SequenceEqual(Sha256))
        {
            throw new IOException($"{FileName} changed while the index was being built; build again" +
                                  (errors.Count > 0 ? $" ({errors[0].Message})" : ""));
        }
        return CorpusSource.Decode(Path, bytes, errors) ?? throw new IOException($"{FileName}: {errors[0].Message}");
    }
}

/// <summary>
/// The files of a corpus directory, read as strict UTF-8 (the domain never reads files): the taxonomies when it is
/// opened, each document file when it is asked for, so that a build holds the texts of the files it is parsing and
/// no others (all 10,000 of the benchmark's largest corpus held at once were ~0.4 GB of UTF-16 and as much again of
/// bodies cut from them).
/// </summary>
public sealed record CorpusSource(
    IReadOnlyList<string> DocumentPaths,
    IReadOnlyDictionary<string, string> TaxonomyTexts,
    IReadOnlyList<BuildError> Errors)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The document files (*.md but README.md, in ordinal order of their paths) and the taxonomies' texts.</summary>
    public static CorpusSource Open(string corpusDir)
    {
        var errors = new List<BuildError>();
        var taxonomy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(corpusDir))
        {
            errors.Add(new BuildError(corpusDir, 0, "corpus directory not found"));
            return new CorpusSource([], taxonomy, errors);
        }
        var paths = Directory.GetFiles(corpusDir, "*.md")
            .Where(p => !Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var taxonomyDir = Path.Combine(corpusDir, "taxonomy");
        foreach (var name in Domain.Tagging.Taxonomies.FileNames)
        {
            var path = Path.Combine(taxonomyDir, name);
            if (File.Exists(path) && ReadBytes(path, errors) is { } bytes && Decode(path, bytes, errors) is { } text)
            {
                taxonomy[name] = text;
            }
        }
        return new CorpusSource(paths, taxonomy, errors);
    }

    /// <summary>The document file at <paramref name="path"/> and its text; null, with the reason added to <paramref name="errors"/>, when it cannot be read.</summary>
    public static (SourceFile File, string Content)? ReadDocument(string path, List<BuildError> errors) =>
        ReadBytes(path, errors) is { } bytes && Decode(path, bytes, errors) is { } text
            ? (new SourceFile(Path.GetFileName(path), path, System.Security.Cryptography.SHA256.HashData(bytes)), text)
            : null;

    /// <summary>Every document file that can be read, one at a time, in order; the others' reasons go to <paramref name="errors"/>.</summary>
    public IEnumerable<(SourceFile File, string Content)> ReadDocuments(List<BuildError> errors)
    {
        foreach (var path in DocumentPaths)
        {
            if (ReadDocument(path, errors) is { } read)
            {
                yield return read;
            }
        }
    }

    /// <summary>
    /// The largest corpus file read. The longest real plan is far below (sichuan-13fyp.md is 60 KB; a whole
    /// 十四五 national plan about 300 KB); a 20 MB ".md" is a mis-export or a dump, and parsing and linking it
    /// would hold a build for many minutes.
    /// </summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    internal static byte[]? ReadBytes(string path, List<BuildError> errors)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                errors.Add(new BuildError(path, 0,
                    $"file is {length / (1024.0 * 1024.0):0.0} MB, over the {MaxFileBytes / (1024 * 1024)} MB limit for one document (is it the right file?)"));
                return null;
            }
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new BuildError(path, 0, $"unreadable: {e.Message}"));
            return null;
        }
    }

    internal static string? Decode(string path, byte[] bytes, List<BuildError> errors)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            // Report the line of the first byte that is not UTF-8 (a GBK file, typically).
            var at = Math.Max(0, e.Index);
            var line = 1 + bytes.Take(Math.Min(at, bytes.Length)).Count(b => b == (byte)'\n');
            errors.Add(new BuildError(path, line, "not UTF-8 (save the file as UTF-8)"));
            return null;
        }
    }
}
