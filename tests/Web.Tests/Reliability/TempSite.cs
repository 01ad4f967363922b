using GreenPolicy.Index;
using GreenPolicy.Web.Infrastructure;
using GreenPolicy.Web.Store;
using GreenPolicy.Web.Tests.Support;

namespace GreenPolicy.Web.Tests.Reliability;

/// <summary>
/// A private copy of corpus/ (plus any extra files) built into its own temporary index, served through the
/// production provider (IndexStoreProvider over IndexManager, polling CURRENT), so a test can add documents,
/// rebuild and watch the site switch.
/// </summary>
public sealed class TempSite : IDisposable
{
    public static readonly Func<DateOnly> Today = () => new DateOnly(2026, 11, 23);

    public TempSite(IReadOnlyDictionary<string, string>? extraFiles = null, TimeSpan? poll = null)
    {
        var repo = RepoPaths.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("GreenPolicy.sln not found");
        Root = Path.Combine(Path.GetTempPath(), "gp-relweb-" + Guid.NewGuid().ToString("N")[..12]);
        CorpusDir = Path.Combine(Root, "corpus");
        IndexDir = Path.Combine(Root, "index");
        Copy(Path.Combine(repo, "corpus"), CorpusDir);
        foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(CorpusDir, name), text);
        }
        Manager = IndexManager.EnsureBuiltAndOpen(CorpusDir, IndexDir, Today, log: null, pollInterval: poll ?? TimeSpan.Zero);
        Provider = new IndexStoreProvider(Manager);
    }

    public string Root { get; }
    public string CorpusDir { get; }
    public string IndexDir { get; }
    public IndexManager Manager { get; }
    public IPolicyStoreProvider Provider { get; }

    public SiteFactory Factory(IReadOnlyDictionary<string, string?>? settings = null) => new(Provider, settings);

    public void Dispose()
    {
        Manager.Dispose();
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

    /// <summary>A small well-formed provincial document (id = file name).</summary>
    public static string Document(string id, string title, string body) =>
        $"---\nid: {id}\ntitle: {title}\nlevel: provincial\njurisdiction: CN-GZ\nperiod: [2021, 2025]\n---\n{body}";
}
