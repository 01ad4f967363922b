using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class TargetTaggerTests
{
    private static IReadOnlyList<QuantTarget> Tag(string text, int minYear = 2016) =>
        TargetTagger.Tag(text, YearTagger.Tag(text, minYear));

    [Fact]
    public void BaseYearCarriesThroughTheSentence()
    {
        var t = Tag("到2020年，与2015年相比，规模以上企业单位工业增加值能耗下降18%，单位工业增加值用水量下降25%。");
        Assert.Equal(2, t.Count);
        Assert.Equal(("规模以上企业单位工业增加值能耗", 18m, "%", TargetTagger.Decrease, (int?)2015, (int?)2020),
            (t[0].Metric, t[0].Value!.Value, t[0].Unit, t[0].Direction, t[0].BaseYear, t[0].TargetYear));
        Assert.Equal(("单位工业增加值用水量", 25m, (int?)2015), (t[1].Metric, t[1].Value!.Value, t[1].BaseYear));
    }

    [Fact]
    public void ComparativeWithBaseYear()
    {
        var t = Assert.Single(Tag("到2020年，规模以上企业单位工业增加值能耗比2015年下降18%", 2018));
        Assert.Equal(("规模以上企业单位工业增加值能耗", TargetTagger.Decrease, (int?)2015, (int?)2020), (t.Metric, t.Direction, t.BaseYear, t.TargetYear));
    }

    [Fact]
    public void FloorsAndCounts()
    {
        var t = Tag("——到2018年底，粉煤灰综合利用率超过90%，建成工业绿色示范园区10个以上", 2018);
        Assert.Contains(t, x => x.Metric == "粉煤灰综合利用率" && x.Value == 90 && x.Direction == TargetTagger.Floor && x.TargetYear == 2018);
        Assert.Contains(t, x => x.Value == 10 && x.Unit == "个" && x.Direction == TargetTagger.Floor);
    }

    [Fact]
    public void CountWithClassifier()
    {
        var t = Tag("到2020年，打造和培育500家绿色示范工厂");
        var x = Assert.Single(t);
        Assert.Equal(("绿色示范工厂", 500m, "家", (int?)2020), (x.Metric, x.Value!.Value, x.Unit, x.TargetYear));
    }

    [Fact]
    public void IndicatorRowUsesItsColumns()
    {
        var row = new IndicatorRow("水泥熟料综合能耗", "千克标准煤/吨", [new TableCell("2015年", "112"), new TableCell("2020年", "105"), new TableCell("累计降速", "")]);
        var x = Assert.Single(TargetTagger.Tag("水泥熟料综合能耗（千克标准煤/吨）", [], row));
        Assert.Equal((105m, (decimal?)112m, (int?)2015, (int?)2020, TargetTagger.Reach), (x.Value!.Value, x.BaseValue, x.BaseYear, x.TargetYear, x.Direction));
    }

    [Fact]
    public void IndicatorRowWithOnlyAChange()
    {
        var row = new IndicatorRow("（1）规模以上企业单位工业增加值能耗下降", "%", [new TableCell("2015年", "—"), new TableCell("2020年", "—"), new TableCell("累计降速", "18")]);
        var x = Assert.Single(TargetTagger.Tag("（1）规模以上企业单位工业增加值能耗下降（%）", [], row));
        Assert.Equal((18m, TargetTagger.Decrease, (int?)2020), (x.Value!.Value, x.Direction, x.TargetYear));
    }

    [Fact]
    public void ListsOfCountsAndRemovals()
    {
        var t = Tag("到2020年，打造和培育500家绿色示范工厂、50家绿色示范园区，推广5000种以上绿色产品");
        Assert.Contains(t, x => x.Metric == "绿色示范园区" && x.Value == 50);
        Assert.Contains(t, x => x.Metric == "绿色产品" && x.Value == 5000 && x.Direction == TargetTagger.Floor);
        var r = Tag("2020年底前，在京津冀及周边地区、汾渭平原淘汰国三及以下运营中重型柴油货车100万辆", 2018);
        Assert.Contains(r, x => x.Metric == "淘汰国三及以下运营中重型柴油货车" && x.Value == 100 && x.Unit == "万辆" && x.TargetYear == 2020);
        var cap = Tag("2020年底前，河北钢铁产能控制在2亿吨以内", 2018);
        Assert.Contains(cap, x => x.Metric == "河北钢铁产能" && x.Direction == TargetTagger.Cap && x.Unit == "亿吨");
    }

    [Fact]
    public void ARowThatStatesAChangeTakesTheChangeColumn()
    {
        // 004's row gives levels (1.218 → 0.999 tce/万元) under a "%" header; the target is the [-18] change.
        var row = new IndicatorRow("（1）规模以上单位工业增加值能源消耗降低", "%", [new TableCell("2015年", "1.218"), new TableCell("2020年", "0.999"), new TableCell("变化幅度/变化率", "[-18]")]);
        var x = Assert.Single(TargetTagger.Tag("（1）规模以上单位工业增加值能源消耗降低（%）", [], row));
        Assert.Equal((18m, TargetTagger.Decrease), (x.Value!.Value, x.Direction));
    }

    [Fact]
    public void BareChineseMagnitudesAreNumbers()
    {
        var t = Tag("建设百家绿色园区、千家绿色工厂，推广万种绿色产品", 2018);
        Assert.Equal([("绿色园区", 100m), ("绿色工厂", 1000m), ("绿色产品", 10000m)], t.Select(x => (x.Metric, x.Value!.Value)));
    }

    [Theory]
    // 002 专栏6: the count's modifiers, listed with 、, come before the thing counted.
    [InlineData("到2020年，创建百家示范意义强、综合水平高的绿色园区。", "绿色园区", 100)]
    [InlineData("到2020年，建成10个以上的绿色示范园区。", "绿色示范园区", 10)]
    // 的 after the thing counted is not a modifier's.
    [InlineData("到2020年，推广万种绿色产品的应用。", "绿色产品的应用", 10000)]
    public void A_count_counts_the_head_noun_after_its_modifiers(string text, string metric, int value)
    {
        var t = Assert.Single(Tag(text, 2018));
        Assert.Equal((metric, (decimal)value), (t.Metric, t.Value!.Value));
    }
}
