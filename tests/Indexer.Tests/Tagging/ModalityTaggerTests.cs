using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class ModalityTaggerTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "严禁国家明令淘汰的落后生产能力向长江中上游转移", ["prohibit"] },
        { "不得以任何名义、任何方式核准、备案新增产能项目，加快推动无效产能退出", ["prohibit", "require"] },
        // naming a list of forbidden industries is not itself a prohibition
        { "实施长江经济带产业发展市场准入负面清单，明确禁止和限制发展的行业", ["require"] },
        { "地方各级工业和信息化主管部门要履职尽责，确保工作落实到位", ["require"] },
        // verbs inside an encouragement are what is encouraged, not duties (002 三（八）第4段)
        { "支持利用物联网、大数据开展信息采集、数据分析、流向监测，鼓励再生资源利用企业与互联网回收企业建立战略联盟", ["encourage"] },
        { "加快传统产业绿色化升级改造步伐，支持实施煤层气、页岩气勘查开发利用工程", ["require", "encourage"] },
        // a quantified 培育 is a target, i.e. a requirement
        { "打造和培育500家绿色示范工厂、50家绿色示范园区", ["require"] },
        // 国家鼓励的… names the state's catalogue; the clause itself requires
        { "大力推广国家鼓励的工业节水工艺、技术和装备", ["require"] },
        // nominal uses: the government's 引导作用, 支持力度
        { "发挥政府在推进工业绿色发展中的引导作用", ["require"] },
        // 主要/重要/需要 are not the modal 要; 应用 is not the modal 应
        { "资源能源利用效率也成为衡量国家制造业竞争力的重要因素", [] },
        // purpose clause
        { "为落实《中国制造2025》战略部署，促进工业绿色发展，制定本规划。", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ClassifiesDeonticForce(string text, string[] expected) =>
        Assert.Equal(expected, ModalityTagger.Summarise(ModalityTagger.Tag(text)));

    [Fact]
    public void DescriptiveClausesHaveNone() =>
        Assert.Empty(ModalityTagger.Tag("累计淘汰炼铁产能358.12万吨，要素保障能力增强", descriptive: true));

    [Fact]
    public void StatedTargetIsARequirement() =>
        Assert.Equal(["require"], ModalityTagger.Summarise(ModalityTagger.Tag("水泥熟料综合能耗 112 105", statesTarget: true)));
}
