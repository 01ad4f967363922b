using System.Text.Json;
using System.Text.RegularExpressions;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Indexer.Tests.Structure;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Citations;

/// <summary>
/// The development citations (../shared/eval/citations.json) resolved over the real corpus, scored the way
/// score.py's score_cite does: the target's title, heading, text and citation (whitespace removed) must contain
/// the expected snippet; an 'unresolvable' citation must not resolve.
/// </summary>
public sealed partial class CitationEvalTests(ITestOutputHelper output)
{
    private const double Threshold = 0.95;

    [GeneratedRegex(@"[\s\u3000\u00a0*#>]+")]
    private static partial Regex Ws();

    private static string Norm(string? s) => Ws().Replace(s ?? "", "");

    internal static CitationResolver CorpusResolver() => new(new InMemoryCitationCatalog(CorpusDocuments.All));

    [RequiresSharedFact]
    public void Development_citations_resolve_to_the_expected_targets()
    {
        var path = Path.Combine(RepoPaths.SharedDir!, "eval", "citations.json");
        Assert.True(File.Exists(path), $"{path} is missing");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var resolver = CorpusResolver();
        var items = json.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => !i.TryGetProperty("split", out var s) || s.GetString() == "dev")
            .ToList();
        Assert.NotEmpty(items);

        var failed = new List<string>();
        foreach (var item in items)
        {
            var input = item.GetProperty("input").GetString()!;
            var expect = item.GetProperty("expect");
            var res = resolver.Resolve(input);
            bool good;
            if (expect.ValueKind == JsonValueKind.String && expect.GetString() == "unresolvable")
            {
                good = !res.Resolved;
            }
            else
            {
                var t = res.Target;
                var hay = Norm(t?.Title + t?.Heading + t?.Text + t?.Citation);
                good = res.Resolved && hay.Contains(Norm(expect.GetProperty("snippet").GetString()), StringComparison.Ordinal);
            }
            output.WriteLine($"{(good ? "ok  " : "FAIL")} {input} → {(res.Resolved ? res.Target!.Id + " " + res.Target.Kind : "unresolved: " + res.Reason)}");
            if (!good)
                failed.Add($"{item.GetProperty("id").GetString()} {input}: {(res.Resolved ? res.Target!.Id : res.Reason)}");
        }
        var accuracy = (items.Count - failed.Count) / (double)items.Count;
        output.WriteLine($"accuracy {accuracy:F3} over {items.Count}");
        Assert.True(accuracy >= Threshold, $"citation accuracy {accuracy:F3} < {Threshold}:\n" + string.Join("\n", failed));
    }
}
