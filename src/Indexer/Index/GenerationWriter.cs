using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GreenPolicy.Index;

/// <summary>Everything the site needs of a document besides its clauses, stored as one JSON record.</summary>
public sealed record DocumentRecord
{
    public required DocumentMeta Meta { get; init; }
    public IReadOnlyList<StructureUnit> Units { get; init; } = [];
    public IReadOnlyList<MetadataLine> Metadata { get; init; } = [];
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
    public int ClauseCount { get; init; }
    /// <summary>Position of the document in the corpus' reading order (by date, then id).</summary>
    public int Rank { get; init; }
}

/// <summary>The part of a clause a search hit shows.</summary>
public sealed record HitRecord
{
    public required string Id { get; init; }
    public required string DocId { get; init; }
    public required string Citation { get; init; }
    public required string Locator { get; init; }
    public string? Heading { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<IndustryTag> Industries { get; init; } = [];
    public IReadOnlyList<DepartmentTag> Departments { get; init; } = [];
    public IReadOnlyList<int> TargetYears { get; init; } = [];
    public IReadOnlyList<string> Modality { get; init; } = [];

    public static HitRecord From(Clause c) => new()
    {
        Id = c.Id, DocId = c.DocId, Citation = c.Citation, Locator = c.Locator, Heading = c.Heading, Text = c.Text,
        Industries = c.Industries, Departments = c.Departments, TargetYears = c.TargetYears, Modality = c.Modality,
    };
}

/// <summary>What a targets table shows of a clause: its targets, where they are and how to cite them.</summary>
public sealed record ClauseTargets
{
    public string Id { get; init; } = "";
    public string DocId { get; init; } = "";
    public string Citation { get; init; } = "";
    public int Order { get; init; }
    public IReadOnlyList<QuantTarget> Targets { get; init; } = [];

    public static ClauseTargets From(Clause c) => new() { Id = c.Id, DocId = c.DocId, Citation = c.Citation, Order = c.Order, Targets = c.Targets };
}

/// <summary>Writes parsed documents into a Lucene index, and whole generations onto disk.</summary>
public static class GenerationWriter
{
    public static Similarity Similarity => new PolicySimilarity();

    /// <summary>Writes a complete generation under <paramref name="indexRoot"/> and switches CURRENT to it.</summary>
    /// <param name="documentsWritten">Called once every document is written, before the serving extras are: a build lets
    /// go of its linked corpus there, since opening the new generation for its extras costs about as much memory.</param>
    public static Manifest WriteGeneration(
        string indexRoot,
        IReadOnlyList<ParsedDocument> documents,
        QueryVocabulary vocabulary,
        IReadOnlyList<FingerprintFile> sourceFiles,
        DateTimeOffset utcNow,
        Action<string>? progress = null,
        Action? documentsWritten = null)
    {
        System.IO.Directory.CreateDirectory(indexRoot);
        var name = IndexLayout.NewGenerationName(utcNow);
        var dir = Path.Combine(indexRoot, name);
        System.IO.Directory.CreateDirectory(dir);
        int clauses;
        // Read through positioned reads, not memory maps: the final merge reads every flushed segment, and mapped, the
        // pages read counted in the build's working set (+2.4 GB at 10,000 documents, the build's peak); read, they
        // stay in the page cache. Searching maps them (LuceneStore), where it pays.
        using (var lucene = new BuildDirectory(Path.Combine(dir, IndexLayout.LuceneFolder)))
        {
            clauses = Write(lucene, documents, vocabulary, progress);
        }
        var documentCount = documents.Count;
        documentsWritten?.Invoke();
        File.WriteAllText(Path.Combine(dir, IndexLayout.VocabularyFile), IndexJson.Write(vocabulary));
        // What the site reads at start (light document records, merged vocabulary, facet ordinals), so that
        // start-up does not read every record; written before the manifest makes the generation complete.
        GenerationExtras.Write(dir);
        progress?.Invoke("wrote the serving extras");
        var manifest = new Manifest
        {
            Generation = name,
            CreatedUtc = utcNow,
            Fingerprint = CorpusFingerprint.Compute(sourceFiles),
            Files = sourceFiles,
            Documents = documentCount,
            Clauses = clauses,
        };
        // The manifest is written last: its presence is what makes the generation complete.
        var manifestTemp = Path.Combine(dir, IndexLayout.ManifestFile + ".tmp");
        File.WriteAllText(manifestTemp, IndexJson.Write(manifest));
        File.Move(manifestTemp, Path.Combine(dir, IndexLayout.ManifestFile));
        IndexLayout.WriteCurrent(indexRoot, name);
        return manifest;
    }

