namespace GreenPolicy.Cli;

/// <summary>Default locations: corpus/ and data/index/ under the repository root (the folder holding GreenPolicy.sln).</summary>
public static class RepoPaths
{
    public const string SolutionFile = "GreenPolicy.sln";

    /// <summary>Walks up from <paramref name="start"/> to the folder containing GreenPolicy.sln; null when none.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    public static string DefaultCorpus(string root) => Path.Combine(root, "corpus");

    public static string DefaultIndex(string root) => Path.Combine(root, "data", "index");
}
