using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class TaxonomiesTests
{
    private static Taxonomies Tax => TaggingTestData.Taxonomies;

    [Fact]
    public void EveryParentExistsAndIssueThreeIndustriesAreThere()
    {
        foreach (var name in new[] { "钢铁", "有色金属", "电解铝", "稀土", "化工", "石化", "焦化", "煤化工", "化肥", "农药", "电石", "建材",
                     "水泥", "平板玻璃", "造纸", "纺织", "印染", "化纤", "制革", "医药", "食品", "饮料", "汽车", "新能源汽车", "船舶",
                     "机械装备", "铸造", "电子", "家电", "电镀", "火电", "电力", "煤炭", "油气", "铅蓄电池", "涂料", "印刷", "家具",
                     "制鞋", "橡胶", "信息通信", "民爆", "节能环保" })
            Assert.Contains(Tax.Industries, i => i.Name == name);
        Assert.Equal("C3216", Tax.Industries.Single(i => i.Name == "电解铝").Code);
        Assert.Equal("有色金属", Tax.IndustryByCode(Tax.IndustryByCode("C3216")!.ParentCode!)!.Name);
        Assert.Equal(["建材", "原材料工业"], Tax.Ancestors(Tax.IndustryByCode("C3011")!).Select(i => i.Name));
    }

    [Theory]
    [InlineData("省经济和信息化委", "CN-GZ", "贵州省经济和信息化委员会")]   // province-specific alias wins
    [InlineData("省经济和信息化委", "CN-SC", "四川省经济和信息化委员会")]
    [InlineData("节能司", "CN", "工业和信息化部节能与综合利用司")]
    [InlineData("节能司", "CN-GZ", "工业和信息化部节能与综合利用司")]      // falls back to central bodies
    [InlineData("各市(州)人民政府", "CN-GZ", "贵州省各市（州）人民政府")]     // half-width brackets
    [InlineData("地方工业和信息化主管部门", "CN-SC", "地方各级工业和信息化主管部门")]
    public void ResolvesByJurisdiction(string written, string jurisdiction, string canonical) =>
        Assert.Equal(canonical, Tax.ResolveDepartment(written, jurisdiction)?.Canonical);

    [Theory]
    [InlineData("生态环境部", "环境保护部")]       // successor finds predecessor
    [InlineData("环保部", "生态环境部")]
    [InlineData("贵州省工业和信息化厅", "省经济和信息化委")]
    [InlineData("VOCs", "挥发性有机物")]
    [InlineData("vocs", "挥发性有机物")]
    [InlineData("电解铝", "铝电解")]
    [InlineData("长三角", "长江三角洲")]
    public void AliasGroupsConnectTheWaysOfWritingAConcept(string term, string other) =>
        Assert.Contains(other, Tax.AliasGroup(term));

    [Fact]
    public void UnknownTermIsItsOwnGroup() => Assert.Equal(["不存在的词"], Tax.AliasGroup("不存在的词"));

    [Fact]
    public void BadReferenceIsReportedWithTheFile()
    {
        var e = Assert.Throws<TaxonomyException>(() => Taxonomies.Load(
            "industries:\n  C1:\n    name: 甲\n    parent: C9\n", "departments: []\n", "topics: []\n", "places: []\n"));
        Assert.Contains("industries.yaml", e.Message, StringComparison.Ordinal);
        var y = Assert.Throws<TaxonomyException>(() => Taxonomies.Load("industries: [", "", "", ""));
        Assert.Contains("line", y.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        var e = Assert.Throws<TaxonomyException>(() => Taxonomies.Load(name => name == "industries.yaml" ? "industries: {}" : null));
        Assert.Contains("departments.yaml", e.Message, StringComparison.Ordinal);
    }
}
