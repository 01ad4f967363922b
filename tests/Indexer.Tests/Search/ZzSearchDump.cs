using System.Text.Json;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Search;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>Development aid: prints the ranked hits of chosen dev queries with their judged grades (GP_DUMP=q10,q31).</summary>
public class ZzSearchDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var ids = Environment.GetEnvironmentVariable("GP_DUMP");
        if (string.IsNullOrEmpty(ids) || RepoPaths.SharedDir is not { } shared)
        {
            return;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "eval", "qrels.json")));
        foreach (var q in doc.RootElement.GetProperty("queries").EnumerateArray())
        {
            var id = q.GetProperty("id").GetString()!;
            if (!ids.Split(',').Contains(id))
            {
                continue;
            }
            var query = q.GetProperty("query").GetString()!;
            var rel = q.GetProperty("relevant").EnumerateArray().Select(r => (S: SearchEval.Norm(r.GetProperty("snippet").GetString()), G: r.GetProperty("grade").GetInt32())).ToList();
            var store = CorpusStore.Instance;
            output.WriteLine($"== {id} {query}  plan: {JsonSerializer.Serialize(store.Understand(query), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}");
            var result = store.Search(new SearchRequest { Q = query, Size = 30 });
            output.WriteLine($"total {result.Total}");
            var rank = 0;
            foreach (var h in result.Hits)
            {
                rank++;
                var t = SearchEval.Norm(h.Text);
                var g = rel.Where(r => t.Contains(r.S)).Select(r => r.G).DefaultIfEmpty(0).Max();
                output.WriteLine($"{rank,2} g{g} {h.Score,6:0.00} {h.Id} [{string.Join(",", h.Industries.Select(i => i.Name))}] {h.Text[..Math.Min(70, h.Text.Length)]}");
            }
            foreach (var r in rel)
            {
                if (!result.Hits.Take(20).Any(h => SearchEval.Norm(h.Text).Contains(r.S)))
                {
                    var c = store.Search(new SearchRequest { Q = $"\"{r.S}\"", Size = 1 }).Hits.FirstOrDefault();
                    output.WriteLine($"   missing g{r.G} {r.S}: {c?.Id} [{string.Join(",", c?.Industries.Select(i => i.Name) ?? [])}] {c?.Text[..Math.Min(90, c.Text.Length)]}");
                }
            }
        }
    }
}
