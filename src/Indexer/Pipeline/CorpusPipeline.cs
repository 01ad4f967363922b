using GreenPolicy.Domain;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Index;

namespace GreenPolicy.Pipeline;

/// <summary>
/// What the pipeline made of a corpus: the documents, the query vocabulary, and any errors. The documents are built
/// as they are read, from the links and a temporary file of the clauses' texts, which <see cref="Dispose"/> lets go
/// of: the documents cannot be read after it.
/// </summary>
public sealed record CorpusResult(
    IReadOnlyList<ParsedDocument> Documents,
    QueryVocabulary Vocabulary,
    IReadOnlyList<BuildError> Errors,
    IReadOnlyList<BuildError> Warnings) : IDisposable
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>What <see cref="Documents"/> reads from, released by <see cref="Dispose"/>.</summary>
    internal IDisposable? Resources { get; init; }

    public void Dispose()
    {
        (Documents as IDisposable)?.Dispose();
        Resources?.Dispose();
    }
}

/// <summary>
/// corpus files → CorpusFile.Parse → StructureParser → DocumentTagger → Linker, each stage the
/// domain's own (pure) code; this class only reads files and reports. Errors carry file and line.
/// A document is parsed twice: once for what the linker reads of it (<see cref="LinkDocument"/>), then, when the
/// writer takes it, again from its file, checked unchanged. No parsed document is held while the corpus is linked
/// (the parsed corpus was ~2 GB live at 10,000 documents; the build's peak fell from 7.7 to 6.2 GB without it).
/// </summary>
public static class CorpusPipeline
{
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create("。；！？;!?.");

    // Reading and parsing, then linking, in separate methods: the file texts (380 MB of UTF-16 at 10,000 documents)
    // are referenced only while the documents are parsed, not for the rest of the build. The source is made in a frame
    // that has returned before linking starts: a method run once is compiled without optimisation, and such code
    // reports its temporaries live to its end, so Link(Parse(CorpusSource.Read(…))) here kept the texts through the
    // whole link stage (live heap once the bigram features exist, 10,000 documents: 1,369 MB).
    public static CorpusResult Run(string corpusDir, Action<string>? progress = null) => Link(Read(corpusDir, progress), progress);

    private static Parsed Read(string corpusDir, Action<string>? progress) => Parse(CorpusSource.Read(corpusDir), progress);

    /// <summary>
    /// What the linker reads of each document (the clauses' texts in a file) and the file it came from (by index), the
    /// department names as written that the tagger met, or the errors that stop the build (Documents then empty, Texts null).
    /// </summary>
    private sealed record Parsed(
        List<LinkDocument> Documents, ClauseTextFile? Texts, List<SourceFile> Files, Taxonomies? Taxonomies,
        List<(string Canonical, string Name)> DepartmentNames, List<BuildError> Errors, List<BuildError> Warnings);

