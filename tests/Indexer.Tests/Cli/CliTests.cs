using System.Text.Json;
using GreenPolicy.Cli;
using TestPaths = GreenPolicy.Indexer.Tests.Corpus.RepoPaths;

namespace GreenPolicy.Indexer.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "gp-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public CliTests()
    {
        // A repository-like folder: GreenPolicy.sln and corpus/, so the defaults are found by walking up.
        Directory.CreateDirectory(Path.Combine(root, "sub", "dir"));
        File.WriteAllText(Path.Combine(root, "GreenPolicy.sln"), "");
        Copy(TestPaths.CorpusDir, Path.Combine(root, "corpus"));
    }

    public void Dispose()
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr, Path.Combine(root, "sub", "dir"));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void BuildFindsTheRepositoryRootAndPrintsASummary()
    {
        var (code, output, error) = Run("build");
        Assert.True(code == 0, error);
        Assert.Matches(@"built gen-\S+: 5 documents, \d+ clauses, [\d.]+ s", output);
        Assert.True(File.Exists(Path.Combine(root, "data", "index", "CURRENT")));

        var (showCode, json, _) = Run("show", "miit-2018-136/part_2__item_2");
        Assert.Equal(0, showCode);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("miit-2018-136/part_2__item_2", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal(1, Run("show", "miit-2018-136/no_such").Code);
    }

    [Fact]
    public void ValidateReportsEveryProblemWithFileAndLine()
    {
        Assert.Equal(0, Run("validate").Code);
        File.WriteAllText(Path.Combine(root, "corpus", "broken.md"), "---\nid: broken\ntitle: 坏文件\nlevel: county\n---\n正文。\n");
        var (code, _, error) = Run("validate");
        Assert.Equal(1, code);
        Assert.Matches(@"broken\.md:\d+:", error);
    }

    [Fact]
    public void ExportWritesEveryClauseAsOneJsonLine()
    {
        var outFile = Path.Combine(root, "clauses.jsonl");
        var (code, _, error) = Run("export", "--format", "jsonl", "--out", outFile);
        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(outFile);
        Assert.True(lines.Length > 100);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("id").GetString()));
            Assert.True(doc.RootElement.TryGetProperty("industries", out _));
            Assert.True(doc.RootElement.TryGetProperty("links", out _));
        }
        Assert.Equal(lines.Length, lines.Distinct().Count());
        Assert.Equal(2, Run("export", "--format", "xml").Code);
    }

    [Fact]
    public void ExplicitDirectoriesOverrideTheDefaults()
    {
        var index = Path.Combine(root, "elsewhere");
        var (code, _, error) = Run("build", "--corpus", Path.Combine(root, "corpus"), "--index", index);
        Assert.True(code == 0, error);
        Assert.True(File.Exists(Path.Combine(index, "CURRENT")));
    }

    [Fact]
    public void UnknownCommandIsAUsageError()
    {
        Assert.Equal(2, Run("frobnicate").Code);
        Assert.Equal(2, Run().Code);
    }
}
