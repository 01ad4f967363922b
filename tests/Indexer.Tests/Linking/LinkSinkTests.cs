using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>
/// The sink that keeps scored pairs: which same-topic pairs survive (a clause's best match in each other document,
/// decided as the pairs stream by) checked against the rule computed over all pairs at once.
/// </summary>
public sealed class LinkSinkTests
{
    private static ParsedDocument Doc(string id, int clauses) => new()
    {
        Meta = new DocumentMeta { Id = id, Title = id, Level = Levels.Provincial, Jurisdiction = "CN-SC" },
        Clauses = Enumerable.Range(0, clauses).Select(k => new Clause
        {
            Id = $"{id}/para_{k + 1}", DocId = id, EId = $"para_{k + 1}", Kind = "paragraph", Locator = $"para_{k + 1}",
            Citation = $"para_{k + 1}", Text = $"推进{id}第{k + 1}项园区循环化改造和清洁生产审核工作。", Order = k,
        }).ToList(),
    };

    private static readonly LinkerOptions Unlimited = LinkerOptions.Default with { MaxLinksPerRelation = 1000 };

    private static LinkSink Sink(IReadOnlyList<ParsedDocument> docs) => new(new CorpusFeatures([.. docs.Select(LinkDocument.From)], ClauseTexts.Of(docs), Unlimited), Unlimited);

    private static HashSet<(int, int)> Kept(LinkSink sink, IReadOnlyList<ParsedDocument> docs)
    {
        var ids = docs.SelectMany(d => d.Clauses).Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var kept = new HashSet<(int, int)>();
        for (var i = 0; i < ids.Count; i++)
            foreach (var link in sink.For(i))
                kept.Add(i < ids[link.Id] ? (i, ids[link.Id]) : (ids[link.Id], i));
        return kept;
    }

    [Fact]
    public void A_clause_keeps_its_best_match_in_each_other_document_and_a_tie_goes_to_the_lower_clause()
    {
        // Clauses: a/1..2 = 0..1; b/1..3 = 2..4; c/1..2 = 5..6.
        IReadOnlyList<ParsedDocument> docs = [Doc("a", 2), Doc("b", 3), Doc("c", 2)];
        var sink = Sink(docs);
        sink.Offer(new PairScore(0, 2, Relations.SameTopic, 0.2, 0.2, null));  // neither end's best: dropped
        sink.Offer(new PairScore(0, 3, Relations.SameTopic, 0.3, 0.3, null));  // a/1's best in b
        sink.Offer(new PairScore(0, 4, null, 0, 0.3, null));                    // a tie: the lower clause (b/2) stays
        sink.Offer(new PairScore(0, 5, null, 0, 0.5, null));                    // a/1's best in c supports no link ...
        sink.Offer(new PairScore(0, 6, Relations.SameTopic, 0.4, 0.4, null));   // ... but c/2's best in a is a/1
        sink.Offer(new PairScore(1, 2, Relations.SameTopic, 0.25, 0.25, null)); // b/1's best in a, a/2's only pair in b
        sink.Offer(new PairScore(2, 5, Relations.SameTopic, 0.1, 0.1, null));   // b/1's and c/1's only pair in each other's document
        sink.Offer(new PairScore(4, 6, Relations.Paraphrase, 0.6, 0.05, null)); // not same-topic: kept whatever its topic score
        sink.Finish();

        Assert.Equal(new HashSet<(int, int)> { (0, 3), (0, 6), (1, 2), (2, 5), (4, 6) }, Kept(sink, docs));
        Assert.DoesNotContain(sink.For(2), l => l.Id == "a/para_1");
        Assert.DoesNotContain(sink.For(0), l => l.Id == "b/para_1");
    }

    private static IReadOnlyList<ParsedDocument> FourDocs() => [Doc("a", 4), Doc("b", 3), Doc("c", 5), Doc("d", 2)];

    private static int Other(PairScore p, int holder) => p.A == holder ? p.B : p.A;

    /// <summary>Pairs of clauses in different documents, in offer order, each left out one time in <paramref name="dropOneIn"/>.</summary>
    private static List<PairScore> RandomPairs(int[] docOf, Random random, int dropOneIn, Func<int, int, PairScore> make)
    {
        var pairs = new List<PairScore>();
        for (var a = 0; a < docOf.Length; a++)
            for (var b = a + 1; b < docOf.Length; b++)
                if (docOf[a] != docOf[b] && random.Next(dropOneIn) > 0)
                    pairs.Add(make(a, b));
        return pairs;
    }

    /// <summary>
    /// The rule over all pairs: the pairs that are, for either end, the highest topic score among that end's pairs
    /// into the other end's document (on a tie, the pair with the lower other clause).
    /// </summary>
    private static HashSet<(int, int)> BestMatches(List<PairScore> pairs, int[] docOf)
    {
        var best = new HashSet<(int, int)>();
        for (var holder = 0; holder < docOf.Length; holder++)
            foreach (var group in pairs.Where(p => p.A == holder || p.B == holder).GroupBy(p => docOf[Other(p, holder)]))
            {
                var top = group.OrderByDescending(p => p.TopicScore).ThenBy(p => Other(p, holder)).First();
                best.Add((top.A, top.B));
            }
        return best;
    }

