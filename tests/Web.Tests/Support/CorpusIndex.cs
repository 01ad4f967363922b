using GreenPolicy.Index;
using GreenPolicy.Web.Infrastructure;

namespace GreenPolicy.Web.Tests.Support;

/// <summary>
/// The real corpus (corpus/ of this repository) indexed once into a temporary folder and shared by the
/// site tests: the API and pages are tested on the five documents people will actually search.
/// </summary>
public sealed class CorpusIndex : IDisposable
{
    public CorpusIndex()
    {
        Root = RepoPaths.FindRoot(AppContext.BaseDirectory)
               ?? throw new InvalidOperationException("GreenPolicy.sln not found above " + AppContext.BaseDirectory);
        IndexDir = Path.Combine(Path.GetTempPath(), "greenpolicy-webtests-" + Guid.NewGuid().ToString("N"));
        Manager = IndexManager.EnsureBuiltAndOpen(Path.Combine(Root, "corpus"), IndexDir,
            () => DateOnly.FromDateTime(DateTime.Today), log: null, pollInterval: TimeSpan.Zero);
    }

    public string Root { get; }
    public string IndexDir { get; }
    public IndexManager Manager { get; }

    public void Dispose()
    {
        Manager.Dispose();
        try
        {
            Directory.Delete(IndexDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusIndex>
{
    public const string Name = "corpus index";
}
