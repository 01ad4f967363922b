using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class IndustryTaggerTests
{
    private static readonly IndustryTagger Tagger = new(TaggingTestData.Taxonomies);

    public static TheoryData<string, string[]> Cases => new()
    {
        { "严禁钢铁、水泥、电解铝、船舶等产能严重过剩行业扩能", ["钢铁", "水泥", "电解铝", "船舶"] },
        // longest match: 电解铝液 is 电解铝, not 电解铝 + a stray 液
        { "电解铝液交流电耗（千瓦时/吨）", ["电解铝"] },
        // 冶金 in a list of industries is steel; 有色 in a list is non-ferrous
        { "以煤炭、电力、化工、冶金、有色、建材等传统行业绿色升级改造为重点", ["煤炭", "电力", "化工", "钢铁", "有色金属", "建材"] },
        // ... but 冶金 outside a list is a word in a technique or a waste
        { "推广矿热炉高温烟气净化回收利用、冶金余热余压能量回收同轴机组应用", [] },
        { "围绕尾矿、废石、煤矸石、粉煤灰、冶炼渣、冶金尘泥、赤泥", [] },
        // recycling streams are false friends, 再生资源 is the industry
        { "围绕废钢铁、废有色金属、废纸、废橡胶、废塑料、报废汽车、废旧纺织品等主要再生资源", ["再生资源"] },
        // 电子标签 is a technique; 废弃电器电子产品 a waste stream
        { "支持利用电子标签、二维码等物联网技术，跟踪废弃电器电子产品流向", [] },
        // MVR is a technique used by the food industry, not machinery
        { "食品行业实施机械式蒸汽再压缩、全自动连续煮糖等技术改造", ["食品"] },
        // a body's name hides the industries inside it
        { "省质监局、省食品药品监管局、省大数据发展管理局", [] },
        // 煤炭 as coal consumption, not the coal industry
        { "以削减煤炭消耗量、减少污染物排放为目标，针对焦化、工业锅炉炉窑、煤化工等工业用煤重点领域，综合提升区域煤炭清洁高效利用水平", ["焦化", "煤化工"] },
        // 装备 counts in a list of MIIT's sectors, not as "技术装备"
        { "加大原材料、装备、消费品、电子、民爆等重点行业智能制造推广力度", ["原材料工业", "机械装备", "消费品工业", "电子", "民爆"] },
        { "推广一批先进适用技术装备", [] },
        // a list-only form glued to an industry word is part of a longer name
        { "面向节能环保、新能源装备、新能源汽车等绿色制造产业", ["节能环保", "新能源", "新能源汽车"] },
        // 石化化工 names both
        { "石化化工行业实施炼化能量系统优化", ["石化", "化工"] },
        // X化工业 is the X化工 industry: the word before 业 is matched as it is without it
        { "推进石油化工业能量系统优化", ["石化"] },          // 石油化工 is 石化 (C25), 业 or no 业
        { "石化工业开展能效对标", ["石化"] },
        { "煤化工业实施节水改造", ["煤化工"] },
        { "推动盐化工业延伸产业链", ["化工"] },              // no alias starts at 盐: 化工 inside it counts
        { "发展精细化工业，提高产品附加值", ["化工"] },
        { "氯碱化工业实施低汞触媒替代", ["化工"] },
        { "化工业能耗占全省工业能耗的比重", ["化工"] },      // 化工业 on its own
        // ... but a verb ending in 化 before 工业 is no chemical industry: 优化|工业, 强化|工业
        { "优化工业结构和区域布局", [] },
        { "进一步调整和优化工业布局", [] },
        { "强化工业绿色发展的法规、标准约束", [] },
        { "深化工业节能减排目标责任考核制度", [] },
        { "加快构建现代化工业体系", [] },
        { "建设厂区光伏电站、智能微电网和能管中心，优化工厂用能结构", [] },   // 优化|工厂, not 化工厂
        { "推进城镇人口密集区化工厂搬迁改造", ["化工"] },
        // the false friend is 强化工业, not 强化工: 做强|化工产业 is the chemical industry
        { "做大做强化工产业", ["化工"] },
        // 电力电子器件 is a component class, not the power industry
        { "推广应用新型电力电子器件等信息技术", [] },
        // items of a list that runs on to 等再生资源 / 回收 / 拆解 are waste streams, whatever industry word they are
        { "推动废旧机电产品、电线电缆、通信设备、汽车、家电、手机、电池、塑料、橡胶、玻璃、废弃油脂等再生资源利用的规模化", ["再生资源"] },
        { "汽车回收拆解与再制造区域示范、家用电器与电子产品回收处理与资源化区域示范", ["再制造"] },
        // ... but a list of industries that merely ends near a recycling word is not
        { "推进钢铁、有色、石化、化工、建材等行业拓展产品制造、能源转换、废弃物处理-消纳及再资源化等行业功能", ["钢铁", "有色金属", "石化", "化工", "建材"] },
        { "在电器电子产品、汽车领域等行业开展生产者责任延伸试点示范", ["电子", "汽车"] },
        // PVC is chemistry (合成树脂), not the 乙烯 of petrochemicals; 铬盐 and 黄磷 are inorganic chemicals
        { "在铬盐、皮革行业推广铬铁碱溶纯氧氧化；在电石法聚氯乙烯等行业推广低汞触媒应用", ["化工", "制革", "电石"] },
        // a factory's own PV plant is energy use, not the PV industry; building the PV industry is
        { "采用先进节能技术装备，建设厂区光伏电站、智能微电网和能管中心", [] },
        { "发展分布式能源、光伏电站及分布式光伏发电、风力发电", ["新能源"] },
        // industrialising environmental technology is the 节能环保 industry
        { "环保技术产业化专项：①大气环境工业化治理：重点研发烟气粉尘收集和脱硫脱硝材料和装备", ["节能环保"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TagsIndustriesTheClauseConcerns(string text, string[] expected)
    {
        var tags = Tagger.Tag(text);
        Assert.Equal(expected.Order(), tags.Select(t => t.Name).Order());
        foreach (var t in tags)
            Assert.True(t.Span.End <= text.Length && t.Span.Length > 0, $"{t.Name} has span {t.Span}");
    }

    [Fact]
    public void TagsCarryCodeSpanAndRule()
    {
        const string text = "在电解铝、水泥行业落实阶梯电价";
        var tag = Tagger.Tag(text)[0];
        Assert.Equal("C3216", tag.Code);
        Assert.Equal("电解铝", text.Substring(tag.Span.Start, tag.Span.Length));
        Assert.Equal("alias:电解铝", tag.Rule);
    }
}
