using System.Diagnostics;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>
/// Linking time for the seed corpus and for a corpus 100 times larger: the seed documents replicated
/// with new ids and small text edits, as if 100 cities had re-issued each plan with local wording. Prints
/// the seconds (not a timed assertion: the machine is shared); asserts only what must hold at scale.
/// </summary>
public sealed class LinkerBenchmark(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Benchmark")]
    public void Seed_corpus_and_a_corpus_100_times_larger()
    {
        var seed = LinkedCorpus.TaggedDocs;
        Linker.Link(seed); // warm up (JIT), so the seed figure measures the linker

        var sw = Stopwatch.StartNew();
        var small = Linker.Link(seed);
        var seedSeconds = sw.Elapsed.TotalSeconds;

        var big = Replicate(seed, 100);
        sw.Restart();
        var linked = Linker.Link(big);
        var bigSeconds = sw.Elapsed.TotalSeconds;

        var clauses = big.Sum(d => d.Clauses.Count);
        output.WriteLine($"seed: {seed.Count} documents, {seed.Sum(d => d.Clauses.Count)} clauses, {small.Sum(d => d.Clauses.Sum(c => c.Links.Count))} link ends: {seedSeconds:F2} s");
        output.WriteLine($"100x: {big.Count} documents, {clauses} clauses, {linked.Sum(d => d.Clauses.Sum(c => c.Links.Count))} link ends: {bigSeconds:F2} s");

        // At scale every clause still has a bounded number of textual links.
        var max = LinkerOptions.Default.MaxLinksPerRelation;
        Assert.All(linked.SelectMany(d => d.Clauses), c =>
            Assert.All(c.Links.Where(l => l.Relation is not (Relations.Cites or Relations.Implements)).GroupBy(l => l.Relation),
                g => Assert.True(g.Count() <= max)));
        // A replica of Sichuan's plan still finds a national near-verbatim source.
        Assert.Contains(linked.Where(d => d.Meta.Jurisdiction == "CN-SC").SelectMany(d => d.Clauses),
            c => c.Links.Any(l => l.Relation == Relations.NearVerbatim && l.Direction == Directions.National));
    }

    /// <summary>The documents copied <paramref name="times"/> times with ids -r1, -r2 … and a few words changed per copy.</summary>
    internal static IReadOnlyList<ParsedDocument> Replicate(IReadOnlyList<ParsedDocument> docs, int times)
    {
        // Small, meaning-preserving edits such as a local plan makes: 加快 → 加速, 推进 → 推动, 积极 dropped.
        (string From, string To)[] edits = [("加快", "加速"), ("推进", "推动"), ("积极", ""), ("大力", "着力"), ("进一步", "")];
        var list = new List<ParsedDocument>(docs.Count * times);
        for (var r = 0; r < times; r++)
            foreach (var d in docs)
            {
                var id = r == 0 ? d.Meta.Id : $"{d.Meta.Id}-r{r}";
                var meta = r == 0 ? d.Meta : d.Meta with { Id = id, Title = $"{d.Meta.Title}（{r}）", ShortTitles = [], DocNumber = null };
                list.Add(d with
                {
                    Meta = meta,
                    Clauses = d.Clauses.Select((c, k) =>
                    {
                        var text = c.Text;
                        if (r > 0)
                        {
                            var (from, to) = edits[(r + k) % edits.Length];
                            var at = text.IndexOf(from, StringComparison.Ordinal);
                            if (at >= 0) text = text[..at] + to + text[(at + from.Length)..];
                        }
                        return c with { Id = $"{id}/{c.EId}", DocId = id, Text = text, Links = [] };
                    }).ToList(),
                });
            }
        return list;
    }
}
