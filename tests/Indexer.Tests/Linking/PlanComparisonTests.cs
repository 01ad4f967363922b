using GreenPolicy.Domain;
using GreenPolicy.Domain.Compare;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>The researchers' question on the real corpus: Sichuan's plan against Guizhou's, with the national documents.</summary>
public sealed class PlanComparisonTests(ITestOutputHelper output)
{
    private static ParsedDocument Doc(string id) => LinkedCorpus.All.Single(d => d.Meta.Id == id);

    private static PlanComparison SichuanVsGuizhou() => PlanComparison.Build(Doc("sichuan-13fyp"), Doc("guizhou-2018-14"),
        LinkedCorpus.All.Where(d => d.Meta.Level == Levels.National).ToList());

    [Fact]
    public void Sections_hold_every_tagged_clause_of_each_side_once()
    {
        var c = SichuanVsGuizhou();
        Assert.NotEmpty(c.Topics);
        foreach (var s in c.Topics)
        {
            Assert.Equal(s.LeftCount, s.Rows.Count(r => r.Left is not null));
            Assert.Equal(s.RightCount, s.Rows.Count(r => r.Right is not null));
            Assert.Equal(s.LeftCount, s.Rows.Where(r => r.Left is not null).Select(r => r.Left!.Id).Distinct().Count());
            Assert.All(s.Rows.Where(r => r.Left is not null), r => Assert.StartsWith("sichuan-13fyp/", r.Left!.Id));
        }
        var expected = Doc("sichuan-13fyp").Clauses.Count(cl => cl.Topics.Any(t => t.Name == c.Topics[0].Key));
        Assert.Equal(expected, c.Topics[0].LeftCount);
    }

    [Fact]
    public void Linked_clauses_are_aligned_on_one_row()
    {
        var c = SichuanVsGuizhou();
        var aligned = c.Topics.SelectMany(s => s.Rows).Where(r => r.Relation is not null).ToList();
        output.WriteLine($"{aligned.Count} aligned rows; relations: {string.Join(", ", aligned.GroupBy(r => r.Relation).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.NotEmpty(aligned);
        var sichuan = Doc("sichuan-13fyp").Clauses.ToDictionary(x => x.Id);
        var guizhou = Doc("guizhou-2018-14").Clauses.ToDictionary(x => x.Id);
        foreach (var r in aligned.Where(r => r.Relation != "via-national"))
            Assert.True(sichuan[r.Left!.Id].Links.Any(l => l.Id == r.Right!.Id) || guizhou[r.Right!.Id].Links.Any(l => l.Id == r.Left!.Id));
        foreach (var r in aligned.Where(r => r.Relation == "via-national"))
        {
            Assert.Contains(sichuan[r.Left!.Id].Links, l => l.Id == r.Via);
            Assert.Contains(guizhou[r.Right!.Id].Links, l => l.Id == r.Via);
        }
    }

    [Fact]
    public void Coverage_counts_match_the_clauses_and_national_documents_are_columns()
    {
        var c = SichuanVsGuizhou();
        Assert.Equal(["sichuan-13fyp", "guizhou-2018-14"], c.TopicCoverage.Columns.Take(2).Select(x => x.DocId));
        Assert.Contains(c.TopicCoverage.Columns, x => x.DocId == "miit-2016-225");
        for (var r = 0; r < c.TopicCoverage.Rows.Count; r++)
            for (var k = 0; k < c.TopicCoverage.Columns.Count; k++)
                Assert.Equal(LinkedCorpus.All.Single(d => d.Meta.Id == c.TopicCoverage.Columns[k].DocId).Clauses
                    .Count(cl => cl.Topics.Any(t => t.Name == c.TopicCoverage.Rows[r])), c.TopicCoverage.Counts[r][k]);
    }

    [Fact]
    public void Sichuan_follows_the_national_plan_more_than_Guizhou()
    {
        var c = SichuanVsGuizhou();
        output.WriteLine($"Sichuan {c.LeftFollowing.Following}/{c.LeftFollowing.Clauses} = {c.LeftFollowing.Share:P0}; Guizhou {c.RightFollowing.Following}/{c.RightFollowing.Clauses} = {c.RightFollowing.Share:P0}");
        foreach (var w in c.LeftFollowing.Where) output.WriteLine($"  {w.Section}: {w.Following}/{w.Clauses}");
        // 004 copies long passages of 002 (DESIGN.md §7); 003 rewrites.
        Assert.True(c.LeftFollowing.Share > c.RightFollowing.Share);
        Assert.True(c.LeftFollowing.ByNationalDocument.GetValueOrDefault("miit-2016-225") > 0);
        Assert.Equal(c.LeftFollowing.Following, c.LeftFollowing.Where.Sum(w => w.Following));
    }

    [Fact]
    public void Targets_measuring_the_same_metric_are_side_by_side_with_the_national_reference()
    {
        var c = SichuanVsGuizhou();
        foreach (var t in c.Targets)
            output.WriteLine($"{t.Metric}: national {t.National?.BaseValue}→{t.National?.Value}; left {t.Left?.BaseValue}→{t.Left?.Value}; right {t.Right?.BaseValue}→{t.Right?.Value}");
        Assert.All(c.Targets, t => Assert.True(new[] { t.National, t.Left, t.Right }.Count(v => v is not null) >= 2));
        // 吨钢综合能耗: national 572→560, Sichuan 549→540 (专栏1 of each plan).
        var steel = c.Targets.FirstOrDefault(t => t.Metric.Contains("吨钢综合能耗", StringComparison.Ordinal));
        if (steel is null)
        {
            output.WriteLine("吨钢综合能耗 not tagged as a target by the tagger: the side-by-side row cannot be checked");
            return;
        }
        Assert.Equal(560m, steel.National?.Value);
        Assert.Equal(572m, steel.National?.BaseValue);
        Assert.Equal(540m, steel.Left?.Value);
    }

    [Fact]
    public void Csv_has_a_line_per_aligned_row_and_escapes_text()
    {
        var c = SichuanVsGuizhou();
        var csv = ComparisonCsv.Write(c);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", ComparisonCsv.Header), lines[0]);
        // Clause texts contain commas (，is full-width, but "," appears in numbers and lists): quoted fields keep
        // the line count equal to the rows only when no text has a line break, which clause texts never have.
        Assert.Equal(1 + c.Topics.Concat(c.Industries).Sum(s => s.Rows.Count), lines.Length);
        Assert.Equal("\"a,\"\"b\"\"\"", ComparisonCsv.Escape("a,\"b\""));
        Assert.Equal("'=HYPERLINK(1)", ComparisonCsv.Escape("=HYPERLINK(1)"));
    }
}
