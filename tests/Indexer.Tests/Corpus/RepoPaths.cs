namespace GreenPolicy.Indexer.Tests.Corpus;

/// <summary>Where the repository and the shared folder beside it are, found from the test binary.</summary>
internal static class RepoPaths
{
    /// <summary>The folder holding GreenPolicy.sln, walking up from the test binary.</summary>
    public static string Root { get; } = FindRoot();

    public static string CorpusDir => Path.Combine(Root, "corpus");

    /// <summary>../shared beside the repository (CI has it; a fresh clone may not): null when absent.</summary>
    public static string? SharedDir
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    /// <summary>The corpus documents (not corpus/taxonomy), in file-name order.</summary>
    public static IReadOnlyList<string> CorpusFiles() =>
        Directory.GetFiles(CorpusDir, "*.md", SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GreenPolicy.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("GreenPolicy.sln not found above " + AppContext.BaseDirectory);
    }
}
