using System.Diagnostics;
using GreenPolicy.Domain;
using GreenPolicy.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GreenPolicy.Index;

/// <summary>
/// <see cref="IPolicyStore"/> over one index generation. Immutable once opened and safe for
/// concurrent use: a new generation gets a new store (see <see cref="IndexManager"/>).
/// </summary>
public sealed class LuceneStore : IPolicyStore, IDisposable
{
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly Func<DateOnly> today;
    private readonly VocabularyIndex vocabulary;
    private readonly QueryUnderstanding understanding;
    private readonly QueryBuilder builder;
    private readonly ICitationService citations;
    private readonly IReadOnlyList<DocumentRecord> documents;
    private readonly Dictionary<string, DocumentRecord> documentsById;
    private readonly Dictionary<int, DocumentRecord> documentsByRank;
    private readonly Lazy<IReadOnlyList<IndustrySummary>> industries;
    private readonly Lazy<IReadOnlyList<DepartmentSummary>> departments;
    private readonly Lazy<Dictionary<string, string?>> jurisdictionLabels;
    private readonly LuceneDirectory? ownedDirectory;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, FacetOrdinals> facetOrdinals = new();
    /// <summary>The facet values of every segment in one ordinal space: a search's counts on each segment add up in it.</summary>
    private readonly FacetSpace facetSpace;
    /// <summary>Searches of this store running now (see <see cref="Collect"/>).</summary>
    private int searchesRunning;
    private readonly string? generationDir;
    /// <summary>The documents hold no units, metadata lines or references: <see cref="RecordOf"/> reads them.</summary>
    private readonly bool documentsAreLight;
    private readonly BoundedCache<string, DocumentRecord> fullRecords = new(1_000, StringComparer.Ordinal);
    private bool facetsComputed;
    /// <summary>Labels never change within a generation (documents and vocabulary are fixed).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Dim, string Value), string> facetLabels = new();

    public LuceneStore(
        DirectoryReader reader,
        QueryVocabulary vocabulary,
        string generation,
        Func<DateOnly> today,
        Func<CitationCatalog, ICitationService>? citations = null,
        LuceneDirectory? ownedDirectory = null)
        : this(reader, new VocabularyIndex(vocabulary), null, generation, today, citations, ownedDirectory, null)
    {
    }

    /// <param name="lightDocuments">The documents without their units (<see cref="GenerationExtras"/>), or null to read every record.</param>
    /// <param name="generationDir">Where precomputed facet ordinals may be found (<see cref="GenerationExtras"/>).</param>
    private LuceneStore(
        DirectoryReader reader,
        VocabularyIndex vocabulary,
        IReadOnlyList<DocumentRecord>? lightDocuments,
        string generation,
        Func<DateOnly> today,
        Func<CitationCatalog, ICitationService>? citations,
        LuceneDirectory? ownedDirectory,
        string? generationDir)
    {
        this.reader = reader;
        this.today = today;
        this.ownedDirectory = ownedDirectory;
        this.generationDir = generationDir;
        Generation = generation;
        searcher = new IndexSearcher(reader) { Similarity = GenerationWriter.Similarity };
        this.vocabulary = vocabulary;
        documentsAreLight = lightDocuments is not null;
        documents = lightDocuments is null ? LoadDocuments() : [.. lightDocuments.OrderBy(d => d.Rank)];
        documentsById = documents.ToDictionary(d => d.Meta.Id, StringComparer.Ordinal);
        documentsByRank = documents.ToDictionary(d => d.Rank);
        // The citation index (titles and 文号 of every document) is built on another core meanwhile.
        var citationService = Task.Run(() => (citations ?? ResolverCitationService.Create).Invoke(new CitationCatalog(documents, ClausesOf) { RecordOf = RecordOf }));
        understanding = new QueryUnderstanding(this.vocabulary, documents.Select(d => d.Meta));
        builder = new QueryBuilder(new ChineseAnalyzer(), FormTokens.Read(reader));
        industries = new(ComputeIndustries);
        facetSpace = new FacetSpace(Fields.FacetDimensions, reader.Leaves.Select(FacetOrdinalsOf).ToList());
        this.citations = citationService.GetAwaiter().GetResult();
        departments = new(ComputeDepartments);
        jurisdictionLabels = new(JurisdictionLabels);
    }

    /// <summary>Opens the generation directory <paramref name="generationDir"/> (as written by <see cref="GenerationWriter"/>).</summary>
    public static LuceneStore Open(string generationDir, Func<DateOnly> today, Func<CitationCatalog, ICitationService>? citations = null) =>
        Open(generationDir, today, citations, writeMissingExtras: true);

