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

    // Reading and parsing, then linking, in separate methods, so that what parsing made and let go is not reported live
    // through the link stage: a method run once is compiled without optimisation, and such code reports its
    // temporaries live to its end (Link(Parse(…)) in one method once kept every file's text through the whole link
    // stage: live heap once the bigram features exist, 10,000 documents, 1,369 MB).
    public static CorpusResult Run(string corpusDir, Action<string>? progress = null) => Link(Read(corpusDir, progress), progress);

    private static Parsed Read(string corpusDir, Action<string>? progress) => Parse(CorpusSource.Open(corpusDir), progress);

    /// <summary>
    /// What the linker reads of each document (the clauses' texts in a file) and the file it came from (by index), the
    /// department names as written that the tagger met, or the errors that stop the build (Documents then empty, Texts null).
    /// </summary>
    private sealed record Parsed(
        List<LinkDocument> Documents, ClauseTextFile? Texts, List<SourceFile> Files, Taxonomies? Taxonomies,
        List<(string Canonical, string Name)> DepartmentNames, List<BuildError> Errors, List<BuildError> Warnings);

    /// <summary>
    /// One document file, read and parsed: its front matter (Body let go) and the problems found in it, and, when it could
    /// be tagged, what the linker reads of it, its clauses' texts and the department names met.
    /// </summary>
    private sealed record FileOutcome(
        SourceFile? Source, CorpusFile? Front, List<BuildError> ReadErrors, LinkDocument? Doc, string[] Texts,
        (string, string)[] Names, BuildError? ParseError);

    private static Parsed Parse(CorpusSource source, Action<string>? progress)
    {
        var warnings = new List<BuildError>();

        // 1. Taxonomies, first: each document is tagged as soon as it is read.
        var taxonomyErrors = new List<BuildError>();
        var taxonomies = LoadTaxonomies(source.TaxonomyTexts, taxonomyErrors);

        // 2. Front matter, 3. structure, 4. tags: documents are independent, so each file is read, parsed and tagged on
        // any core, a block of files at a time (a file that cannot be read, or whose front matter has an error, is not
        // parsed further); outcomes are then taken in file order, so a build reports the same way however it was
        // scheduled, and the clauses' texts go to their file, so that the texts of one block are held at a time. The
        // corpus-wide checks (duplicate ids, implements) need the front matters only.
        var readErrors = new List<BuildError>();
        var parseErrors = new List<BuildError>();
        var fronts = new List<CorpusFile>();
        var parsed = new List<LinkDocument>();
        var texts = new ClauseTextFile();
        var sources = new List<SourceFile>();
        var names = new List<(string, string)>();
        var nameSets = new NameSets();
        try
        {
            Blocks.InOrder(source.DocumentPaths, path => ReadAndParse(path, taxonomies, nameSets), (_, outcome) =>
            {
                readErrors.AddRange(outcome.ReadErrors);
                if (outcome.Front is not null) fronts.Add(outcome.Front);
                if (outcome.ParseError is not null) parseErrors.Add(outcome.ParseError);
                if (outcome.Doc is null) return;
                parsed.Add(outcome.Doc);
                foreach (var text in outcome.Texts)
                {
                    texts.Add(text);
                }
                sources.Add(outcome.Source!);
                names.AddRange(outcome.Names);
            }, size: 256);
            texts.Complete();
        }
        catch
        {
            texts.Dispose();
            throw;
        }
        var errors = new List<BuildError>(readErrors);
        errors.AddRange(source.Errors);
        foreach (var d in fronts.SelectMany(f => f.Diagnostics).Concat(CorpusValidator.Validate(fronts)))
        {
            (d.IsError ? errors : warnings).Add(BuildError.From(d));
        }
        errors.AddRange(taxonomyErrors);
        errors.AddRange(parseErrors);
        progress?.Invoke($"parsed and tagged {parsed.Count} documents, {parsed.Sum(d => d.Clauses.Count)} clauses");
        if (errors.Count > 0)
        {
            texts.Dispose();
            return new Parsed([], null, [], taxonomies, [], errors, warnings);
        }
        return new Parsed(parsed, texts, sources, taxonomies, names, errors, warnings);
    }

    private static Taxonomies? LoadTaxonomies(IReadOnlyDictionary<string, string> t, List<BuildError> errors)
    {
        if (!Taxonomies.FileNames.Take(4).All(t.ContainsKey))
        {
            errors.Add(new BuildError("taxonomy", 0, $"corpus/taxonomy must hold {string.Join(", ", Taxonomies.FileNames.Take(4))}"));
            return null;
        }
        try
        {
            return Taxonomies.Load(t["industries.yaml"], t["departments.yaml"], t["topics.yaml"], t["places.yaml"], t.GetValueOrDefault("synonyms.yaml"));
        }
        catch (TaxonomyException e)
        {
            errors.Add(new BuildError("taxonomy", 0, e.Message));
            return null;
        }
    }

    /// <summary>Document file <paramref name="path"/> read, its front matter parsed and, when it is valid and there are taxonomies, its document parsed and tagged.</summary>
    private static FileOutcome ReadAndParse(string path, Taxonomies? taxonomies, NameSets nameSets)
    {
        var readErrors = new List<BuildError>();
        if (CorpusSource.ReadDocument(path, readErrors) is not { } read)
        {
            return new FileOutcome(null, null, readErrors, null, [], [], null);
        }
        var file = CorpusFile.Parse(read.File.FileName, read.Content);
        var front = file with { Body = "" };
        if (taxonomies is null || !file.IsValid)
        {
            return new FileOutcome(read.File, front, readErrors, null, [], [], null);
        }
        var (doc, error) = ParseAndTag(file, taxonomies);
        return doc is null
            ? new FileOutcome(read.File, front, readErrors, null, [], [], error)
            : new FileOutcome(read.File, front, readErrors, LinkDocument.From(doc, nameSets), [.. doc.Clauses.Select(c => c.Text)], DepartmentNames(doc), null);
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
            // Two clauses with one id could be neither cited nor linked apart. Ids are unique across documents when
            // they are within each: a clause id is the document's id (no '/', and unique: CorpusValidator), '/', its eId.
            var eIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var clause in doc.Clauses)
            {
                if (!eIds.Add(clause.EId))
                {
                    return (null, new BuildError(file.FileName, file.BodyStartLine + clause.Line - 1, $"duplicate clause id {clause.Id}"));
                }
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