    /// <summary>
    /// Writes the records of <paramref name="documents"/> into <paramref name="directory"/> (replacing what it
    /// held) and returns the number of clauses written. Each document is read once, so a list that builds its
    /// documents on demand (<see cref="LinkedDocuments"/>) is written without holding them all.
    /// </summary>
    public static int Write(LuceneDirectory directory, IReadOnlyList<ParsedDocument> documents, QueryVocabulary vocabulary, Action<string>? progress = null) =>
        Write(directory, documents, vocabulary, progress, segments: null, flushEveryDocs: null);

    /// <param name="segments">Segments to merge the index into; by default <see cref="SegmentsFor"/> its clause count.</param>
    /// <param name="flushEveryDocs">Flush a segment every so many Lucene documents, not only when the buffer is full
    /// (tests: a small index written as many segments).</param>
    /// <param name="forms">The forms given form tokens (<see cref="FormTokens"/>); by default the vocabulary's, none with [].</param>
    internal static int Write(LuceneDirectory directory, IReadOnlyList<ParsedDocument> documents, QueryVocabulary vocabulary, Action<string>? progress,
        int? segments, int? flushEveryDocs, IReadOnlyList<string>? forms = null)
    {
        var vocab = new VocabularyIndex(vocabulary);
        forms ??= FormTokens.Forms(vocabulary);
        var matcher = forms.Count > 0 ? new FormMatcher(forms) : null;
        using var writer = new IndexWriter(directory, WriterConfig(ExactTerms.IndexAnalyzer(matcher), flushEveryDocs));
        Func<int, DocumentMeta> meta = documents is LinkedDocuments linked ? linked.Meta : d => documents[d].Meta;
        var order = Enumerable.Range(0, documents.Count)
            .OrderBy(d => meta(d).Date ?? "9999")
            .ThenBy(d => meta(d).Id, StringComparer.Ordinal)
            .ToArray();
        // Documents are analysed on every core: IndexWriter takes documents from several threads at once.
        // Which segment a clause lands in does not matter: reading order is the Sequence doc value, and
        // searches break ties by it, not by document number.
        var clauses = 0;
        Parallel.For(0, order.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, rank =>
        {
            var parsed = documents[order[rank]];
            writer.AddDocument(DocumentToLucene(parsed, rank));
            foreach (var clause in parsed.Clauses)
            {
                writer.AddDocument(ClauseToLucene(clause, parsed.Meta, rank, vocab, formTokens: matcher is not null));
            }
            Interlocked.Add(ref clauses, parsed.Clauses.Count);
            progress?.Invoke($"{parsed.Meta.Id}: {parsed.Clauses.Count} clauses");
        });
        // The index is built once and only read afterwards (DESIGN.md §8): the flushed segments are merged once, at
        // the end, into a few segments of equal size (BalancedMergePolicy), merged side by side and searched side by side.
        var parts = Math.Max(1, segments ?? SegmentsFor(clauses));
        progress?.Invoke($"indexed {clauses} clauses");
        writer.ForceMerge(parts);
        // The forms searched through their form tokens (LuceneStore reads them back; an index without them is searched with phrases).
        writer.SetCommitData(new Dictionary<string, string> { [FormTokens.CommitKey] = string.Join('\n', forms) });
        writer.Commit();
        progress?.Invoke($"merged into {parts} segment(s)");
        return clauses;
    }

    /// <summary>
    /// How the index is written: a new index, flushed by buffer size (or every <paramref name="flushEveryDocs"/> documents),
    /// no merges until one balanced forced merge at the end, whose merges run side by side (BalancedMergePolicy).
    /// </summary>
    internal static IndexWriterConfig WriterConfig(Analyzer analyzer, int? flushEveryDocs = null)
    {
        var merges = new ConcurrentMergeScheduler();
        merges.SetMaxMergesAndThreads(MaxSegments + 1, MaxSegments);
        return new IndexWriterConfig(ChineseAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 128,
            MaxBufferedDocs = flushEveryDocs ?? IndexWriterConfig.DISABLE_AUTO_FLUSH,
            MergePolicy = new BalancedMergePolicy(),
            MergeScheduler = merges,
        };
    }