    private static Parsed Parse(CorpusSource source, Action<string>? progress)
    {
        var errors = source.Errors.ToList();
        var warnings = new List<BuildError>();

        // 1. Front matter and body.
        var files = source.Documents.Select(d => CorpusFile.Parse(d.File.FileName, d.Content)).ToArray();
        foreach (var d in files.SelectMany(f => f.Diagnostics).Concat(CorpusValidator.Validate(files)))
        {
            (d.IsError ? errors : warnings).Add(BuildError.From(d));
        }
        progress?.Invoke($"read {files.Length} files");

        // 2. Taxonomies (the tagger's and the query vocabulary's source).
        Taxonomies? taxonomies = null;
        if (Taxonomies.FileNames.Take(4).All(source.TaxonomyTexts.ContainsKey))
        {
            try
            {
                var t = source.TaxonomyTexts;
                taxonomies = Taxonomies.Load(t["industries.yaml"], t["departments.yaml"], t["topics.yaml"], t["places.yaml"],
                    t.GetValueOrDefault("synonyms.yaml"));
            }
            catch (TaxonomyException e)
            {
                errors.Add(new BuildError("taxonomy", 0, e.Message));
            }
        }
        else
        {
            errors.Add(new BuildError("taxonomy", 0, $"corpus/taxonomy must hold {string.Join(", ", Taxonomies.FileNames.Take(4))}"));
        }
        if (errors.Count > 0)
        {
            return new Parsed([], null, [], null, [], errors, warnings);
        }

        // 3. Structure, 4. tags: documents are independent, so they are parsed on every core, each file's text let go
        // once parsed; results and errors are then taken in file order, so a build reports the same way however it
        // was scheduled.
        var outcomes = new (LinkDocument? Doc, string[] Texts, (string, string)[] Names, BuildError? Error)[files.Length];
        var nameSets = new NameSets();
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var (doc, error) = ParseAndTag(files[k], taxonomies!);
            files[k] = null!;
            outcomes[k] = doc is null ? (null, [], [], error)
                : (LinkDocument.From(doc, nameSets), [.. doc.Clauses.Select(c => c.Text)], DepartmentNames(doc), null);
        });
        var parsed = new List<LinkDocument>();
        var texts = new ClauseTextFile();
        var sources = new List<SourceFile>();
        var names = new List<(string, string)>();
        for (var k = 0; k < outcomes.Length; k++)
        {
            var (doc, clauseTexts, met, error) = outcomes[k];
            outcomes[k] = default;
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (doc is not null)
            {
                parsed.Add(doc);
                foreach (var text in clauseTexts)
                {
                    texts.Add(text);
                }
                sources.Add(source.Documents[k].File);
                names.AddRange(met);
            }
        }
        texts.Complete();
        progress?.Invoke($"parsed and tagged {parsed.Count} documents, {parsed.Sum(d => d.Clauses.Count)} clauses");
        foreach (var group in parsed.SelectMany(d => d.Clauses.Select(c => (d.Meta.Id, Clause: c)))
                     .GroupBy(p => Clause.IdOf(p.Id, p.Clause.EId), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var (docId, first) = group.First();
            errors.Add(new BuildError(docId + ".md", first.Line, $"duplicate clause id {group.Key}"));
        }
        if (errors.Count > 0)
        {
            texts.Dispose();
            return new Parsed([], null, [], taxonomies, [], errors, warnings);
        }
        return new Parsed(parsed, texts, sources, taxonomies, names, errors, warnings);
    }

    private static CorpusResult Link(Parsed parsed, Action<string>? progress)
    {
        if (parsed.Errors.Count > 0)
        {
            return new CorpusResult([], QueryVocabulary.Empty, parsed.Errors, parsed.Warnings);
        }

        // 5. Links between clauses (and references to documents).
        // The linked documents are parsed again from their files, one at a time, as the writer reads them.
        var taxonomies = parsed.Taxonomies!;
        var files = parsed.Files;
        var texts = parsed.Texts!;
        try
        {
            var linked = Linker.Links(parsed.Documents, texts, d => ParseAgain(files[d], taxonomies), d => DocumentOutline.From(StructureAgain(files[d])),
                progress: progress);
            progress?.Invoke($"linked {linked.LinkEnds} clause links");
            return new CorpusResult(linked, VocabularyBuilder.Build(taxonomies, parsed.DepartmentNames), parsed.Errors, parsed.Warnings) { Resources = texts };
        }
        catch
        {
            texts.Dispose();
            throw;
        }
    }

    /// <summary>The document of <paramref name="file"/> as it was parsed and tagged the first time (an IOException if the file changed).</summary>
    private static ParsedDocument ParseAgain(SourceFile file, Taxonomies taxonomies)
    {
        var (doc, error) = ParseAndTag(ReadAgain(file), taxonomies);
        return doc ?? throw new InvalidOperationException($"{file.FileName} parsed the first time but not the second: {error}");
    }

    /// <summary>The document of <paramref name="file"/> parsed again, untagged: its structure and text.</summary>
    private static ParsedDocument StructureAgain(SourceFile file)
    {
        var again = ReadAgain(file);
        return StructureParser.Parse(again.Meta ?? throw new InvalidOperationException($"{file.FileName} parsed the first time but not the second"), again.Body);
    }

    private static CorpusFile ReadAgain(SourceFile file) => CorpusFile.Parse(file.FileName, file.ReadAgain());

    /// <summary>Department names as written where they differ from the canonical name, each once, in the order met.</summary>
    private static (string, string)[] DepartmentNames(ParsedDocument doc) =>
        [.. doc.Clauses.SelectMany(c => c.Departments).Where(d => d.Name != d.Canonical).Select(d => (d.Canonical, d.Name)).Distinct()];

    private static (ParsedDocument? Doc, BuildError? Error) ParseAndTag(CorpusFile file, Taxonomies taxonomies)
    {
        try
        {
            var doc = DocumentTagger.Tag(StructureParser.Parse(file.Meta!, file.Body), taxonomies);
            if (!doc.Clauses.Any(c => c.Text.AsSpan().IndexOfAny(SentenceEnds) >= 0))
            {
                // "一、总体要求\n二、重点任务\n三、保障措施" and nothing else: headings, but no sentence anyone could cite.
                return (null, new BuildError(file.FileName, file.BodyStartLine,
                    $"no clause text: {doc.Clauses.Count} heading(s) and no sentence (nothing ends with 。；！？)"));
            }
            return (doc, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must not replace the serving index with a partial one: report and stop.
            return (null, new BuildError(file.FileName, file.BodyStartLine, $"{e.GetType().Name}: {e.Message}"));
        }
    }
}
