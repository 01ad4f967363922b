using System.Text.Json;
using System.Text.RegularExpressions;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// score.py's score_search, ported: each hit's text is checked for the judged snippets (whitespace
/// removed), each relevant clause credited once; nDCG@10, recall@20 capped at 20, MRR.
/// </summary>
internal static partial class SearchEval
{
    public sealed record Row(string Id, string Query, string Kind, double Ndcg, double Recall, double Rr, IReadOnlyList<string> Missing);

    public sealed record Report(IReadOnlyList<Row> Rows)
    {
        public double Ndcg => Rows.Average(r => r.Ndcg);
        public double Recall => Rows.Average(r => r.Recall);
        public double Mrr => Rows.Average(r => r.Rr);

        public override string ToString() =>
            $"queries {Rows.Count}: nDCG@10 {Ndcg:0.000}, recall@20 {Recall:0.000}, MRR {Mrr:0.000}\n" +
            string.Join("\n", Rows.OrderBy(r => r.Ndcg).Select(r =>
                $"  {r.Id} {r.Kind,-10} ndcg {r.Ndcg:0.00} recall {r.Recall:0.00} rr {r.Rr:0.00}  {r.Query}  missing: {string.Join(" ", r.Missing.Take(6))}"));
    }

    public static string Norm(string? s) => Ws().Replace(s ?? "", "");

    public static Report Score(IPolicyStore store, string qrelsPath, string split = "dev", int k = 10, int depth = 20)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(qrelsPath));
        var rows = new List<Row>();
        foreach (var q in doc.RootElement.GetProperty("queries").EnumerateArray())
        {
            var qs = q.TryGetProperty("split", out var sp) ? sp.GetString() : "test";
            if (split != "all" && qs != split)
            {
                continue;
            }
            var query = q.GetProperty("query").GetString()!;
            var rel = q.GetProperty("relevant").EnumerateArray()
                .Select(r => (Snippet: Norm(r.GetProperty("snippet").GetString()), Grade: r.GetProperty("grade").GetInt32())).ToList();
            var hits = store.Search(new SearchRequest { Q = query, Size = depth }).Hits.Take(depth).Select(h => Norm(h.Text)).ToList();
            var credited = new HashSet<int>();
            var gains = new List<double>();
            foreach (var t in hits)
            {
                var g = 0;
                for (var i = 0; i < rel.Count; i++)
                {
                    if (!credited.Contains(i) && t.Contains(rel[i].Snippet, StringComparison.Ordinal))
                    {
                        credited.Add(i);
                        g = Math.Max(g, rel[i].Grade);
                    }
                }
                gains.Add(g);
            }
            var ideal = rel.Select(r => (double)r.Grade).OrderByDescending(g => g).ToList();
            var ndcg = ideal.Count > 0 ? Dcg(gains.Take(k)) / Dcg(ideal.Take(k)) : 0;
            var found = Enumerable.Range(0, rel.Count).Where(i => hits.Any(h => h.Contains(rel[i].Snippet, StringComparison.Ordinal))).ToList();
            var recall = rel.Count > 0 ? (double)found.Count / Math.Min(rel.Count, depth) : 1;
            var firstRelevant = gains.FindIndex(g => g > 0);
            var rr = firstRelevant >= 0 ? 1.0 / (firstRelevant + 1) : 0;
            var missing = Enumerable.Range(0, rel.Count).Except(found).Select(i => $"{rel[i].Snippet}({rel[i].Grade})").ToList();
            rows.Add(new Row(q.GetProperty("id").GetString()!, query, q.TryGetProperty("kind", out var kd) ? kd.GetString() ?? "" : "", ndcg, recall, rr, missing));
        }
        return new Report(rows);
    }

    private static double Dcg(IEnumerable<double> gains) => gains.Select((g, i) => g / Math.Log2(i + 2)).Sum();

    [GeneratedRegex(@"[\s\u3000\u00a0*#>]+")]
    private static partial Regex Ws();
}
