using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>Where the tagging tests find the repository, its taxonomy files and the shared evaluation set.</summary>
internal static class TaggingTestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GreenPolicy.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GreenPolicy.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<Taxonomies> Tax = new(() => LoadTaxonomies(Path.Combine(RepoRoot, "corpus", "taxonomy")));

    public static string RepoRoot => Root.Value;

    /// <summary>../shared beside the repository (a symlink in a worktree, a checkout in CI), or null when absent.</summary>
    public static string? SharedDir
    {
        get
        {
            var d = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(d) ? d : null;
        }
    }

    /// <summary>The repository's taxonomies, loaded once.</summary>
    public static Taxonomies Taxonomies => Tax.Value;

    /// <summary>Reads corpus/taxonomy's files and hands their text to the pure loader.</summary>
    public static Taxonomies LoadTaxonomies(string dir) =>
        Taxonomies.Load(name => File.Exists(Path.Combine(dir, name)) ? File.ReadAllText(Path.Combine(dir, name)) : null);
}