    /// <summary>Most segments an index is merged into (and so most cores one search uses).</summary>
    public const int MaxSegments = 4;

    /// <summary>Below this many clauses an index is one segment: a search takes a few milliseconds, splitting it would not pay.</summary>
    public const int OneSegmentBelow = 50_000;

    /// <summary>
    /// How many segments an index of <paramref name="clauses"/> clauses is merged into: one per core of the machine that
    /// builds it (the site builds its own index, DESIGN.md §8), at most <see cref="MaxSegments"/>, and one for a small
    /// index. A search scores the segments on as many cores (LuceneStore.Search); every query looks its terms up once
    /// per segment, which costs microseconds.
    /// </summary>
    public static int SegmentsFor(int clauses) => clauses < OneSegmentBelow ? 1 : Math.Clamp(Environment.ProcessorCount, 1, MaxSegments);

    private static Document DocumentToLucene(ParsedDocument parsed, int rank)
    {
        var record = new DocumentRecord
        {
            Meta = parsed.Meta,
            Units = parsed.Units,
            Metadata = parsed.Metadata,
            References = parsed.References,
            ClauseCount = parsed.Clauses.Count,
            Rank = rank,
        };
        return
        [
            new Field(Fields.Record, Fields.DocumentRecord, ExactTerms.Type),
            new Field(Fields.Id, parsed.Meta.Id, ExactTerms.StoredType),
            new StoredField(Fields.Json, IndexJson.Write(record)),
        ];
    }

    /// <summary>A forms field (<see cref="FormTokens"/>): a term per occurrence, counted, no positions, no norms.</summary>
    private static readonly FieldType FormsType = NewFormsType();

    private static FieldType NewFormsType()
    {
        var type = new FieldType { IsIndexed = true, IsTokenized = true, IsStored = false, OmitNorms = true, IndexOptions = IndexOptions.DOCS_AND_FREQS };
        type.Freeze();
        return type;
    }

    /// <summary>Lucene's limit on one binary doc value's length.</summary>
    internal const int MaxDocValueBytes = 32_766;

