using GreenPolicy.Indexer.Tests.Search;
using GreenPolicy.Search;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.HeldOut;

/// <summary>
/// Development aid (GP_PROBE=1): held-out-style queries and citations of the kinds in shared/eval
/// (qrels.json, citations.json) run through the real store, printed for a reader to judge. It asserts
/// nothing: search and citations belong to other helpers; findings go to them.
/// </summary>
public class HeldOutProbe(ITestOutputHelper output)
{
    private static readonly string[] Queries =
    [
        "电镀", "赤泥", "地条钢", "余热余压", "再制造", "生产者责任延伸", "水效领跑者", "合同能源管理", "氮肥",
        "铅蓄电池", "挥发性有机物", "危险化学品搬迁", "绿色供应链 汽车", "水泥窑 协同处置", "贵州 再制造",
        "造纸 节水", "四川 电动汽车", "柴油货车淘汰", "哪些条款要求化工企业入园", "到2020年要建成多少绿色工厂",
        "原材料司 负责", "产业司 牵头", "省环境保护厅 牵头", "生态环境部", "省发展改革委 牵头", "经济和信息化厅",
    ];

    private static readonly string[] Citations =
    [
        "《工业绿色发展规划》专栏4第2项", "工信部规〔2016〕225号 三（三）第3段", "长江经济带指导意见第十二条",
        "工信部联节(2017)178号 （十七）", "黔府办发[2018]14号 四(二)", "贵州省绿色制造三年行动计划 保障措施第一条",
        "四川省十三五工业绿色发展规划 专栏7", "四川十三五工业绿色发展规划第七章第二节", "工业绿色发展规划 专栏1第2行",
        "工信部节〔2018〕136号第十五条", "工业绿色发展规划（2016-2020年）第三部分第四条第3段", "黔府办发2018年14号",
        "工信部规[2016]第225号", "贵州省绿色制造三年行动计划第三部分第九条", "四川省“十三五”工业绿色发展规划第二章第三节",
        "污染防治攻坚战三年行动计划 附件", "长江经济带工业绿色发展指导意见 六（二十一）", "工业绿色发展规划 四（三）",
        "工业绿色发展规划三（八）第4段", "四川十三五工业绿色发展规划第五章第二节", "贵州绿色制造三年行动计划 二、主要目标第3条",
        "污染防治攻坚战三年行动计划（十）", "工信部节〔2018〕136号 附件",
    ];

    [Fact]
    public void Probe()
    {
        if (Environment.GetEnvironmentVariable("GP_PROBE") is not { Length: > 0 })
            return;
        var store = CorpusStore.Instance;
        foreach (var q in Queries)
        {
            var r = store.Search(new SearchRequest { Q = q, Size = 8 });
            output.WriteLine($"== Q {q}  total {r.Total}");
            foreach (var h in r.Hits)
                output.WriteLine($"   {h.Score,6:0.00} {h.Id} {h.Text[..Math.Min(60, h.Text.Length)]}");
        }
        foreach (var c in Citations)
        {
            var r = store.Cite(c);
            output.WriteLine($"== C {c} -> {(r.Resolved ? $"{r.Target!.Kind} {r.Target.Id}" : "unresolved: " + r.Reason)}"
                + (r.Candidates.Count > 0 ? " candidates " + string.Join(", ", r.Candidates.Select(x => x.Id)) : ""));
        }
    }
}
