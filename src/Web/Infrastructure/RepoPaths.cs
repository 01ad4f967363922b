namespace GreenPolicy.Web.Infrastructure;

/// <summary>Finds the repository root (the folder holding GreenPolicy.sln) by walking up from a start folder.</summary>
public static class RepoPaths
{
    public static string? FindRoot(params string?[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GreenPolicy.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
