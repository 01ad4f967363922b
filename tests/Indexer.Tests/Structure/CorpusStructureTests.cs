using GreenPolicy.Domain;
using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>Invariants of the parsed corpus that every document must keep.</summary>
public class CorpusStructureTests
{
    public static TheoryData<string> Ids() => CorpusDocuments.Ids();

    [Fact]
    public void Clause_ids_are_unique_across_the_corpus()
    {
        var ids = CorpusDocuments.All.SelectMany(d => d.Clauses).Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Ids_are_deterministic(string id)
    {
        var first = CorpusDocuments.Get(id);
        var again = StructureParser.Parse(first.Meta, ReadBody(id));
        Assert.Equal(first.Clauses.Select(c => (c.Id, c.Locator, c.Text)), again.Clauses.Select(c => (c.Id, c.Locator, c.Text)));
        Assert.Equal(first.Units.Select(u => u.EId), again.Units.Select(u => u.EId));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Clauses_and_units_are_consistent(string id)
    {
        var d = CorpusDocuments.Get(id);
        var units = d.Units.ToDictionary(u => u.EId);
        Assert.Equal(d.Units.Count, units.Count);
        for (var k = 0; k < d.Clauses.Count; k++)
        {
            var c = d.Clauses[k];
            Assert.Equal(k, c.Order);
            Assert.Equal($"{id}/{c.EId}", c.Id);
            Assert.Equal(id, c.DocId);
            Assert.False(units.ContainsKey(c.EId), $"{c.EId} is both a unit and a clause");
            Assert.True(c.ParentEId is null || units.ContainsKey(c.ParentEId), $"{c.EId}: parent {c.ParentEId} is not a unit");
            Assert.True(c.ParentEId is null || c.EId.StartsWith(c.ParentEId + "__", StringComparison.Ordinal), $"{c.EId} is not under {c.ParentEId}");
            Assert.Matches(@"^[a-z]+_\d+(_\d+)?(__[a-z]+_\d+(_\d+)?)*$|^preamble(__para_\d+)?$", c.EId);
            Assert.False(string.IsNullOrWhiteSpace(c.Text), $"{c.EId} has no text");
            Assert.DoesNotContain("[bookmark", c.Text, StringComparison.Ordinal);
            Assert.True(c.Text == c.Text.Trim() && !c.Text.Contains("  ", StringComparison.Ordinal) && !c.Text.Contains('\t') && !c.Text.Contains('\u3000'),
                $"{c.EId}: whitespace not normalised");
            Assert.StartsWith($"《{d.Meta.Title}》", c.Citation);
            Assert.EndsWith(c.Locator, c.Citation);
            Assert.True(c.Line >= 1, $"{c.EId} has no line");
        }
        foreach (var u in d.Units)
            Assert.True(u.ParentEId is null || units.ContainsKey(u.ParentEId), $"unit {u.EId}: parent {u.ParentEId} missing");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Headings_and_metadata_lines_are_not_clauses(string id)
    {
        var d = CorpusDocuments.Get(id);
        var headings = d.Units.Select(u => Layout.Squeeze(u.Heading)).ToHashSet();
        foreach (var c in d.Clauses.Where(c => c.Kind != ClauseKinds.IndicatorRow))
        {
            Assert.DoesNotContain(Layout.Squeeze(c.Text), headings);
            Assert.False(Numbering.Recognize(c.Text) is { IsHeadingOnly: true, IsDivision: true }, $"{c.EId} is a heading: {c.Text}");
        }
        var texts = d.Clauses.Select(c => Layout.Squeeze(c.Text)).ToHashSet();
        foreach (var m in d.Metadata)
            Assert.DoesNotContain(Layout.Squeeze(m.Text), texts);
    }

    [Theory]
    // The page breaks of the corpus (issue 2): each sentence must come out whole, without a space at the join.
    [InlineData("miit-2017-178", "part_3__item_9", "在上海临港、合肥")]
    [InlineData("miit-2017-178", "part_6__item_18", "鼓励各地出台最严格的绿色发展标准")]
    [InlineData("miit-2017-178", "part_2__item_1", "化学原料和化学制品制造、医药制造")]
    [InlineData("miit-2018-136", "part_2__item_4", "电解铝、化工等高排放行业")]
    [InlineData("miit-2018-136", "part_5__item_14", "前将污染防治攻坚战工作落实情况")]
    public void Page_breaks_are_joined(string id, string eId, string joined) =>
        Assert.Contains(joined, CorpusDocuments.Get(id).Clauses.Single(c => c.EId == eId).Text);

    [Fact]
    public void Indicator_tables_keep_their_columns()
    {
        var national = CorpusDocuments.Get("miit-2016-225").Clauses.Where(c => c.Kind == ClauseKinds.IndicatorRow).ToList();
        Assert.Equal(26, national.Count);
        var steel = national.Single(c => c.Row!.Indicator == "吨钢综合能耗");
        Assert.Equal("千克标准煤", steel.Row!.Unit);
        Assert.Equal([new TableCell("2015年", "572"), new TableCell("2020年", "560")], steel.Row.Cells);
        Assert.Equal("累计降速", national[0].Row!.Cells[^1].Column);

        var sichuan = CorpusDocuments.Get("sichuan-13fyp").Clauses.Where(c => c.Kind == ClauseKinds.IndicatorRow).ToList();
        Assert.Equal(14, sichuan.Count);
        Assert.Equal(new TableCell("变化幅度/变化率", "[-18]"), sichuan[0].Row!.Cells[^1]);
        Assert.All(sichuan, r => Assert.StartsWith("专栏1第", r.Locator));
    }

    [Fact]
    public void Forwarding_notices_are_part_of_the_document()
    {
        // 003: the 省人民政府办公厅 notice that forwards the plan is the document's first clause; its frame is metadata.
        var d = CorpusDocuments.Get("guizhou-2018-14");
        Assert.StartsWith("省经济和信息化委《贵州省绿色制造三年行动计划", d.Clauses[0].Text);
        Assert.Contains(d.Metadata, m => m.Kind == MetadataKinds.Signature && m.Text == "贵州省人民政府办公厅");
        Assert.Contains(d.Metadata, m => m.Kind == MetadataKinds.PublicationNote);
        Assert.Equal(19, d.Clauses.Count);
    }

    private static string ReadBody(string id)
    {
        var path = Path.Combine(GreenPolicy.Indexer.Tests.Corpus.RepoPaths.CorpusDir, id + ".md");
        return GreenPolicy.Domain.Corpus.CorpusFile.Parse(Path.GetFileName(path), File.ReadAllText(path)).Body;
    }
}