    /// <summary><see cref="Fields.TargetYears"/>: each target's year as two little-endian bytes, 0 for none.</summary>
    internal static byte[] TargetYearBytes(IReadOnlyList<QuantTarget> targets)
    {
        var bytes = new byte[2 * targets.Count];
        for (var k = 0; k < targets.Count; k++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * k), (ushort)(targets[k].TargetYear is { } y and > 0 and <= ushort.MaxValue ? y : 0));
        }
        return bytes;
    }

    internal static Document ClauseToLucene(Clause clause, DocumentMeta meta, int rank, VocabularyIndex vocab, bool formTokens)
    {
        var exact = new ExactTerms();
        exact.Add(Fields.Record, Fields.ClauseRecord);
        var doc = new Document
        {
            new Field(Fields.Id, clause.Id, ExactTerms.StoredType),
            new TextField(Fields.Text, clause.Text, Field.Store.NO),
            new StoredField(Fields.Json, IndexJson.Write(clause)),
            new NumericDocValuesField(Fields.Sequence, rank * Fields.SequencePerDocument + clause.Order),
        };
        // The hit record is read for every returned hit: as a binary doc value it is one random read,
        // where a stored field decompresses the whole 16 KB chunk around it (full clause JSON with links
        // and evidence of its neighbours included) — the largest cost of a search at 30,000 clauses.
        // A record too long for a doc value (a very long clause) stays a stored field.
        var hit = System.Text.Encoding.UTF8.GetBytes(IndexJson.Write(HitRecord.From(clause)));
        if (hit.Length <= MaxDocValueBytes)
        {
            doc.Add(new BinaryDocValuesField(Fields.HitJson, new BytesRef(hit)));
        }
        else
        {
            doc.Add(new StoredField(Fields.HitJson, new BytesRef(hit)));
            doc.Add(new BinaryDocValuesField(Fields.HitJson, new BytesRef()));
        }
        if (!string.IsNullOrWhiteSpace(clause.Heading))
        {
            doc.Add(new TextField(Fields.Heading, clause.Heading, Field.Store.NO));
        }
        if (formTokens)
        {
            doc.Add(new Field(Fields.FormsOf(Fields.Text), clause.Text, FormsType));
            if (!string.IsNullOrWhiteSpace(clause.Heading))
            {
                doc.Add(new Field(Fields.FormsOf(Fields.Heading), clause.Heading, FormsType));
            }
        }

        var periodEnd = meta.Period.Count == 2 ? meta.Period[1] : 0;
        doc.Add(new Int32Field(Fields.PeriodEnd, periodEnd, Field.Store.NO));
        doc.Add(new NumericDocValuesField(Fields.PeriodEnd, periodEnd));

        AddTag(doc, exact, Fields.Doc, meta.Id, facet: true);
        AddTag(doc, exact, Fields.Level, meta.Level, facet: true);
        AddTag(doc, exact, Fields.Jurisdiction, meta.Jurisdiction, facet: true);

        var tagNames = new List<string>();
        var facetIndustries = new HashSet<string>();
        var filterIndustries = new HashSet<string>();
        foreach (var industry in clause.Industries)
        {
            tagNames.Add(industry.Name);
            filterIndustries.UnionWith(vocab.IndustryWithAncestors(industry.Code));
            facetIndustries.UnionWith(vocab.KnownIndustryWithAncestors(industry.Code));
            if (vocab.Find(VocabularyKinds.Industry, industry.Code) is { } entry)
            {
                tagNames.AddRange(entry.Names());
            }
        }
        foreach (var code in filterIndustries)
        {
            exact.Add(Fields.Industry, code);
        }
        foreach (var code in clause.PassedOverIndustries.Where(c => !filterIndustries.Contains(c)))
        {
            exact.Add(Fields.IndustryPassedOver, code);
        }
        foreach (var code in FocusIndustries(clause).SelectMany(vocab.IndustryWithAncestors).Distinct())
        {
            exact.Add(Fields.IndustryFocus, code);
        }
        foreach (var code in facetIndustries)
        {
            doc.Add(new SortedSetDocValuesField(Fields.Industry, new BytesRef(code)));
        }

        var departments = new HashSet<string>();
        var departmentRoles = new HashSet<string>();
        foreach (var department in clause.Departments)
        {
            departments.Add(department.Canonical);
            departmentRoles.Add(DepartmentRoleValue(department.Canonical, department.Role));
            tagNames.Add(department.Name);
            if (vocab.Find(VocabularyKinds.Department, department.Canonical) is { } entry)
            {
                tagNames.AddRange(entry.Names());
            }
        }
        foreach (var value in departments)
        {
            AddTag(doc, exact, Fields.Department, value, facet: true);
        }
        foreach (var value in departmentRoles)
        {
            exact.Add(Fields.DepartmentRole, value);
        }

        foreach (var year in clause.TargetYears.Distinct())
        {
            AddTag(doc, exact, Fields.Year, year.ToString(System.Globalization.CultureInfo.InvariantCulture), facet: true);
        }
        foreach (var modality in clause.Modality.Distinct())
        {
            AddTag(doc, exact, Fields.Modality, modality, facet: true);
        }
        foreach (var topic in clause.Topics.Select(t => t.Name).Distinct())
        {
            AddTag(doc, exact, Fields.Topic, topic, facet: true);
            tagNames.Add(topic);
            if (vocab.Find(VocabularyKinds.Topic, topic) is { } entry)
            {
                tagNames.AddRange(entry.Names());
            }
        }
        foreach (var place in clause.Places.Select(t => t.Name).Distinct())
        {
            AddTag(doc, exact, Fields.Place, place, facet: false);
            tagNames.Add(place);
            if (vocab.Find(VocabularyKinds.Place, place) is { } entry)
            {
                tagNames.AddRange(entry.Names());
            }
        }
        if (clause.Targets.Count > 0)
        {
            exact.Add(Fields.HasTargets, "1");
            foreach (var year in clause.Targets.Select(t => t.TargetYear).OfType<int>().Distinct())
            {
                exact.Add(Fields.TargetYear, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            // Read for every row of a targets table: a doc value, not the clause record with its links (as the hit record).
            var targets = System.Text.Encoding.UTF8.GetBytes(IndexJson.Write(ClauseTargets.From(clause)));
            if (targets.Length <= MaxDocValueBytes)
            {
                doc.Add(new BinaryDocValuesField(Fields.TargetsJson, new BytesRef(targets)));
            }
            doc.Add(new BinaryDocValuesField(Fields.TargetYears, new BytesRef(TargetYearBytes(clause.Targets))));
        }
        foreach (var name in tagNames.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            // Each name is its own value: positions do not run on from one name into the next
            // (position gap below), so 钢铁 + 铁合金 does not make a phrase 钢铁铁合金.
            doc.Add(new TextField(Fields.Tags, name, Field.Store.NO));
        }
        exact.AddTo(doc);
        return doc;
    }

    public static string DepartmentRoleValue(string canonical, string role) => $"{canonical}|{role}";

    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '？'];

    /// <summary>Industries named in a sentence (up to 。 or ；) that names at most two industries.</summary>
    internal static IReadOnlyList<string> FocusIndustries(Clause clause)
    {
        var bySentence = new Dictionary<int, HashSet<string>>();
        foreach (var tag in clause.Industries)
        {
            var start = Math.Clamp(tag.Span.Start, 0, clause.Text.Length);
            var sentence = start == 0 ? 0 : clause.Text.LastIndexOfAny(SentenceEnds, start - 1) + 1;
            if (!bySentence.TryGetValue(sentence, out var codes))
            {
                bySentence[sentence] = codes = [];
            }
            codes.Add(tag.Code);
        }
        return bySentence.Values.Where(codes => codes.Count <= 2).SelectMany(c => c).Distinct().ToList();
    }

    private static void AddTag(Document doc, ExactTerms exact, string field, string value, bool facet)
    {
        exact.Add(field, value);
        if (facet)
        {
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }
}

/// <summary>
/// A record's exact terms (filters, facets, identity), gathered per field and written as one field per
/// name, its values separated by <see cref="ExactTermsAnalyzer.Separator"/>. Indexed like a StringField:
/// every value one term, documents only, no norms.
/// </summary>
internal sealed class ExactTerms
{
    public static readonly FieldType Type = NewType(stored: false);
    public static readonly FieldType StoredType = NewType(stored: true);

    /// <summary>The fields written this way, analysed with <see cref="ExactTermsAnalyzer"/>.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
    [
        Fields.Record, Fields.Id, Fields.Doc, Fields.Level, Fields.Jurisdiction, Fields.Industry, Fields.IndustryFocus,
        Fields.IndustryPassedOver, Fields.Department, Fields.DepartmentRole, Fields.Year, Fields.Modality, Fields.Topic, Fields.Place, Fields.HasTargets,
        Fields.TargetYear,
    ];

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public void Add(string field, string value)
    {
        if (value.Contains(ExactTermsAnalyzer.Separator))
        {
            throw new ArgumentException($"an exact term may not hold a line break: {field}={value}", nameof(value));
        }
        if (!_values.TryGetValue(field, out var list))
        {
            _values[field] = list = [];
        }
        list.Add(value);
    }

    public void AddTo(Document doc)
    {
        foreach (var (field, values) in _values)
        {
            doc.Add(new Field(field, string.Join(ExactTermsAnalyzer.Separator, values), Type));
        }
    }

    /// <summary>The analyzer for writing records: exact-term fields by <see cref="ExactTermsAnalyzer"/>, forms fields by <see cref="FormsAnalyzer"/>, text by <see cref="ChineseAnalyzer"/>.</summary>
    public static Analyzer IndexAnalyzer(FormMatcher? forms = null)
    {
        var byField = FieldNames.ToDictionary(f => f, Analyzer (_) => new ExactTermsAnalyzer());
        if (forms is not null)
        {
            byField[Fields.FormsOf(Fields.Text)] = byField[Fields.FormsOf(Fields.Heading)] = new FormsAnalyzer(forms);
        }
        return new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(new ChineseAnalyzer(), byField);
    }

    private static FieldType NewType(bool stored)
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = stored,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
        };
        type.Freeze();
        return type;
    }
}
