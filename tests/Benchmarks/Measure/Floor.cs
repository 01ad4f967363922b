using System.Diagnostics;
using GreenPolicy.Index;
using GreenPolicy.Search;
using Fields = GreenPolicy.Index.Fields;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GreenPolicy.Benchmarks.Measure;

/// <summary>
/// What a one-term search cannot go below (`child floor INDEX SECONDS term…`): for each term, the median time to
/// walk its postings in the text field and nothing else, Lucene's own top 20 for that one TermQuery (one field,
/// scored), Lucene's top 20 for the query GreenPolicy builds from the term (its forms in text and headings, its tags),
/// GreenPolicy's search without facets and the full search. The gaps show what the query's expansion, GreenPolicy's
/// collector and exact facet counts each cost; the walk shows how far any engine that touches every match is from a
/// latency target.
/// Prints a Markdown table; wall times on one thread except GreenPolicy's search, which may use a core per segment
/// (its CPU time is given beside it).
/// </summary>
internal static class Floor
{
    private sealed class Samples
    {
        public readonly List<double> Wall = [];
        public readonly List<double> Cpu = [];

        public void Time(Action run)
        {
            var cpu0 = LatencyRunner.ProcessCpuMs();
            var start = Stopwatch.GetTimestamp();
            run();
            Wall.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Cpu.Add(LatencyRunner.ProcessCpuMs() - cpu0);
        }

        public double Median => Percentiles.Of(Wall).P50;
        public double CpuMedian => Percentiles.Of(Cpu).P50;
    }

    /// <summary>One term's medians, milliseconds; GreenPolicy's search also in process CPU (it may use a core per segment).</summary>
    public sealed record Row(string Term, long TextMatches, long QueryMatches, double Walk, double TermQuery, double Expanded,
        double NoFacets, double NoFacetsCpu, double Search, double SearchCpu);

    /// <summary>The medians over the terms of one query kind, column by column.</summary>
    public sealed record KindFloor(string Kind, int Terms, Row Median);

    public static IReadOnlyList<Row> Measure(string indexRoot, double seconds, IReadOnlyList<string> terms)
    {
        var generation = IndexLayout.ReadCurrent(indexRoot) ?? throw new ArgumentException($"no index in {indexRoot}");
        using var store = LuceneStore.Open(Path.Combine(indexRoot, generation), () => new DateOnly(2026, 1, 1), Pipeline.CitationWiring.Default);
        var searcher = store.Searcher;
        var reader = searcher.IndexReader;
        var expanded = terms.ToDictionary(t => t, t => store.QueryFor(t) ?? throw new ArgumentException($"{t}: nothing to search"));

        var samples = terms.ToDictionary(t => t, _ => Enumerable.Range(0, 5).Select(_ => new Samples()).ToArray());
        var matches = new Dictionary<string, long>();
        var totals = new Dictionary<string, long>();
        var budget = Stopwatch.StartNew();
        // Round robin over terms and measures, so that a noisy moment of the machine spreads over all of them.
        for (var round = 0; round < 3 || budget.Elapsed.TotalSeconds < seconds; round++)
        {
            foreach (var term in terms)
            {
                var s = samples[term];
                s[0].Time(() => matches[term] = Walk(reader, new Term(Fields.Text, term)));
                s[1].Time(() => searcher.Search(new TermQuery(new Term(Fields.Text, term)), 20));
                s[2].Time(() => totals[term] = searcher.Search(expanded[term], 20).TotalHits);
                s[3].Time(() => store.Search(new SearchRequest { Q = term, Size = 20, Facets = false }));
                s[4].Time(() => store.Search(new SearchRequest { Q = term, Size = 20 }));
            }
        }
        Row RowOf(string t, Samples[] s) =>
            new(t, matches[t], totals[t], s[0].Median, s[1].Median, s[2].Median, s[3].Median, s[3].CpuMedian, s[4].Median, s[4].CpuMedian);
        return terms.Select(t => RowOf(t, samples[t])).ToList();
    }

