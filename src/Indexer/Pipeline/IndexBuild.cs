using System.Diagnostics;
using GreenPolicy.Index;

namespace GreenPolicy.Pipeline;

public sealed record BuildResult
{
    public bool Succeeded => Errors.Count == 0 && Manifest is not null;
    public Manifest? Manifest { get; init; }
    public IReadOnlyList<BuildError> Errors { get; init; } = [];
    public IReadOnlyList<BuildError> Warnings { get; init; } = [];
    public double Seconds { get; init; }
    public IReadOnlyList<string> RemovedGenerations { get; init; } = [];
}

/// <summary>
/// A whole build: read and parse the corpus, write a new generation, switch CURRENT to it, remove old
/// generations. Any error leaves CURRENT as it was; a build killed half-way leaves an incomplete
/// generation (no manifest) that the next build removes. One build at a time (build.lock).
/// </summary>
public static class IndexBuild
{
    public static BuildResult Run(string corpusDir, string indexRoot, Action<string>? progress = null, DateTimeOffset? now = null)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(indexRoot);
        FileStream? lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(indexRoot, IndexLayout.LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return new BuildResult { Errors = [new BuildError(indexRoot, 0, "another build is running (build.lock is held)")] };
        }
        using (lockStream)
        {
            var files = CorpusFingerprint.Files(corpusDir);
            CorpusResult? corpus = null;
            Manifest manifest;
            try
            {
                corpus = CorpusPipeline.Run(corpusDir, progress);
                if (!corpus.Succeeded)
                {
                    return new BuildResult { Errors = corpus.Errors, Warnings = corpus.Warnings, Seconds = watch.Elapsed.TotalSeconds };
                }
                manifest = GenerationWriter.WriteGeneration(indexRoot, corpus.Documents, corpus.Vocabulary, files, now ?? DateTimeOffset.UtcNow, progress,
                    documentsWritten: corpus.Dispose);
            }
            catch (Exception e) when (IoFailure(e) is { } io)
            {
                // A disk that fails, or a corpus file that changed between its two reads (CorpusPipeline, which reads
                // a document again to resolve a citation into it or to write it): CURRENT stays as it was.
                return new BuildResult { Errors = [new BuildError(indexRoot, 0, $"the build failed: {io.Message}")], Warnings = corpus?.Warnings ?? [] };
            }
            finally
            {
                corpus?.Dispose();
            }
            var removed = IndexLayout.RemoveOldGenerations(indexRoot);
            return new BuildResult
            {
                Manifest = manifest,
                Warnings = corpus.Warnings,
                Seconds = watch.Elapsed.TotalSeconds,
                RemovedGenerations = removed,
            };
        }
    }

    /// <summary>The I/O failure behind <paramref name="e"/>, also when the writer's threads wrapped it; null for any other exception.</summary>
    private static Exception? IoFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException a => a.Flatten().InnerExceptions.Select(IoFailure).FirstOrDefault(x => x is not null),
        _ => null,
    };
}

/// <summary>How the citation resolver is wired into a store: GreenPolicy.Domain.Citations' resolver over the index.</summary>
public static class CitationWiring
{
    public static Func<CitationCatalog, ICitationService> Default => ResolverCitationService.Create;
}
