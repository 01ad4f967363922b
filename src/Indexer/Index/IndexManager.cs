using GreenPolicy.Search;

namespace GreenPolicy.Index;

/// <summary>
/// Serves the generation CURRENT names and switches to a new one without a restart: it polls CURRENT
/// (every 2 s by default), opens the new generation, swaps it in, and closes the old one once the last
/// request using it has finished. Each call below runs on one generation from start to end; a request
/// that makes several calls takes a <see cref="Lease"/> so that they all see the same generation.
/// </summary>
public sealed class IndexManager : IPolicyStore, IDisposable
{
    private readonly string indexRoot;
    private readonly Func<DateOnly> today;
    private readonly Func<CitationCatalog, ICitationService>? citations;
    private readonly Timer? timer;
    private readonly object swapLock = new();
    private Handle? current;
    private bool disposed;

    private IndexManager(string indexRoot, Func<DateOnly> today, Func<CitationCatalog, ICitationService>? citations, TimeSpan? pollInterval)
    {
        this.indexRoot = Path.GetFullPath(indexRoot);
        this.today = today;
        this.citations = citations;
        Refresh();
        if (pollInterval is { } interval && interval > TimeSpan.Zero)
        {
            timer = new Timer(_ => SafeRefresh(), null, interval, interval);
        }
    }

    /// <summary>
    /// Opens the index under <paramref name="indexRoot"/>; throws <see cref="InvalidOperationException"/> when
    /// CURRENT names no complete generation. Polls CURRENT every <paramref name="pollInterval"/> (default 2 s; zero: never).
    /// </summary>
    public static IndexManager Open(string indexRoot, Func<DateOnly> today, TimeSpan? pollInterval = null, Func<CitationCatalog, ICitationService>? citations = null)
        => new(indexRoot, today, citations, pollInterval ?? TimeSpan.FromSeconds(2));

