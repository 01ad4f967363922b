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

/// <summary>The files of a corpus directory, read as strict UTF-8 (the domain never reads files).</summary>
public sealed record CorpusSource(
    IReadOnlyList<(SourceFile File, string Content)> Documents,
    IReadOnlyDictionary<string, string> TaxonomyTexts,
    IReadOnlyList<BuildError> Errors)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CorpusSource Read(string corpusDir)
    {
        var docs = new List<(SourceFile, string)>();
        var errors = new List<BuildError>();
        var taxonomy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(corpusDir))
        {
            errors.Add(new BuildError(corpusDir, 0, "corpus directory not found"));
            return new CorpusSource(docs, taxonomy, errors);
        }
        foreach (var path in Directory.GetFiles(corpusDir, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (ReadBytes(path, errors) is { } bytes && Decode(path, bytes, errors) is { } text)
            {
                docs.Add((new SourceFile(Path.GetFileName(path), path, System.Security.Cryptography.SHA256.HashData(bytes)), text));
            }
        }
        var taxonomyDir = Path.Combine(corpusDir, "taxonomy");
        foreach (var name in Domain.Tagging.Taxonomies.FileNames)
        {
            var path = Path.Combine(taxonomyDir, name);
            if (File.Exists(path) && ReadBytes(path, errors) is { } bytes && Decode(path, bytes, errors) is { } text)
            {
                taxonomy[name] = text;
            }
        }
        return new CorpusSource(docs, taxonomy, errors);
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
