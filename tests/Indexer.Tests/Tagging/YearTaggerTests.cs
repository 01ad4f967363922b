using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class YearTaggerTests
{
    public static TheoryData<string, int?, int[]> Cases => new()
    {
        { "到2020年，长江经济带绿色制造水平明显提升", 2016, [2020] },
        { "到 2020 年，完成 47 个危险化学品搬迁改造重点项目", 2017, [2020] },   // 000 spaces its numbers
        { "——到2018年底，粉煤灰综合利用率超过90%", 2018, [2018] },
        { "2020年底前，河北钢铁产能控制在2亿吨以内", 2018, [2020] },
        { "2020年前完成百项绿色标准", 2018, [2020] },
        // a start date counts; the 2020 deadline too
        { "2020年底前，淘汰国三及以下运营中重型柴油货车100万辆。2019年7月1日起，重点区域提前实施机动车国六排放标准", 2018, [2019, 2020] },
        { "实现2030年碳排放达峰目标", 2016, [2030] },
        // a year opening a sentence that states a quantity
        { "严防“地条钢”。2018年再压减钢铁产能3000万吨左右", 2018, [2018] },
        // base years are not targets
        { "与2015年相比，规模以上企业单位工业增加值能耗下降18%", 2016, [] },
        { "规模以上单位工业增加值能耗在2015年基础上下降12%", 2018, [] },
        { "单位工业增加值二氧化碳排放量比2015年下降18%", 2018, [] },
        // history: "降到2015年的" reports the past; years before the plan began are history
        { "全省单位工业增加值能耗由2010年的1.996吨标煤降到2015年的1.218吨标煤", 2016, [] },
        { "2015年节能环保装备、资源综合利用、节能服务等节能环保产业产值约4万亿元", 2016, [] },
        // years inside titles and period ranges
        { "扎实推进《工业绿色发展规划（2016-2020年）》", 2017, [] },
        { "根据《国家生态文明试验区(贵州)实施方案》《中国制造2025》，制定本行动计划", 2018, [] },
        { "落实《产业结构调整指导目录(2011年本)(修正)》", 2018, [] },
        // a recurring date has no year
        { "省级工业和信息化主管部门分别于每年1月15日、7月15日前报送", 2018, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsDeadlinesAndStartDatesOnly(string text, int? minYear, int[] expected) =>
        Assert.Equal(expected, YearTagger.Tag(text, minYear).Select(y => y.Year).Distinct().Order().ToArray());

    [Fact]
    public void KindsAndSpans()
    {
        const string text = "2019年7月1日起实施；到2020年完成";
        var tags = YearTagger.Tag(text, 2018);
        Assert.Equal([("start", "2019"), ("deadline", "2020")], tags.Select(t => (t.Kind, text.Substring(t.Span.Start, t.Span.Length))));
    }

    [Fact]
    public void TableRowTakesItsTargetColumn()
    {
        var row = new IndicatorRow("水泥熟料综合能耗", "千克标准煤/吨", [new TableCell("2015年", "112"), new TableCell("2020年", "105")]);
        var tags = YearTagger.Tag("水泥熟料综合能耗（千克标准煤/吨） 112 105", 2016, row);
        Assert.Equal([2020], tags.Select(t => t.Year));
        Assert.Equal("table:column", tags[0].Rule);
    }
}