    /// <summary>
    /// The site's entry point: builds the index from <paramref name="corpusDir"/> when it is missing or
    /// stale (a failed build keeps an existing generation serving, and only throws when there is none),
    /// then opens it. <paramref name="log"/> receives progress lines.
    /// </summary>
    public static IndexManager EnsureBuiltAndOpen(string corpusDir, string indexRoot, Func<DateOnly> today, Action<string>? log = null,
        TimeSpan? pollInterval = null, Func<CitationCatalog, ICitationService>? citations = null)
    {
        IndexState state;
        try
        {
            state = Staleness.Check(corpusDir, indexRoot);
        }
        catch (Exception e) when (IsDamage(e))
        {
            // A manifest that is not JSON any more: as good as no index.
            log?.Invoke($"index unreadable ({e.GetType().Name}: {e.Message})");
            state = IndexState.Stale;
        }
        if (state != IndexState.Fresh)
        {
            log?.Invoke($"index {state.ToString().ToLowerInvariant()}: building from {corpusDir}");
            var result = Pipeline.IndexBuild.Run(corpusDir, indexRoot, log);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    log?.Invoke(error.ToString());
                }
                if (IndexLayout.ReadCurrent(indexRoot) is null)
                {
                    throw new InvalidOperationException($"index build failed and no previous index exists: {result.Errors.FirstOrDefault()}");
                }
                log?.Invoke("build failed: serving the previous index");
            }
        }
        try
        {
            return Open(indexRoot, today, pollInterval, citations ?? Pipeline.CitationWiring.Default);
        }
        catch (Exception e) when (IsDamage(e) && Directory.Exists(corpusDir))
        {
            // The generation CURRENT names is damaged (a disk that filled up, segment files deleted by hand):
            // Lucene throws EndOfStreamException or IndexNotFoundException. Rebuild from the corpus rather than
            // crash at start with a stack trace; the damaged generation is never served.
            log?.Invoke($"index generation {IndexLayout.ReadCurrent(indexRoot)} cannot be opened ({e.GetType().Name}: {e.Message}): rebuilding from {corpusDir}");
            var rebuilt = Pipeline.IndexBuild.Run(corpusDir, indexRoot, log);
            if (!rebuilt.Succeeded)
            {
                throw new InvalidOperationException(
                    $"the index in {indexRoot} is damaged and rebuilding it from {corpusDir} failed: {rebuilt.Errors.FirstOrDefault()}", e);
            }
            return Open(indexRoot, today, pollInterval, citations ?? Pipeline.CitationWiring.Default);
        }
    }

    private static bool IsDamage(Exception e) =>
        e is IOException or System.Text.Json.JsonException or InvalidDataException or Lucene.Net.Index.CorruptIndexException;

    public static IndexManager EnsureBuiltAndOpen(string corpusDir, string indexRoot, DateOnly today, Action<string>? log = null)
        => EnsureBuiltAndOpen(corpusDir, indexRoot, () => today, log);

    /// <summary>Raised after a new generation has been switched in (its name).</summary>
    public event Action<string>? Switched;

    public string Generation => CurrentHandle().Store.Generation;

    /// <summary>Checks CURRENT now and switches when it names another generation. True when it switched.</summary>
    public bool Refresh()
    {
        var name = IndexLayout.ReadCurrent(indexRoot);
        lock (swapLock)
        {
            if (disposed)
            {
                return false;
            }
            if (name is null)
            {
                if (current is null)
                {
                    throw new InvalidOperationException($"no index generation in {indexRoot} (run: build)");
                }
                return false;
            }
            if (current?.Store.Generation == name)
            {
                return false;
            }
            var store = LuceneStore.Open(Path.Combine(indexRoot, name), today, citations);
            var old = current;
            current = new Handle(store);
            old?.Retire();
        }
        Switched?.Invoke(name);
        return true;
    }

    private void SafeRefresh()
    {
        try
        {
            Refresh();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // A generation that cannot be opened is not switched to; the current one keeps serving.
        }
    }

    private Handle CurrentHandle() => current ?? throw new ObjectDisposedException(nameof(IndexManager));

    /// <summary>One generation for the whole of a request: dispose when the request ends.</summary>
    public Lease Acquire()
    {
        while (true)
        {
            var handle = CurrentHandle();
            if (handle.TryAcquire())
            {
                return new Lease(handle);
            }
            // Retired between reading and acquiring: the next read sees the new one.
        }
    }

    private T With<T>(Func<IPolicyStore, T> call)
    {
        using var lease = Acquire();
        return call(lease.Store);
    }

    public IReadOnlyList<DocumentSummary> Documents() => With(s => s.Documents());
    public DocumentView? Document(string id) => With(s => s.Document(id));
    public Domain.Clause? Clause(string id) => With(s => s.Clause(id));
    public SearchResult Search(SearchRequest request) => With(s => s.Search(request));
    public CiteResult Cite(string input) => With(s => s.Cite(input));
    public string? DocumentId(string name) => With(s => s.DocumentId(name));
    public IReadOnlyList<IndustrySummary> Industries() => With(s => s.Industries());
    public IndustrySummary? Industry(string name) => With(s => s.Industry(name));
    public IReadOnlyList<DepartmentSummary> Departments() => With(s => s.Departments());
    public TargetTable Targets(TargetFilter filter, int offset = 0, int limit = int.MaxValue) => With(s => s.Targets(filter, offset, limit));

    public IReadOnlyList<int> TargetYears() => With(s => s.TargetYears());

    public void Dispose()
    {
        timer?.Dispose();
        lock (swapLock)
        {
            disposed = true;
            current?.Retire();
        }
    }

    public sealed class Lease : IDisposable
    {
        private Handle? handle;

        internal Lease(Handle handle) => this.handle = handle;

        public IPolicyStore Store => handle?.Store ?? throw new ObjectDisposedException(nameof(Lease));

        public void Dispose()
        {
            Interlocked.Exchange(ref handle, null)?.Release();
        }
    }

    /// <summary>A store with a count of the requests using it; closed when retired and unused.</summary>
    internal sealed class Handle
    {
        private int references = 1; // the manager's own reference, dropped on Retire

        public Handle(LuceneStore store) => Store = store;

        public LuceneStore Store { get; }

        public bool TryAcquire()
        {
            while (true)
            {
                var n = Volatile.Read(ref references);
                if (n == 0)
                {
                    return false;
                }
                if (Interlocked.CompareExchange(ref references, n + 1, n) == n)
                {
                    return true;
                }
            }
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref references) == 0)
            {
                Store.Dispose();
            }
        }

        public void Retire() => Release();
    }
}
