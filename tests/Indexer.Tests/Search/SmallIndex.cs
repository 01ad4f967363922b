using GreenPolicy.Domain;
using GreenPolicy.Index;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>
/// A hand-made corpus of a few clauses (texts modelled on the real documents) in an in-memory index,
/// so that each ranking test can state exactly which clause must come first.
/// </summary>
internal static class SmallIndex
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static DocumentMeta National(string id = "nat", string title = "工业绿色发展规划（2016-2020年）") => new()
    {
        Id = id, Title = title, ShortTitles = ["工业绿色发展规划"], Level = Levels.National, Jurisdiction = "CN", Period = [2016, 2020],
        Date = "2016-06-30",
    };

    public static DocumentMeta Guizhou(string id = "gz") => new()
    {
        Id = id, Title = "贵州省绿色制造三年行动计划（2018—2030年）", ShortTitles = ["贵州省绿色制造三年行动计划"], Level = Levels.Provincial,
        Jurisdiction = "CN-GZ", Scope = ["贵州省"], Period = [2018, 2030], Date = "2018-04-04",
    };

    public static Clause Clause(DocumentMeta doc, string eId, string text, int order, string? heading = null,
        IReadOnlyList<IndustryTag>? industries = null, IReadOnlyList<DepartmentTag>? departments = null,
        IReadOnlyList<int>? years = null, IReadOnlyList<string>? modality = null, IReadOnlyList<string>? topics = null) => new()
    {
        Id = $"{doc.Id}/{eId}", DocId = doc.Id, EId = eId, Kind = "paragraph", Locator = eId, Citation = $"《{doc.Title}》{eId}",
        Text = text, Heading = heading, Order = order,
        Industries = industries ?? [], Departments = departments ?? [], TargetYears = years ?? [], Modality = modality ?? [],
        Topics = (topics ?? []).Select(t => new LabelTag(t, new TextSpan(0, 1), "test")).ToList(),
    };

    public static IndustryTag Industry(string code, string name) => new(code, name, new TextSpan(0, name.Length), "test");

    public static DepartmentTag Department(string canonical, string role, string? name = null) => new(name ?? canonical, canonical, role, null, "test");

    public static readonly QueryVocabulary Vocabulary = new()
    {
        Entries =
        [
            new VocabularyEntry { Kind = VocabularyKinds.Industry, Key = "C31", Name = "钢铁" },
            new VocabularyEntry { Kind = VocabularyKinds.Industry, Key = "C32", Name = "有色金属", Aliases = ["有色"] },
            new VocabularyEntry { Kind = VocabularyKinds.Industry, Key = "C3216", Name = "电解铝", Parent = "C32" },
            new VocabularyEntry { Kind = VocabularyKinds.Department, Key = "生态环境部", Name = "生态环境部", Aliases = ["环境保护部", "环保部"] },
            new VocabularyEntry
            {
                Kind = VocabularyKinds.Department, Key = "工业和信息化部节能与综合利用司", Name = "工业和信息化部节能与综合利用司",
                Aliases = ["节能与综合利用司", "节能司"],
            },
            new VocabularyEntry { Kind = VocabularyKinds.Synonym, Key = "挥发性有机物", Name = "挥发性有机物", Aliases = ["VOCs"] },
            new VocabularyEntry { Kind = VocabularyKinds.Topic, Key = "资源综合利用", Name = "资源综合利用" },
        ],
    };

    public static IReadOnlyList<ParsedDocument> Documents()
    {
        var nat = National();
        var gz = Guizhou();
        return
        [
            new ParsedDocument
            {
                Meta = nat,
                Clauses =
                [
                    Clause(nat, "p1", "严禁新增钢铁产能。严格执行钢铁、电解铝行业产能置换实施办法。", 0, "严禁新增钢铁产能",
                        [Industry("C31", "钢铁"), Industry("C3216", "电解铝")], modality: [Modalities.Prohibit], years: [2020]),
                    Clause(nat, "p2", "推进电解水制氢示范，开展铝合金轻量化材料应用。", 1),
                    Clause(nat, "p3", "在电解铝、水泥行业落实阶梯电价、差别电价等价格政策。", 2, "提升管理节能",
                        [Industry("C3216", "电解铝")], [Department("工业和信息化部节能与综合利用司", Roles.Lead, "节能司")],
                        modality: [Modalities.Require], years: [2020]),
                    Clause(nat, "p4", "实施挥发性有机物削减计划，石化、化工行业VOCs排放总量削减30%以上。", 3, "挥发性有机物削减",
                        departments: [Department("生态环境部", Roles.Participant, "环境保护部")], years: [2018]),
                    Clause(nat, "p5", "钢铁行业的重点企业要加强能源管理。", 4, industries: [Industry("C31", "钢铁")], topics: ["资源综合利用"]),
                    Clause(nat, "p6", "废水中汞、铅等重金属含量 < 0.1 mg/L & 达标排放。", 5, modality: [Modalities.Require]),
                ],
            },
            new ParsedDocument
            {
                Meta = gz,
                Clauses =
                [
                    Clause(gz, "p1", "推进磷石膏综合利用，支持有色行业绿色改造。", 0, industries: [Industry("C32", "有色金属")],
                        modality: [Modalities.Encourage], topics: ["资源综合利用"], years: [2020]),
                    Clause(gz, "p2", "鼓励钢铁企业开展超低排放改造。", 1, industries: [Industry("C31", "钢铁")], modality: [Modalities.Encourage],
                        departments: [Department("工业和信息化部节能与综合利用司", Roles.Participant, "节能司")]),
                ],
            },
        ];
    }

    public static LuceneStore Open(IReadOnlyList<ParsedDocument>? documents = null, DateOnly? today = null)
    {
        var dir = new RAMDirectory();
        GenerationWriter.Write(dir, documents ?? Documents(), Vocabulary);
        return new LuceneStore(DirectoryReader.Open(dir), Vocabulary, "test", () => today ?? Today, ownedDirectory: dir);
    }
}