    [Fact]
    public void Streamed_choice_equals_the_rule_over_all_pairs_on_random_scores()
    {
        var docs = FourDocs();
        var docOf = docs.SelectMany((d, k) => d.Clauses.Select(_ => k)).ToArray();
        for (var seed = 1; seed <= 50; seed++)
        {
            var random = new Random(seed);
            // Coarse scores, so that ties happen; a quarter support no relation.
            var pairs = RandomPairs(docOf, random, 3, (a, b) =>
            {
                var topic = random.Next(1, 6) / 10.0;
                return new PairScore(a, b, random.Next(4) == 0 ? null : Relations.SameTopic, topic, topic, null);
            });
            var sink = Sink(docs);
            foreach (var p in pairs) sink.Offer(p);
            sink.Finish();

            // A same-topic pair stays when it is either end's best match in the other's document.
            var bestOf = BestMatches(pairs, docOf);
            Assert.Equal(pairs.Where(p => p.Relation is not null && bestOf.Contains((p.A, p.B))).Select(p => (p.A, p.B)).ToHashSet(),
                Kept(sink, docs));
        }
    }

    [Fact]
    public void Each_clause_keeps_its_best_few_of_each_relation_as_the_rule_over_all_pairs_does()
    {
        var docs = FourDocs();
        var docOf = docs.SelectMany((d, k) => d.Clauses.Select(_ => k)).ToArray();
        var ids = docs.SelectMany(d => d.Clauses).Select(c => c.Id).ToArray();
        var n = docOf.Length;
        var options = LinkerOptions.Default with { MaxLinksPerRelation = 2 };
        string?[] relations = [null, Relations.NearVerbatim, Relations.Paraphrase, Relations.SameTopic, Relations.SameTopic];
        for (var seed = 1; seed <= 50; seed++)
        {
            var random = new Random(seed);
            // Coarse scores, so that ties happen.
            var pairs = RandomPairs(docOf, random, 4, (a, b) =>
            {
                var topic = random.Next(1, 6) / 10.0;
                return new PairScore(a, b, relations[random.Next(relations.Length)], random.Next(1, 4) / 10.0, topic, null);
            });
            var sink = new LinkSink(new CorpusFeatures([.. docs.Select(LinkDocument.From)], ClauseTexts.Of(docs), options), options);
            foreach (var p in pairs) sink.Offer(p);
            sink.Finish();

            // A same-topic pair stays when it is either end's best match in the other's document; then each clause
            // keeps, per relation, the 2 best by score, then lower other clause.
            var bestOf = BestMatches(pairs, docOf);
            var linked = pairs.Where(p => p.Relation is not null && (p.Relation != Relations.SameTopic || bestOf.Contains((p.A, p.B)))).ToList();
            for (var holder = 0; holder < n; holder++)
            {
                var expected = linked.Where(p => p.A == holder || p.B == holder)
                    .GroupBy(p => p.Relation)
                    .SelectMany(g => g.OrderByDescending(p => p.Score).ThenBy(p => Other(p, holder)).Take(2))
                    .OrderBy(p => Array.IndexOf(relations, p.Relation)).ThenByDescending(p => p.Score).ThenBy(p => Other(p, holder))
                    .Select(p => (ids[Other(p, holder)], p.Relation));
                Assert.Equal(expected, sink.For(holder).Select(l => (l.Id, (string?)l.Relation)));
            }
            Assert.Equal(Enumerable.Range(0, n).Sum(i => (long)sink.For(i).Count), sink.Count);
        }
    }

    [Fact]
    public void Pairs_out_of_order_or_twice_are_refused()
    {
        IReadOnlyList<ParsedDocument> docs = [Doc("a", 2), Doc("b", 2)];
        var sink = Sink(docs);
        sink.Offer(new PairScore(0, 3, Relations.SameTopic, 0.2, 0.2, null));
        Assert.Throws<ArgumentException>(() => sink.Offer(new PairScore(0, 3, Relations.SameTopic, 0.2, 0.2, null)));
        Assert.Throws<ArgumentException>(() => sink.Offer(new PairScore(0, 2, Relations.SameTopic, 0.2, 0.2, null)));
        Assert.Throws<ArgumentException>(() => sink.Offer(new PairScore(3, 1, Relations.SameTopic, 0.2, 0.2, null)));
        sink.Offer(new PairScore(1, 2, Relations.SameTopic, 0.2, 0.2, null));
        sink.Finish();
        Assert.Throws<InvalidOperationException>(() => sink.Offer(new PairScore(1, 3, Relations.SameTopic, 0.2, 0.2, null)));
    }
}
