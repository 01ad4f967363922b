using System.Text.Json;
using GreenPolicy.Indexer.Tests.Structure;
using GreenPolicy.Domain.Tagging;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// Tagging quality on the development set shared/eval/tags.json, scored as score.py scores a running site.
/// Thresholds from issue 3: departments F1 ≥ 0.90, industries F1 ≥ 0.85, target years F1 ≥ 0.95,
/// modality accuracy ≥ 0.85.
/// </summary>
public class TaggingQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void DevelopmentSetMeetsThresholds()
    {
        var shared = TaggingTestData.SharedDir;
        if (shared is null)
        {
            output.WriteLine("SKIPPED: ../shared (the evaluation set) is not beside the repository.");
            return;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "eval", "tags.json")));
        var tax = TaggingTestData.Taxonomies;
        var clauses = CorpusDocuments.All.SelectMany(d => DocumentTagger.Tag(d, tax).Clauses).ToList();

        var report = new TagScorer(json.RootElement).Score(clauses);
        report.AssertMeetsIssueThresholds(output);
    }
}