    /// <summary>Column-by-column medians of <paramref name="rows"/>.</summary>
    public static Row Median(string name, IReadOnlyList<Row> rows)
    {
        double M(Func<Row, double> column) => Percentiles.Of(rows.Select(column).ToList()).P50;
        return new Row(name, (long)M(r => r.TextMatches), (long)M(r => r.QueryMatches), M(r => r.Walk), M(r => r.TermQuery), M(r => r.Expanded),
            M(r => r.NoFacets), M(r => r.NoFacetsCpu), M(r => r.Search), M(r => r.SearchCpu));
    }

    public const string Header =
        "| matches in text | matches of the query | walk postings | Lucene TermQuery top 20 | Lucene, GreenPolicy's query, top 20 | GreenPolicy, no facets (CPU) | GreenPolicy (CPU) |";

    public static string Cells(Row r) =>
        $"| {r.TextMatches:N0} | {r.QueryMatches:N0} | {r.Walk:F2} | {r.TermQuery:F2} | {r.Expanded:F2} | {r.NoFacets:F2} ({r.NoFacetsCpu:F2}) | {r.Search:F2} ({r.SearchCpu:F2}) |";

    /// <summary>`child floor INDEX SECONDS term…`: every term's row, most matches first.</summary>
    public static int Run(string indexRoot, double seconds, IReadOnlyList<string> terms, TextWriter output)
    {
        var rows = Measure(indexRoot, seconds, terms);
        output.WriteLine("| term " + Header);
        output.WriteLine("| --- " + string.Concat(Enumerable.Repeat("| ---: ", 7)) + "|");
        foreach (var r in rows.OrderByDescending(r => r.QueryMatches))
        {
            output.WriteLine($"| {r.Term} " + Cells(r));
        }
        return 0;
    }

    /// <summary>
    /// What writing the index cannot go below (`child invert CLAUSES.jsonl DIR`): the clauses' text alone, analysed as
    /// the index analyses it (unigrams and bigrams), then written as the only field of a Lucene index on every core (no
    /// stored fields, tags, doc values or links), then merged into the segments a real index has. Prints seconds.
    /// </summary>
    public static int Invert(string clausesPath, string directoryPath, TextWriter output)
    {
        var texts = Engines.ClauseRow.ReadAll(clausesPath).Select(r => r.Text).ToArray();
        var cores = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var watch = Stopwatch.StartNew();
        long tokens = 0;
        Parallel.For(0, texts.Length, cores, () => (Analyzer: new ChineseAnalyzer(), Count: 0L), (i, _, local) =>
        {
            using var stream = local.Analyzer.GetTokenStream(Fields.Text, texts[i]);
            stream.Reset();
            while (stream.IncrementToken())
            {
                local.Count++;
            }
            stream.End();
            return local;
        }, local => Interlocked.Add(ref tokens, local.Count));
        var analysed = watch.Elapsed.TotalSeconds;

        if (System.IO.Directory.Exists(directoryPath))
        {
            System.IO.Directory.Delete(directoryPath, recursive: true);
        }
        watch.Restart();
        using (var directory = Lucene.Net.Store.FSDirectory.Open(directoryPath))
        {
            using var writer = new IndexWriter(directory, GenerationWriter.WriterConfig(new ChineseAnalyzer()));
            Parallel.For(0, texts.Length, cores, i => writer.AddDocument([new Lucene.Net.Documents.TextField(Fields.Text, texts[i], Lucene.Net.Documents.Field.Store.NO)]));
            writer.Commit();
            var written = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var segments = GenerationWriter.SegmentsFor(texts.Length);
            writer.ForceMerge(segments);
            writer.Commit();
            output.WriteLine($"{texts.Length:N0} clauses, {texts.Sum(t => (long)t.Length) / 1e6:F1}M characters, {tokens / 1e6:F1}M tokens; {Environment.ProcessorCount} cores");
            output.WriteLine($"analysis alone {analysed:F1} s; text field written {written:F1} s ({texts.Length / written:N0} clauses/s); " +
                             $"merged into {segments} segment(s) {watch.Elapsed.TotalSeconds:F1} s");
        }
        return 0;
    }

    /// <summary>Walks the documents holding <paramref name="term"/> in every segment, reading nothing but their numbers.</summary>
    private static long Walk(IndexReader reader, Term term)
    {
        long count = 0;
        var bytes = new BytesRef(term.Text);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(bytes))
            {
                continue;
            }
            var docs = terms.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                count++;
            }
        }
        return count;
    }
}
