using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class DepartmentTaggerTests
{
    private static IReadOnlyList<string> Tag(string text, string jurisdiction = "CN") =>
        new DepartmentTagger(TaggingTestData.Taxonomies, jurisdiction).Tag(text)
            .Select(d => $"{d.Canonical}:{d.Role}").Distinct().Order().ToList();

    public static TheoryData<string, string, string[]> Cases => new()
    {
        // 001: one 部内 note, lead only
        { "CN", "持续开展工业节能监察专项行动。（部内节能司负责）",
            ["工业和信息化部节能与综合利用司:lead"] },
        // 001: lead + participants; 运行局 is 运行监测协调局
        { "CN", "严防错峰生产“一刀切”。（部内原材料司牵头，规划司、节能司、运行局参与）",
            ["工业和信息化部原材料工业司:lead", "工业和信息化部节能与综合利用司:participant",
             "工业和信息化部规划司:participant", "工业和信息化部运行监测协调局:participant"] },
        // two annotations in one clause: the same body may hold two roles
        { "CN", "严防“地条钢”死灰复燃。（部内原材料司牵头，产业司参与）加大落后产能淘汰力度。（部内产业司负责）",
            ["工业和信息化部产业政策司:lead", "工业和信息化部产业政策司:participant", "工业和信息化部原材料工业司:lead"] },
        // "人教司等相关司局" is two bodies; 机关党委 belongs to the ministry
        { "CN", "制定考核实施办法。（部内人教司、机关党委、节能司牵头，政法司、人教司等相关司局参与）",
            ["工业和信息化部人事教育司:lead", "工业和信息化部人事教育司:participant", "工业和信息化部机关党委:lead",
             "工业和信息化部政策法规司:participant", "工业和信息化部相关司局:participant", "工业和信息化部节能与综合利用司:lead"] },
        // 负责落实 makes an implementer; the blanket sentence inside the note is not a role here
        { "CN", "实施负面清单。（部内产业司负责，地方工业和信息化主管部门负责落实。以下均需地方工业和信息化主管部门落实，不再列出）",
            ["地方各级工业和信息化主管部门:implementer", "工业和信息化部产业政策司:lead"] },
        // 003: first = lead, rest = participants, after ';' = implementers; 〔州〕 brackets
        { "CN-GZ", "严格执行差别电价。(责任单位：省发展改革委、省经济和信息化委、省财政厅;各市〔州〕人民政府，贵安新区管委会)",
            ["贵州省发展和改革委员会:lead", "贵州省经济和信息化委员会:participant", "贵州省财政厅:participant",
             "贵州省各市（州）人民政府:implementer", "贵州贵安新区管理委员会:implementer"] },
        // the labelled form of a list
        { "CN-GZ", "加快淘汰落后产能。（牵头单位：省经济和信息化委；配合单位：省发展改革委、省能源局）",
            ["贵州省经济和信息化委员会:lead", "贵州省发展和改革委员会:participant", "贵州省能源局:participant"] },
        // the same abbreviation in a Sichuan document is Sichuan's body
        { "CN-SC", "(责任单位：省经济和信息化委)", ["四川省经济和信息化委员会:lead"] },
        // stated in the text: 要发挥牵头作用 → lead, 会同 → participant
        { "CN-SC", "各级经济和信息化主管部门要发挥牵头作用，会同相关职能部门，积极落实各项工作任务",
            ["地方各级经济和信息化主管部门:lead", "相关部门:participant"] },
        // 要 addresses a body: implementer
        { "CN", "地方各级工业和信息化主管部门要履职尽责、主动对表", ["地方各级工业和信息化主管部门:implementer"] },
        // one head noun shared by five bodies
        { "CN", "长江经济带各级工业和信息化、发展改革、科技、财政、环境保护等主管部门要充分认识",
            ["地方各级发展改革主管部门:implementer", "地方各级工业和信息化主管部门:implementer", "地方各级环境保护主管部门:implementer",
             "地方各级科技主管部门:implementer", "地方各级财政主管部门:implementer"] },
        // 鼓励地方政府… addresses local government
        { "CN", "鼓励地方政府在沿江有条件的城市推动水泥窑协同处置生活垃圾", ["地方人民政府:implementer"] },
        // a provincial document's 各地 are its prefectures; "各地各部门要" addresses them
        { "CN-GZ", "各地各部门要将绿色制造三年行动计划作为一项重要任务", ["贵州省各市（州）人民政府:implementer"] },
        // a duty with a date and no 要
        { "CN", "省级工业和信息化主管部门分别于每年1月15日、7月15日前将工作落实情况报领导小组办公室",
            ["省级工业和信息化主管部门:implementer"] },
        // 负责 in running text leads; 负责落实 carries out; 配合 after a body participates
        { "CN-GZ", "由省经济和信息化委负责组织实施，省财政厅配合", ["贵州省经济和信息化委员会:lead", "贵州省财政厅:participant"] },
        { "CN", "地方工业和信息化主管部门负责落实", ["地方各级工业和信息化主管部门:implementer"] },
        // merely mentioned: a partner or a source of funds has no role
        { "CN", "配合交通运输等部门加快淘汰老旧车", [] },
        { "CN-GZ", "主动争取工业和信息化部等部委对我省智能制造综合标准化与新模式应用专项", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TagsBodiesWithTheirRoles(string jurisdiction, string text, string[] expected) =>
        Assert.Equal(expected.Order(), Tag(text, jurisdiction));

    [Fact]
    public void SpansPointAtTheNameAsWritten()
    {
        const string text = "（部内原材料司牵头，产业司参与）";
        foreach (var d in new DepartmentTagger(TaggingTestData.Taxonomies, "CN").Tag(text))
            Assert.Equal(d.Name, text.Substring(d.Span!.Value.Start, d.Span.Value.Length));
    }

    [Fact]
    public void FindsTheBlanketImplementer()
    {
        var tagger = new DepartmentTagger(TaggingTestData.Taxonomies, "CN");
        var b = tagger.FindBlanketImplementer("（部内产业司负责。以下均需地方工业和信息化主管部门落实，不再列出）");
        Assert.NotNull(b);
        Assert.Equal("地方各级工业和信息化主管部门", b.Canonical);
        Assert.Equal(Roles.Implementer, b.Role);
        Assert.Null(tagger.FindBlanketImplementer("地方工业和信息化主管部门负责落实。"));
        // the same rule in other words
        Assert.Equal("地方人民政府", tagger.FindBlanketImplementer("以下各项任务均由地方人民政府负责落实")?.Canonical);
    }
}
