using GreenPolicy.Domain;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Indexer.Tests.Corpus;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>
/// Made-up documents in styles the corpus barely uses (fixtures/*.txt: see fixtures/README.md), segmented
/// against reviewed golden files: the parser must split a sixth document correctly with no code change.
/// </summary>
public class FixtureSegmentationTests
{
    private static string Dir => Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Structure", "fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Dir, "*.txt").Where(f => !f.EndsWith(".received.txt", StringComparison.Ordinal) && !f.EndsWith(".golden.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_segmentation_matches_its_golden_file(string name)
    {
        var meta = new DocumentMeta { Id = name, Title = name, Level = Levels.Provincial, Jurisdiction = "CN-ZZ" };
        var doc = StructureParser.Parse(meta, File.ReadAllText(Path.Combine(Dir, name + ".txt")));
        Approvals.Verify(Path.Combine(Dir, name + ".golden.txt"), GoldenSegmentationTests.Render(doc));
    }
}

public class FixtureDetailTests
{
    [Fact]
    public void The_sixth_style_fixture_joins_its_page_break_and_reads_its_table()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Structure", "fixtures", "sixth-style.txt");
        var d = StructureParser.Parse(new DocumentMeta { Id = "f", Title = "f", Level = Levels.Provincial, Jurisdiction = "CN-ZZ" }, File.ReadAllText(path));
        Assert.Equal("1.钢铁行业。推广高炉炉顶均压煤气回收等技术，实施烧结烟气循环改造。", d.Clauses.Single(c => c.EId == "part_2__item_1__subitem_1").Text);
        Assert.Equal("钢铁行业", d.Clauses.Single(c => c.EId == "part_2__item_1__subitem_1").Heading);
        var row = d.Clauses.Single(c => c.EId == "part_2__box_1__row_1").Row!;
        Assert.Equal(("单位工业增加值能耗", "吨标准煤/万元"), (row.Indicator, row.Unit));
        Assert.Equal([new TableCell("2020年", "0.85"), new TableCell("2025年", "0.73")], row.Cells);
    }
}
