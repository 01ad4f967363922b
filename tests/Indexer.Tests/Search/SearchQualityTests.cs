using GreenPolicy.Indexer.Tests.Corpus;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// Ranking quality over the real corpus against ../shared/eval/qrels.json (development queries),
/// measured as score.py does. Thresholds from issue 4: nDCG@10 ≥ 0.80, recall@20 ≥ 0.90.
/// </summary>
public class SearchQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void DevQueriesMeetTheRankingThresholds()
    {
        var qrels = RepoPaths.SharedDir is { } shared ? Path.Combine(shared, "eval", "qrels.json") : null;
        if (qrels is null || !File.Exists(qrels))
        {
            output.WriteLine("skipped: ../shared/eval/qrels.json is absent (CI has it)");
            return;
        }
        var report = SearchEval.Score(CorpusStore.Instance, qrels);
        output.WriteLine(report.ToString());
        Assert.True(report.Rows.Count >= 10, "too few development queries found");
        Assert.True(report.Ndcg >= 0.80, $"nDCG@10 {report.Ndcg:0.000} < 0.80\n{report}");
        Assert.True(report.Recall >= 0.90, $"recall@20 {report.Recall:0.000} < 0.90\n{report}");
    }
}
