using System.Security.Cryptography;
using System.Text;

namespace GreenPolicy.Index;

/// <summary>
/// What the index was built from: every corpus/*.md and corpus/taxonomy/** file with its size and
/// modification time. A different fingerprint means the index is stale.
/// </summary>
public static class CorpusFingerprint
{
    public static IReadOnlyList<FingerprintFile> Files(string corpusDir)
    {
        var files = new List<FingerprintFile>();
        if (!Directory.Exists(corpusDir))
        {
            return files;
        }
        IEnumerable<string> paths = Directory.GetFiles(corpusDir, "*.md", SearchOption.TopDirectoryOnly);
        var taxonomy = Path.Combine(corpusDir, "taxonomy");
        if (Directory.Exists(taxonomy))
        {
            paths = paths.Concat(Directory.GetFiles(taxonomy, "*", SearchOption.AllDirectories));
        }
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            var relative = Path.GetRelativePath(corpusDir, path).Replace('\\', '/');
            files.Add(new FingerprintFile(relative, info.Length, info.LastWriteTimeUtc));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    public static string Compute(IReadOnlyList<FingerprintFile> files)
    {
        var text = new StringBuilder($"format {IndexLayout.FormatVersion}\n");
        foreach (var f in files)
        {
            text.Append(f.Path).Append('\t').Append(f.Size).Append('\t').Append(f.ModifiedUtc.Ticks).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string Compute(string corpusDir) => Compute(Files(corpusDir));
}

public enum IndexState
{
    Fresh,
    Missing,
    Stale,
}

/// <summary>Is the served index built from the corpus as it is now?</summary>
public static class Staleness
{
    public static IndexState Check(string corpusDir, string indexRoot)
    {
        var current = IndexLayout.ReadCurrent(indexRoot);
        if (current is null)
        {
            return IndexState.Missing;
        }
        var manifest = IndexLayout.ReadManifest(Path.Combine(indexRoot, current));
        if (manifest is null)
        {
            return IndexState.Missing;
        }
        return manifest.FormatVersion == IndexLayout.FormatVersion && manifest.Fingerprint == CorpusFingerprint.Compute(corpusDir)
            ? IndexState.Fresh
            : IndexState.Stale;
    }
}
