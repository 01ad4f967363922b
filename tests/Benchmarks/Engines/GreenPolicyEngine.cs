using System.Diagnostics;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Index;
using GreenPolicy.Pipeline;

namespace GreenPolicy.Benchmarks.Engines;

/// <summary>GreenPolicy's side: the real build pipeline (IndexBuild) and the real store (IndexManager → LuceneStore).</summary>
internal static class GreenPolicyEngine
{
    /// <summary>
    /// The stages of one build in seconds: <paramref name="Parse"/> reads the files and parses and tags them (one stage: a file is
    /// read when it is parsed); <paramref name="Merge"/> is the part of the write spent merging the index into
    /// its segments, <paramref name="LinkSteps"/> the linker's own progress lines ("link: 3708104 candidate pairs in 12.3 s").
    /// </summary>
    public sealed record StageTimes(double Total, double Parse, double Link, double Write, int Documents, long Clauses, long Links,
        double Merge, IReadOnlyList<string> LinkSteps);

    /// <summary>
    /// One full build as `GreenPolicy.Indexer build` runs it (parse, tag, link, write, switch). The stages
    /// are timed from the pipeline's own progress lines ("parsed and tagged", "linked N clause links"), so the
    /// measured build is the unmodified one.
    /// </summary>
    public static StageTimes Build(string corpusDir, string indexRoot)
    {
        if (Directory.Exists(indexRoot))
        {
            Directory.Delete(indexRoot, recursive: true);
        }
        var watch = Stopwatch.StartNew();
        double parsed = -1, linked = -1, indexed = -1, merged = -1;
        long links = 0;
        var linkSteps = new List<string>();
        var result = IndexBuild.Run(corpusDir, indexRoot, line =>
        {
            var t = watch.Elapsed.TotalSeconds;
            if (line.StartsWith("parsed and tagged ", StringComparison.Ordinal))
            {
                parsed = t;
            }
            else if (line.StartsWith("linked ", StringComparison.Ordinal))
            {
                linked = t;
                _ = long.TryParse(line.Split(' ')[1], out links);
            }
            else if (line.StartsWith("link: ", StringComparison.Ordinal))
            {
                linkSteps.Add(line["link: ".Length..]);
            }
            else if (line.StartsWith("indexed ", StringComparison.Ordinal))
            {
                indexed = t;
            }
            else if (line.StartsWith("merged ", StringComparison.Ordinal))
            {
                merged = t;
            }
        });
        var total = watch.Elapsed.TotalSeconds;
        if (!result.Succeeded || parsed < 0 || linked < 0)
        {
            throw new InvalidOperationException("GreenPolicy build failed or did not report its stages: " + string.Join("; ", result.Errors.Take(5)));
        }
        var clauses = result.Manifest?.Clauses ?? 0;
        return new StageTimes(total, parsed, linked - parsed, total - linked, result.Manifest?.Documents ?? 0, clauses, links,
            indexed >= 0 && merged >= 0 ? merged - indexed : double.NaN, linkSteps);
    }

    /// <summary>
    /// The clauses as GreenPolicy's parser and taggers produce them (the stages before linking), written
    /// for the FTS5 baseline so that both engines index the same clauses.
    /// </summary>
    public static (int Documents, long Clauses) DumpClauses(string corpusDir, string outPath)
    {
        var source = CorpusSource.Open(corpusDir);
        var t = source.TaxonomyTexts;
        var taxonomies = Taxonomies.Load(t["industries.yaml"], t["departments.yaml"], t["topics.yaml"], t["places.yaml"],
            t.GetValueOrDefault("synonyms.yaml"));
        using var writer = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false));
        var docs = 0;
        long clauses = 0;
        var unread = new List<BuildError>();
        foreach (var (read, content) in source.ReadDocuments(unread))
        {
            var file = CorpusFile.Parse(read.FileName, content);
            if (file.Meta is null)
            {
                throw new InvalidOperationException($"{read.FileName}: " + string.Join("; ", file.Diagnostics.Take(3)));
            }
            var doc = DocumentTagger.Tag(StructureParser.Parse(file.Meta, file.Body), taxonomies);
            docs++;
            foreach (var c in doc.Clauses)
            {
                clauses++;
                writer.WriteLine(Row(doc.Meta, c).ToJson());
            }
        }
        if (unread.Count > 0)
        {
            throw new InvalidOperationException("unreadable: " + string.Join("; ", unread.Take(3)));
        }
        return (docs, clauses);
    }

    private static ClauseRow Row(DocumentMeta meta, Clause c) => new(
        c.Id, c.DocId, meta.DocNumber, c.Locator, c.Citation, c.Text,
        c.Industries.Select(i => i.Code).Distinct().ToList(), c.TargetYears.Distinct().ToList());

    public static IndexManager Open(string indexRoot) =>
        IndexManager.Open(indexRoot, () => new DateOnly(2026, 1, 1), citations: CitationWiring.Default);
}