    /// <param name="writeMissingExtras">Write <see cref="GenerationExtras"/> when the generation lacks them (an
    /// index built before they existed); false for <see cref="GenerationExtras.Write"/>, which writes them itself.</param>
    internal static LuceneStore Open(string generationDir, Func<DateOnly> today, Func<CitationCatalog, ICitationService>? citations, bool writeMissingExtras)
    {
        var directory = Lucene.Net.Store.FSDirectory.Open(Path.Combine(generationDir, IndexLayout.LuceneFolder));
        try
        {
            // The extras are read while Lucene opens the index: start-up is what a restarted site waits for.
            var extras = Task.Run(() => (GenerationExtras.ReadVocabulary(generationDir), GenerationExtras.ReadDocuments(generationDir)));
            var reader = DirectoryReader.Open(directory);
            var (compact, documents) = extras.GetAwaiter().GetResult();
            var vocabulary = compact ?? ReadVocabulary(generationDir);
            var store = new LuceneStore(reader, new VocabularyIndex(vocabulary), documents, Path.GetFileName(generationDir), today, citations, directory, generationDir);
            if (writeMissingExtras && (compact is null || documents is null || store.facetsComputed))
            {
                // A generation opened for the first time (the build did not write its extras): next time it opens fast.
                store.TryWriteExtras(generationDir);
            }
            return store;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static QueryVocabulary ReadVocabulary(string generationDir)
    {
        var path = Path.Combine(generationDir, IndexLayout.VocabularyFile);
        return File.Exists(path) ? IndexJson.Read<QueryVocabulary>(File.ReadAllText(path)) : QueryVocabulary.Empty;
    }

    /// <summary>Writes <see cref="GenerationExtras"/> for this store's generation.</summary>
    internal void WriteExtras(string dir)
    {
        GenerationExtras.WriteVocabulary(dir, vocabulary);
        GenerationExtras.WriteDocuments(dir, documents);
        foreach (var leaf in reader.Leaves)
        {
            if (leaf.AtomicReader is SegmentReader segment)
            {
                GenerationExtras.WriteFacets(dir, segment, FacetOrdinalsOf(leaf));
            }
        }
    }

    private void TryWriteExtras(string dir)
    {
        try
        {
            WriteExtras(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only index folder: every start computes them, as before.
        }
    }

    /// <summary>A province's name as its first provincial document's scope says it (CN-GZ → 贵州省).</summary>
    private Dictionary<string, string?> JurisdictionLabels()
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var d in documents.Where(d => d.Meta.Level == Levels.Provincial))
        {
            labels.TryAdd(d.Meta.Jurisdiction, d.Meta.Scope.FirstOrDefault());
        }
        return labels;
    }

    public string Generation { get; }

    internal QueryUnderstanding Understanding => understanding;

    public void Dispose()
    {
        reader.Dispose();
        ownedDirectory?.Dispose();
    }

    private List<DocumentRecord> LoadDocuments()
    {
        return AllMatches(new TermQuery(new Term(Fields.Record, Fields.DocumentRecord)))
            .Select(doc => IndexJson.Read<DocumentRecord>(searcher.Doc(doc).Get(Fields.Json)))
            .OrderBy(d => d.Rank)
            .ToList();
    }

    /// <summary>A document's whole record (units, metadata lines, references); null when unknown.</summary>
    private DocumentRecord? RecordOf(string id)
    {
        if (!documentsById.TryGetValue(id, out var light))
        {
            return null;
        }
        if (!documentsAreLight)
        {
            return light;
        }
        return fullRecords.GetOrAdd(id, _ =>
        {
            var query = new BooleanQuery
            {
                { new TermQuery(new Term(Fields.Record, Fields.DocumentRecord)), Occur.MUST },
                { new TermQuery(new Term(Fields.Id, id)), Occur.MUST },
            };
            var top = searcher.Search(query, 1);
            return top.TotalHits == 0 ? light : IndexJson.Read<DocumentRecord>(searcher.Doc(top.ScoreDocs[0].Doc).Get(Fields.Json));
        });
    }

    private DocumentSummary Summary(DocumentRecord record) => new()
    {
        Meta = record.Meta,
        ClauseCount = record.ClauseCount,
        Status = record.Meta.Status(today()),
    };

    public IReadOnlyList<DocumentSummary> Documents() => documents.Select(Summary).ToList();

    public DocumentView? Document(string id)
    {
        if (RecordOf(id) is not { } record)
        {
            return null;
        }
        return new DocumentView
        {
            Summary = Summary(record),
            Units = record.Units,
            Clauses = ClausesOf(id),
            Metadata = record.Metadata,
            References = record.References,
        };
    }

    private IReadOnlyList<Clause> ClausesOf(string docId)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Record, Fields.ClauseRecord)), Occur.MUST },
            { new TermQuery(new Term(Fields.Doc, docId)), Occur.MUST },
        };
        return AllMatches(query).Select(LoadClause).OrderBy(c => c.Order).ToList();
    }

    public Clause? Clause(string id)
    {
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(Fields.Record, Fields.ClauseRecord)), Occur.MUST },
            { new TermQuery(new Term(Fields.Id, id)), Occur.MUST },
        };
        var top = searcher.Search(query, 1);
        return top.TotalHits == 0 ? null : LoadClause(top.ScoreDocs[0].Doc);
    }

    private Clause LoadClause(int doc) => IndexJson.Read<Clause>(searcher.Doc(doc).Get(Fields.Json));

    public CiteResult Cite(string input) => citations.Cite(input ?? "");

    public string? DocumentId(string name)
    {
        var v = name.Trim();
        if (documentsById.ContainsKey(v))
        {
            return v;
        }
        return v.Length > 0 && Cite(v) is { Resolved: true, Target: { Kind: Domain.Citations.CitationKinds.Document } cited } ? cited.Id : null;
    }

    /// <summary>The searcher and the scored query a search of <paramref name="q"/> runs (the benchmark's floor measures them alone).</summary>
    internal IndexSearcher Searcher => searcher;

    internal Query? QueryFor(string q) => builder.Build(understanding.Understand(q));

    /// <summary>What query understanding makes of <paramref name="q"/> (for tests and the CLI).</summary>
    public QueryPlan Understand(string? q) => understanding.Understand(q);

    public SearchResult Search(SearchRequest request)
    {
        var watch = Stopwatch.StartNew();
        var size = Math.Clamp(request.Size, 1, SearchLimits.MaxPageSize);
        // A page past the depth limit is empty (not the last reachable page again, which a client paging until a short
        // page would take for more hits); the total and facets are still those of the whole search.
        var pastDepth = request.Page > SearchLimits.MaxDepth / size;
        var page = Math.Clamp(request.Page, 1, SearchLimits.MaxDepth / size);
        var plan = understanding.Understand(request.Q);
        var notes = plan.Notes.ToList();

        var clauses = new TermQuery(new Term(Fields.Record, Fields.ClauseRecord));
        Query query;
        var hasText = !string.IsNullOrWhiteSpace(request.Q);
        if (builder.Build(plan) is { } scored)
        {
            // Document records hold none of the searched fields (text, heading, tags, tag terms), so a
            // scored query only ever matches clauses: no conjunction with rec:clause to pay for.
            query = scored;
        }
        else if (hasText)
        {
            // Only punctuation or question words (*:*, “哪些”): nothing to look for.
            notes.Add("查询中没有可检索的词");
            query = new BooleanQuery { { clauses, Occur.MUST }, { new TermQuery(new Term(Fields.Id, "\u0000")), Occur.MUST } };
        }
        else
        {
            query = new ConstantScoreQuery(clauses);
        }

        var filters = Filters(request, notes);
        var byOrder = request.Sort == "order" || !hasText;
        var boosts = BoostDimensions(plan);
        var collector = Collect(query, () => new SearchCollector(filters, request.Facets ? Fields.FacetDimensions : [], page * size, byOrder, boosts, FacetOrdinalsOf));

        var citation = hasText && request.Page <= 1 ? CitationOf(request.Q!) : null;
        var ranked = collector.Hits().ToList();
        var total = collector.Total;
        if (request.PartialMatches && !byOrder && total < page * size && total > 0 && plan.Concepts.Count > 0)
        {
            // Fewer strict matches than the page needs: fill with partial matches, ranked after them. The total counts
            // every partial match from this page on, so that a pager reaches them all, whatever the page size.
            var (filled, partial) = Fill(plan, ranked, filters, boosts, page * size - total);
            if (partial > 0)
            {
                notes.Add($"另有{partial}条部分匹配的结果排在后面");
                ranked.AddRange(filled);
                total += partial;
            }
        }
        if (total == 0)
        {
            notes.AddRange(IssuerNotes(plan));
        }
        var hits = pastDepth ? [] : ranked.Skip((page - 1) * size).Take(size).Select(h => Hit(h.Doc, h.Score, plan)).ToList();
        var facetValues = FacetValues(collector.Facets(facetSpace));
        return new SearchResult
        {
            Query = request.Q ?? "",
            Total = total,
            Hits = hits,
            Facets = facetValues,
            Citation = citation,
            Notes = notes,
            TookMs = watch.Elapsed.TotalMilliseconds,
        };
    }

    /// <summary>
    /// Runs <paramref name="query"/> over every segment. A large index is a few segments of equal size, one per core
    /// (GenerationWriter.SegmentsFor). A search running alone scores each segment on its own core into its own
    /// collector, and the collectors are then added up; scores do not change, the weight (and so every term statistic)
    /// being the whole index's. When other searches run, the cores are busy with them: splitting would only add the
    /// cost of handing work between threads (HTTP at 1,000 documents and 16 concurrent requests: 327 req/s splitting
    /// every search, 414 with this rule), so the segments are scored one after the other, as IndexSearcher does.
    /// </summary>
    private SearchCollector Collect(Query query, Func<SearchCollector> newCollector)
    {
        var leaves = reader.Leaves;
        var alone = Interlocked.Increment(ref searchesRunning) == 1;
        try
        {
            if (leaves.Count == 1 || !alone)
            {
                var collector = newCollector();
                searcher.Search(query, collector);
                return collector;
            }
            var weight = searcher.CreateNormalizedWeight(query);
            var parts = new SearchCollector[leaves.Count];
            Parallel.For(0, leaves.Count, i =>
            {
                var part = parts[i] = newCollector();
                part.SetNextReader(leaves[i]);
                weight.GetBulkScorer(leaves[i], !part.AcceptsDocsOutOfOrder, leaves[i].AtomicReader.LiveDocs)?.Score(part);
            });
            for (var i = 1; i < parts.Length; i++)
            {
                parts[0].Add(parts[i]);
            }
            return parts[0];
        }
        finally
        {
            Interlocked.Decrement(ref searchesRunning);
        }
    }

    /// <summary>A segment's facet ordinals, built once per segment of this (immutable) generation.</summary>
    private FacetOrdinals FacetOrdinalsOf(AtomicReaderContext context) =>
        facetOrdinals.GetValue(context.AtomicReader.CoreCacheKey, _ =>
        {
            if (generationDir is not null && context.AtomicReader is SegmentReader segment &&
                GenerationExtras.ReadFacets(generationDir, segment, Fields.FacetDimensions) is { } precomputed)
            {
                return precomputed;
            }
            facetsComputed = true;
            return FacetOrdinals.Build(context.AtomicReader, Fields.FacetDimensions);
        });

    private static List<(FilterDimension, float)> BoostDimensions(QueryPlan plan) =>
        plan.Boosts.Select(b => ((FilterDimension)new TermsDimension(b.Field, b.Field, [b.Value]), b.Weight)).ToList();

    /// <summary>
    /// For a search that found nothing: each concept that names a document's issuer, and which documents. 财政部 issues
    /// 000 with four other bodies, but no clause names it, and an empty page should say where the name is.
    /// </summary>
    private IEnumerable<string> IssuerNotes(QueryPlan plan)
    {
        foreach (var concept in plan.Concepts)
        {
            var names = concept.Alternatives.Concat(concept.Tags.Where(t => t.Field == Fields.Department).Select(t => t.Value))
                .ToHashSet(StringComparer.Ordinal);
            var issued = documents.Where(d => d.Meta.Issuers.Any(names.Contains)).Select(d => $"《{d.Meta.Title}》").ToList();
            if (issued.Count > 0)
            {
                var which = issued.Count <= 3 ? string.Join("、", issued) : $"{string.Join("、", issued.Take(3))}等 {issued.Count} 份文件";
                yield return $"没有条款提到“{concept.Surface}”：它是{which}的发文机关";
            }
        }
    }

    /// <summary>
    /// The best <paramref name="needed"/> partial matches of a search whose <paramref name="strict"/> matches are all
    /// listed, scored below every one of them, and how many partial matches there are in all.
    /// </summary>
    private (List<(int Doc, float Score)> Hits, int Total) Fill(QueryPlan plan, IReadOnlyList<(int Doc, float Score)> strict, List<FilterDimension> filters,
        List<(FilterDimension, float)> boosts, int needed)
    {
        // Feedback: the topics shared by the best strict hits say what the query is about.
        var feedback = strict.Take(3)
            .SelectMany(h => LoadClause(h.Doc).Topics.Select(t => t.Name).Distinct())
            .GroupBy(t => t)
            .Where(g => g.Count() >= Math.Min(2, strict.Count))
            .Select(g => new TagTerm(Fields.Topic, g.Key))
            .Take(3)
            .ToList();
        if (builder.BuildRelaxed(plan, feedback) is not { } relaxed)
        {
            return ([], 0);
        }
        var full = new ExcludedDimension("full matches", reader, strict.Select(h => h.Doc).ToHashSet());
        var collector = Collect(relaxed, () => new SearchCollector([.. filters, full], [], needed, byOrder: false, boosts, FacetOrdinalsOf));
        // Scores below every strict hit: partial matches never outrank full ones.
        var floor = strict.Count > 0 ? strict.Min(h => h.Score) : 0f;
        var hits = collector.Hits().Select(h => (h.Doc, floor * 0.5f * h.Score / (h.Score + 1f))).ToList();
        return (hits, collector.Total);
    }

    private CiteTarget? CitationOf(string q)
    {
        // A query that reads as a citation (黔府办发〔2018〕14号 三（二）) goes straight to its target.
        try
        {
            return citations.SearchCitation(q);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A hit's compact record: the binary doc value (see <see cref="GenerationWriter"/>); the stored
    /// field when the value is empty (a record too long for a doc value) or absent (an older generation).
    /// </summary>
    private HitRecord ReadHitRecord(int doc)
    {
        var hit = BinaryValue(doc, Fields.HitJson);
        if (!hit.IsEmpty)
        {
            return HitJson.Read(hit);
        }
        var stored = searcher.Doc(doc);
        if (stored.GetBinaryValue(Fields.HitJson) is { } binary)
        {
            return HitJson.Read(binary.Bytes.AsSpan(binary.Offset, binary.Length));
        }
        return IndexJson.Read<HitRecord>(stored.Get(Fields.HitJson));
    }

    private SearchHit Hit(int doc, float score, QueryPlan plan)
    {
        // The compact hit record, not the whole clause with its links and evidence.
        var clause = ReadHitRecord(doc);
        var snippet = SnippetHighlighter.Highlight(clause.Text, plan.HighlightStrings, plan.LooseStrings);
        return new SearchHit
        {
            Id = clause.Id,
            DocId = clause.DocId,
            DocTitle = documentsById.TryGetValue(clause.DocId, out var d) ? d.Meta.Title : clause.DocId,
            Citation = clause.Citation,
            Locator = clause.Locator,
            Heading = clause.Heading,
            Text = clause.Text,
            Snippet = snippet.Html,
            Score = float.IsFinite(score) ? score : 0,
            Industries = clause.Industries,
            Departments = clause.Departments,
            TargetYears = clause.TargetYears,
            Modality = clause.Modality,
        };
    }

    // ---- filters -----------------------------------------------------------------------------

    /// <summary>
    /// The filters of a request; each value that no clause carries (industry=Z99, a document not in the corpus) is said in
    /// <paramref name="notes"/>, since it empties the results, or its dimension's share of them, without a word.
    /// </summary>
    private List<FilterDimension> Filters(SearchRequest r, List<string> notes)
    {
        List<string> Carried(string label, string field, IEnumerable<string> given, Func<string, IEnumerable<string>> resolve)
        {
            var terms = new List<string>();
            foreach (var value in given)
            {
                var resolved = resolve(value).ToList();
                if (!resolved.Any(t => reader.DocFreq(new Term(field, t)) > 0))
                {
                    notes.Add($"没有{label}为“{value}”的条款");
                }
                terms.AddRange(resolved);
            }
            return terms;
        }

        var filters = new List<FilterDimension>();
        AddTerms(filters, Fields.Doc, Fields.Doc, Carried("文件", Fields.Doc, r.Doc, v => [ResolveDoc(v)]));
        AddTerms(filters, Fields.Level, Fields.Level, Carried("层级", Fields.Level, r.Level, v => [Levels.Parse(v) ?? v]));
        AddTerms(filters, Fields.Jurisdiction, Fields.Jurisdiction, Carried("地区", Fields.Jurisdiction, r.Jurisdiction, v => [ResolveJurisdiction(v)]));
        AddTerms(filters, Fields.Industry, Fields.Industry, Carried("行业", Fields.Industry, r.Industry, v => Resolve(VocabularyKinds.Industry, v)));
        var departmentKeys = Carried("部门", Fields.Department, r.Department, v => Resolve(VocabularyKinds.Department, v));
        if (!string.IsNullOrWhiteSpace(r.Role))
        {
            var role = r.Role.Trim();
            if (departmentKeys.Count > 0)
            {
                AddTerms(filters, Fields.Department, Fields.DepartmentRole, departmentKeys.Select(k => GenerationWriter.DepartmentRoleValue(k, role)));
            }
        }
        else
        {
            AddTerms(filters, Fields.Department, Fields.Department, departmentKeys);
        }
        AddTerms(filters, Fields.Year, Fields.Year,
            Carried("年份", Fields.Year, r.Year.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), v => [v]));
        AddTerms(filters, Fields.Modality, Fields.Modality, Carried("规范类型", Fields.Modality, r.Modality, v => [Modalities.Parse(v) ?? v]));
        AddTerms(filters, Fields.Topic, Fields.Topic, Carried("主题", Fields.Topic, r.Topic, v => Resolve(VocabularyKinds.Topic, v)));
        var statuses = r.Status.Select(DocumentStatus.Parse).Where(s => s is not null).Distinct().ToList();
        if (r.Status.Count > 0)
        {
            var year = today().Year;
            var wantCurrent = statuses.Contains(DocumentStatus.Current);
            var wantExpired = statuses.Contains(DocumentStatus.Expired);
            filters.Add(new NumericDimension("status", Fields.PeriodEnd, end =>
            {
                var expired = end > 0 && year > end;
                return expired ? wantExpired : wantCurrent;
            }));
        }
        return filters;
    }

    private static void AddTerms(List<FilterDimension> filters, string name, string field, IEnumerable<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
        {
            filters.Add(new TermsDimension(name, field, list));
        }
    }

    private string ResolveDoc(string value) => DocumentId(value) ?? value.Trim();

    private string ResolveJurisdiction(string value)
    {
        var v = value.Trim();
        if (v is "全国" or "国家")
        {
            return "CN";
        }
        return documents.FirstOrDefault(d => d.Meta.Scope.Any(s => s == v || s.StartsWith(v, StringComparison.Ordinal)) && d.Meta.Level == Levels.Provincial)?.Meta.Jurisdiction ?? v;
    }

    /// <summary>
    /// A code or key as given, or any name or alias of a vocabulary entry (环保部 → 生态环境部); an industry also by its
    /// name with 行业, 产业 or 工业 after it, as texts and people write it (有色金属行业 → C32).
    /// </summary>
    private IEnumerable<string> Resolve(string kind, string value)
    {
        var v = value.Trim();
        List<string> Keys(string name) => vocabulary.Lookup(name).Where(e => e.Kind == kind).Select(e => e.Key).ToList();
        var entries = Keys(v);
        if (entries.Count == 0 && kind == VocabularyKinds.Industry
            && IndustrySuffixes.FirstOrDefault(x => v.Length > x.Length && v.EndsWith(x, StringComparison.Ordinal)) is { } suffix)
        {
            entries = Keys(v[..^suffix.Length]);
        }
        return entries.Count > 0 ? entries.Append(v).Distinct() : [v];
    }

    private static readonly string[] IndustrySuffixes = ["行业", "产业", "工业"];

    // ---- facets ------------------------------------------------------------------------------

    private Dictionary<string, IReadOnlyList<FacetValue>> FacetValues(IReadOnlyDictionary<string, List<KeyValuePair<string, int>>> counts)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var (dim, values) in counts)
        {
            // Most frequent first, then by value (years numerically); labelled after the cut: at 10,000
            // documents the doc dimension has thousands of values. Values are distinct, so the order is total.
            Comparison<KeyValuePair<string, int>> order = dim == Fields.Year
                ? (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key.PadLeft(4, '0'), b.Key.PadLeft(4, '0'))
                : (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key);
            var first = First(values, MaxFacetValues, order);
            var shown = new List<FacetValue>(first.Count);
            foreach (var (value, count) in first)
            {
                shown.Add(new FacetValue(value, facetLabels.GetOrAdd((dim, value), k => FacetLabel(k.Dim, k.Value)), count));
            }
            result[dim] = shown;
        }
        return result;
    }

    private const int MaxFacetValues = 100;

    /// <summary>
    /// The first <paramref name="k"/> of <paramref name="values"/> in <paramref name="order"/> (a total order), sorted:
    /// only they are shown, and sorting all of them cost ~5% of a search matching a quarter of a million clauses
    /// (thousands of documents in the doc dimension). A heap of the k best so far, its worst on top, turns most
    /// values away with one comparison of counts.
    /// </summary>
    internal static List<KeyValuePair<string, int>> First(List<KeyValuePair<string, int>> values, int k, Comparison<KeyValuePair<string, int>> order)
    {
        if (values.Count <= k)
        {
            values.Sort(order);
            return values;
        }
        var heap = new PriorityQueue<KeyValuePair<string, int>, KeyValuePair<string, int>>(k + 1,
            Comparer<KeyValuePair<string, int>>.Create((a, b) => order(b, a)));
        foreach (var v in values)
        {
            if (heap.Count < k)
            {
                heap.Enqueue(v, v);
            }
            else if (heap.TryPeek(out var worst, out _) && order(v, worst) < 0)
            {
                heap.DequeueEnqueue(v, v);
            }
        }
        var first = new List<KeyValuePair<string, int>>(k);
        while (heap.TryDequeue(out var v, out _))
        {
            first.Add(v);
        }
        first.Reverse();
        return first;
    }

    private string FacetLabel(string dim, string value) => dim switch
    {
        Fields.Doc => documentsById.TryGetValue(value, out var d) ? d.Meta.ShortTitles.FirstOrDefault() ?? d.Meta.Title : value,
        Fields.Level => value switch { Levels.National => "国家级", Levels.Provincial => "省级", _ => value },
        Fields.Jurisdiction => value == "CN" ? "全国" : jurisdictionLabels.Value.GetValueOrDefault(value) ?? value,
        Fields.Industry => vocabulary.Label(VocabularyKinds.Industry, value),
        Fields.Department => vocabulary.Label(VocabularyKinds.Department, value),
        Fields.Year => $"{value}年",
        Fields.Modality => value switch { Modalities.Prohibit => "禁止", Modalities.Require => "约束", Modalities.Encourage => "鼓励", _ => value },
        Fields.Topic => vocabulary.Label(VocabularyKinds.Topic, value),
        _ => value,
    };

    // ---- aggregates --------------------------------------------------------------------------

    public IReadOnlyList<IndustrySummary> Industries() => industries.Value;

    // The vocabulary knows every industry by its code (any case), name and aliases: the search filter's resolution.
    public IndustrySummary? Industry(string name) =>
        Resolve(VocabularyKinds.Industry, name).Select(code => Industries().FirstOrDefault(i => i.Code == code)).FirstOrDefault(i => i is not null);

    public IReadOnlyList<DepartmentSummary> Departments() => departments.Value;

    private IReadOnlyList<IndustrySummary> ComputeIndustries()
    {
        var counts = CountPairs(Fields.Industry);
        return counts
            .Select(kv => new IndustrySummary(kv.Key, vocabulary.Label(VocabularyKinds.Industry, kv.Key),
                vocabulary.Find(VocabularyKinds.Industry, kv.Key)?.Parent, kv.Value))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
    }

    private IReadOnlyList<DepartmentSummary> ComputeDepartments()
    {
        // Each "canonical|role" term's postings are the clauses naming the department in that role: counted from
        // the terms, not by reading every clause (at 10,000 documents that read half a million records, 40 s).
        var byRole = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        DocsEnum? docs = null;
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(Fields.DepartmentRole)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                var value = terms.Term.Utf8ToString();
                var bar = value.LastIndexOf('|');
                if (bar <= 0)
                {
                    continue;
                }
                docs = terms.Docs(leaf.AtomicReader.LiveDocs, docs, DocsFlags.NONE);
                var count = 0;
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    count++;
                }
                var (canonical, role) = (value[..bar], value[(bar + 1)..]);
                if (!byRole.TryGetValue(canonical, out var roles))
                {
                    byRole[canonical] = roles = new(StringComparer.Ordinal);
                }
                roles[role] = roles.GetValueOrDefault(role) + count;
            }
        }
        return byRole
            .Select(kv => new DepartmentSummary(kv.Key, vocabulary.Find(VocabularyKinds.Department, kv.Key)?.Jurisdiction, kv.Value))
            .OrderByDescending(d => d.ClauseCountsByRole.Values.Sum())
            .ThenBy(d => d.Canonical, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>value → (doc id → clause count) over a faceted dimension, from the facet ordinals already in memory.</summary>
    private Dictionary<string, IReadOnlyDictionary<string, int>> CountPairs(string field)
    {
        var pairs = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var ordinals = FacetOrdinalsOf(leaf);
            var (dim, doc) = (ordinals.DimensionIndex(field), ordinals.DimensionIndex(Fields.Doc));
            if (dim >= 0 && doc >= 0)
            {
                ordinals.CountPairs(dim, doc, pairs);
            }
        }
        return pairs.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, int>)kv.Value, StringComparer.Ordinal);
    }

    public TargetTable Targets(TargetFilter filter, int offset = 0, int limit = int.MaxValue)
    {
        var query = new BooleanQuery { { new TermQuery(new Term(Fields.HasTargets, "1")), Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(filter.Doc))
        {
            query.Add(new TermQuery(new Term(Fields.Doc, ResolveDoc(filter.Doc))), Occur.MUST);
        }
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var any = new BooleanQuery();
            foreach (var code in Resolve(VocabularyKinds.Industry, filter.Industry))
            {
                any.Add(new TermQuery(new Term(Fields.Industry, code)), Occur.SHOULD);
            }
            query.Add(any, Occur.MUST);
        }
        if (filter.Year is { } targetYear)
        {
            query.Add(new TermQuery(new Term(Fields.TargetYear, targetYear.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST);
        }

        // Every selected target is counted from its clause's years (two bytes a target); only the rows of the page
        // decode their clause's targets. At 10,000 documents the whole table is 330,000 targets.
        var clauses = AllMatches(query).Select(doc => (Seq: SequenceOf(doc), Doc: doc)).ToArray();
        Array.Sort(clauses);
        var rows = new List<TargetRow>();
        var perDocument = new List<DocumentTargets>();
        var total = 0;
        var documentCount = 0;
        Dictionary<int, int>? byYear = null;
        long rank = -1;
        foreach (var (seq, doc) in clauses)
        {
            if (seq / Fields.SequencePerDocument != rank)
            {
                AddDocument();
                rank = seq / Fields.SequencePerDocument;
                byYear = [];
            }
            var years = TargetYearsOf(doc);
            ClauseTargets? page = null;
            for (var k = 0; k < years.Length; k++)
            {
                if (filter.Year is { } year && years[k] != year)
                {
                    continue;
                }
                if (total >= offset && total - offset < limit)
                {
                    page ??= ReadTargets(doc);
                    rows.Add(new TargetRow(page.Id, page.DocId, page.Citation, page.Targets[k]));
                }
                total++;
                documentCount++;
                if (years[k] > 0)
                {
                    byYear![years[k]] = byYear.GetValueOrDefault(years[k]) + 1;
                }
            }
        }
        AddDocument();
        return new TargetTable { Total = total, Rows = rows, Documents = perDocument };

        void AddDocument()
        {
            if (documentCount > 0 && documentsByRank.TryGetValue((int)rank, out var d))
            {
                perDocument.Add(new DocumentTargets(d.Meta.Id, documentCount, byYear!));
            }
            documentCount = 0;
        }
    }

    /// <summary>The clause's place in reading order (<see cref="Fields.Sequence"/>), read with the facet ordinals.</summary>
    private long SequenceOf(int doc)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        return FacetOrdinalsOf(leaf).Sequences is { } sequences ? sequences[doc - leaf.DocBase] : doc;
    }

    /// <summary>The target year of each of the clause's targets (0 for none), from <see cref="Fields.TargetYears"/>.</summary>
    private int[] TargetYearsOf(int doc)
    {
        var bytes = BinaryValue(doc, Fields.TargetYears);
        var years = new int[bytes.Length / 2];
        for (var k = 0; k < years.Length; k++)
        {
            years[k] = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * k)..]);
        }
        return years;
    }

    /// <summary>The years targets are set for, from the index's terms (ascending).</summary>
    public IReadOnlyList<int> TargetYears()
    {
        var years = new SortedSet<int>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(Fields.TargetYear)?.GetEnumerator();
            while (terms is not null && terms.MoveNext())
            {
                if (int.TryParse(terms.Term.Utf8ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
                {
                    years.Add(year);
                }
            }
        }
        return [.. years];
    }

    /// <summary>A clause's targets: the doc value written for them, else (a record too long for one) the clause record.</summary>
    private ClauseTargets ReadTargets(int doc)
    {
        var json = BinaryValue(doc, Fields.TargetsJson);
        return json.IsEmpty ? ClauseTargets.From(LoadClause(doc)) : IndexJson.Read<ClauseTargets>(System.Text.Encoding.UTF8.GetString(json));
    }

    /// <summary>Document <paramref name="doc"/>'s binary doc value in <paramref name="field"/>; empty when it has none.</summary>
    private ReadOnlySpan<byte> BinaryValue(int doc, string field)
    {
        var leaf = reader.Leaves[ReaderUtil.SubIndex(doc, reader.Leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(field) is not { } values)
        {
            return default;
        }
        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return bytes.Bytes.AsSpan(bytes.Offset, bytes.Length);
    }

    /// <summary>
    /// Every document matching <paramref name="query"/>, in index order, unscored. Not Search(query, MaxDoc): that
    /// allocates a priority queue of MaxDoc entries (a million at 10,000 documents) to return a document's 100 clauses.
    /// </summary>
    private List<int> AllMatches(Query query)
    {
        var collector = new MatchCollector();
        searcher.Search(query, collector);
        return collector.Docs;
    }

    private sealed class MatchCollector : ICollector
    {
        private int docBase;

        public List<int> Docs { get; } = [];

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

        public void Collect(int doc) => Docs.Add(docBase + doc);
    }
}

