using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class LabelTaggerTests
{
    [Theory]
    [InlineData("大力推动长江经济带生态保护", new[] { "长江经济带" })]          // not also 长江
    [InlineData("在京津冀及周边地区、汾渭平原淘汰老旧车", new[] { "京津冀", "汾渭平原" })]
    [InlineData("推进岷江、沱江、嘉陵江、涪江流域造纸", new[] { "岷江", "沱江", "嘉陵江", "涪江" })]
    [InlineData("重点打造长江三角洲、成渝、黔中和滇中等五大城市群", new[] { "长三角", "成渝" })]
    [InlineData("以及乌江、清水江、赤水河等重点流域", new[] { "乌江", "清水江", "赤水河" })]
    // a body's name is not a place mention
    [InlineData("(责任单位：省政府金融办、人行贵阳中心支行;各市〔州〕人民政府，贵安新区管委会)", new string[0])]
    public void TagsPlacesByLongestAlias(string text, string[] expected) =>
        Assert.Equal(expected, LabelTagger.Places(TaggingTestData.Taxonomies).Tag(text).Select(t => t.Name));

    [Theory]
    [InlineData("实施能效“领跑者”制度", "能效")]
    [InlineData("推进工业固体废物综合利用", "资源综合利用")]
    [InlineData("实现2030年碳排放达峰目标", "低碳")]
    [InlineData("推广节水工艺", "节水")]
    [InlineData("积极争取中央财政资金、税收、绿色信贷", "财税金融")]
    [InlineData("实施挥发性有机物削减计划", "污染防治")]
    public void TagsTopicsByTriggerTerms(string text, string topic) =>
        Assert.Contains(topic, LabelTagger.Topics(TaggingTestData.Taxonomies).Tag(text).Select(t => t.Name));
}
