using GreenPolicy.Cli;
using GreenPolicy.Index;
using TestPaths = GreenPolicy.Indexer.Tests.Corpus.RepoPaths;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>
/// A private copy of corpus/ and an index folder under the temp directory, so a test can break files
/// and kill builds without touching the repository. Deleted on dispose.
/// </summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), $"gp-rel-{name}-{Guid.NewGuid():N}"[..40]);
        CorpusDir = Path.Combine(Root, "corpus");
        IndexDir = Path.Combine(Root, "index");
        Copy(TestPaths.CorpusDir, CorpusDir);
    }

    public string Root { get; }
    public string CorpusDir { get; }
    public string IndexDir { get; }

    public string? Current => IndexLayout.ReadCurrent(IndexDir);

    public string CurrentFileText => File.ReadAllText(Path.Combine(IndexDir, IndexLayout.CurrentFile));

    public string[] Generations => Directory.Exists(IndexDir)
        ? Directory.GetDirectories(IndexDir, "gen-*").Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToArray()
        : [];

    public string Write(string fileName, string content)
    {
        var path = Path.Combine(CorpusDir, fileName);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string fileName, byte[] bytes)
    {
        var path = Path.Combine(CorpusDir, fileName);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The indexer's command line in-process, on this corpus and index.</summary>
    public (int Code, string Out, string Err) Cli(string command)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run([command, "--corpus", CorpusDir, "--index", IndexDir], stdout, stderr, Root);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }
        foreach (var d in Directory.GetDirectories(from))
        {
            Copy(d, Path.Combine(to, Path.GetFileName(d)));
        }
    }
}

/// <summary>A well-formed provincial document, for tests that need one more file (or a variant of one).</summary>
internal static class SampleDoc
{
    public const string Body = "一、总体要求\n\n加快推进工业绿色低碳转型，提升能源利用效率。\n\n二、重点任务\n\n（一）推进钢铁行业节能降碳。\n";

    public static string Text(string id, string? body = null, string jurisdiction = "CN-GZ") =>
        $"---\nid: {id}\ntitle: 测试省工业绿色发展实施方案\nlevel: provincial\njurisdiction: {jurisdiction}\nperiod: [2021, 2025]\n---\n" + (body ?? Body);
}
