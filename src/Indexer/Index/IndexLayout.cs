using System.Security.Cryptography;

namespace GreenPolicy.Index;

/// <summary>
/// The index root on disk: <c>gen-&lt;utc&gt;-&lt;random&gt;/</c> directories, each complete once its
/// manifest.json exists, and a <c>CURRENT</c> file naming the one being served. CURRENT is only ever
/// replaced by a rename, so a reader sees the old name or the new one, never half a file.
/// </summary>
public static class IndexLayout
{
    /// <summary>
    /// Bumped when the index's fields change, or what the build puts in them (a tagger's or the linker's output), so
    /// that an older generation counts as stale. 6: a count's metric is the noun its modifiers qualify.
    /// </summary>
    public const int FormatVersion = 6;

    public const string CurrentFile = "CURRENT";
    public const string ManifestFile = "manifest.json";
    public const string VocabularyFile = "vocabulary.json";
    public const string LuceneFolder = "lucene";
    public const string LockFile = "build.lock";
    private const string Prefix = "gen-";

    public static string NewGenerationName(DateTimeOffset utcNow) =>
        $"{Prefix}{utcNow.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The generation CURRENT names, or null when there is none (or it names a missing directory).</summary>
    public static string? ReadCurrent(string indexRoot)
    {
        var path = Path.Combine(indexRoot, CurrentFile);
        string name;
        try
        {
            name = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        return IsGenerationName(name) && File.Exists(Path.Combine(indexRoot, name, ManifestFile)) ? name : null;
    }

    /// <summary>Points CURRENT at <paramref name="generation"/>: write a temporary file, then rename over CURRENT.</summary>
    public static void WriteCurrent(string indexRoot, string generation)
    {
        var temp = Path.Combine(indexRoot, $"{CurrentFile}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(generation);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(indexRoot, CurrentFile), overwrite: true);
    }

    public static bool IsGenerationName(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.IndexOfAny(['/', '\\']) < 0 && !name.Contains("..", StringComparison.Ordinal);

    public static Manifest? ReadManifest(string generationDir)
    {
        var path = Path.Combine(generationDir, ManifestFile);
        return File.Exists(path) ? IndexJson.Read<Manifest>(File.ReadAllText(path)) : null;
    }

    /// <summary>
    /// Removes incomplete generations (no manifest: a killed build) and old ones, keeping the serving
    /// generation and the one before it (a site still finishing a request on it keeps working).
    /// Called by a build while it holds the build lock, so no other build is writing.
    /// </summary>
    public static IReadOnlyList<string> RemoveOldGenerations(string indexRoot, string? keepAlso = null)
    {
        var removed = new List<string>();
        if (!Directory.Exists(indexRoot))
        {
            return removed;
        }
        var current = ReadCurrent(indexRoot);
        var complete = new List<(string Name, DateTimeOffset Created)>();
        foreach (var dir in Directory.GetDirectories(indexRoot))
        {
            var name = Path.GetFileName(dir);
            if (!IsGenerationName(name) || name == current || name == keepAlso)
            {
                continue;
            }
            Manifest? manifest = null;
            try
            {
                manifest = ReadManifest(dir);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                // An unreadable manifest is as good as none.
            }
            if (manifest is null)
            {
                TryDelete(dir, removed);
            }
            else
            {
                complete.Add((name, manifest.CreatedUtc));
            }
        }
        // The newest complete non-serving generation is the previous one: keep it.
        foreach (var (name, _) in complete.OrderByDescending(g => g.Created).Skip(1))
        {
            TryDelete(Path.Combine(indexRoot, name), removed);
        }
        foreach (var temp in Directory.GetFiles(indexRoot, $"{CurrentFile}.*.tmp"))
        {
            try { File.Delete(temp); } catch (IOException) { }
        }
        return removed;
    }

    private static void TryDelete(string dir, List<string> removed)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
            removed.Add(Path.GetFileName(dir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still open somewhere (another platform's file locking): the next build tries again.
        }
    }
}
