using System.Globalization;
using Bunit;
using GreenPolicy.Domain.Compare;
using GreenPolicy.Web.Components.Charts;

namespace GreenPolicy.Web.Tests.Compare;

public sealed class ChartTests : BunitContext
{
    private static readonly CoverageMatrix Matrix = new(
        ["能效", "清洁生产", "园区"], ["能效", "清洁生产", "园区"],
        [new("sichuan-13fyp", "四川规划", "provincial"), new("guizhou-2018-14", "贵州行动计划", "provincial"), new("miit-2016-225", "工业绿色发展规划", "national")],
        [[12, 3, 20], [4, 0, 9], [1, 2, 5]]);

    [Fact]
    public void Heat_map_has_one_cell_per_topic_and_document_with_its_count()
    {
        var cut = Render<CoverageHeatMap>(p => p.Add(x => x.Matrix, Matrix));
        var cells = cut.FindAll("g.cell");
        Assert.Equal(9, cells.Count);
        var c = cells.Single(x => x.GetAttribute("data-row") == "清洁生产" && x.GetAttribute("data-doc") == "guizhou-2018-14");
        Assert.Equal("0", c.GetAttribute("data-count"));
        Assert.Equal("0", c.QuerySelector("rect")!.GetAttribute("fill-opacity"));
        Assert.Contains("empty", c.QuerySelector("rect")!.GetAttribute("class"));
        // The darkest cell is the largest count; shades grow with the count.
        double Opacity(string row, string doc) => double.Parse(cells.Single(x => x.GetAttribute("data-row") == row && x.GetAttribute("data-doc") == doc)
            .QuerySelector("rect")!.GetAttribute("fill-opacity")!, CultureInfo.InvariantCulture);
        Assert.Equal(1.0, Opacity("能效", "miit-2016-225"));
        Assert.True(Opacity("能效", "sichuan-13fyp") > Opacity("清洁生产", "sichuan-13fyp"));
        Assert.Contains("贵州行动计划：园区 2 条", cut.Markup);
        Assert.Equal("img", cut.Find("svg").GetAttribute("role"));
    }

    [Fact]
    public void Industry_chart_bars_are_proportional_to_counts()
    {
        var cut = Render<IndustryCoverageChart>(p => p.Add(x => x.Matrix, Matrix));
        var bars = cut.FindAll("g.bar");
        Assert.Equal(9, bars.Count);
        double Width(string row, string doc) => double.Parse(bars.Single(x => x.GetAttribute("data-row") == row && x.GetAttribute("data-doc") == doc)
            .QuerySelector("rect")!.GetAttribute("width")!, CultureInfo.InvariantCulture);
        Assert.Equal(0, Width("清洁生产", "guizhou-2018-14"));
        Assert.Equal(Width("能效", "miit-2016-225") * 12 / 20, Width("能效", "sichuan-13fyp"), 2);
        Assert.Equal(3, cut.FindAll("text.legend").Count);
    }

    [Fact]
    public void Industry_chart_shows_at_most_MaxRows_industries_and_says_so()
    {
        var cut = Render<IndustryCoverageChart>(p => p.Add(x => x.Matrix, Matrix).Add(x => x.MaxRows, 2));
        Assert.Equal(6, cut.FindAll("g.bar").Count);
        Assert.Contains("显示前 2 个行业，共 3 个", cut.Find("figcaption").TextContent);
    }
}
