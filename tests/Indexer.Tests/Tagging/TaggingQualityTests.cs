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
        output.WriteLine($"items {report.Items}, not found {report.NotFound}, ambiguous {report.Ambiguous}");
        output.WriteLine($"departments {report.Departments}");
        output.WriteLine($"industries  {report.Industries}");
        output.WriteLine($"years       {report.Years}");
        output.WriteLine($"modality    accuracy={report.ModalityAccuracy:0.000}");
        foreach (var f in report.Failures)
            output.WriteLine("  " + f);

        Assert.True(report.NotFound + report.Ambiguous == 0, $"{report.NotFound} snippets not found, {report.Ambiguous} ambiguous");
        Assert.True(report.Departments.F1 >= 0.90, $"departments F1 {report.Departments.F1:0.000} < 0.90");
        Assert.True(report.Industries.F1 >= 0.85, $"industries F1 {report.Industries.F1:0.000} < 0.85");
        Assert.True(report.Years.F1 >= 0.95, $"target years F1 {report.Years.F1:0.000} < 0.95");
        Assert.True(report.ModalityAccuracy >= 0.85, $"modality accuracy {report.ModalityAccuracy:0.000} < 0.85");
    }
}
