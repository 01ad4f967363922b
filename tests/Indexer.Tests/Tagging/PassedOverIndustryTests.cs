using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>The industries a text names where the tagger rules the name out: what a search matches but should not count.</summary>
public class PassedOverIndustryTests
{
    private static readonly IndustryTagger Tagger = new(TaggingTestData.Taxonomies);

    private static IReadOnlyList<string> PassedOver(string text) => Tagger.PassedOver(text, Tagger.Tag(text));

    [Theory]
    // a false friend hides the industry inside it: 再生有色金属 is a recycled material
    [InlineData("其中：再生有色金属（万吨）：2015年 1235；2020年 1800", "C32")]
    [InlineData("废钢铁（万吨）：2015年 8330；2020年 15000", "C31")]
    // read across a word boundary: 优化|工业 holds 化工
    [InlineData("进一步调整和优化工业布局", "C26")]
    [InlineData("深化工业节能减排目标责任考核制度", "C26")]
    // a list-only form outside a list of industries
    [InlineData("围绕尾矿、废石、煤矸石、粉煤灰、冶炼渣、冶金尘泥、赤泥", "C31")]
    public void A_name_the_tagger_rules_out_is_passed_over(string text, string code)
    {
        Assert.DoesNotContain(Tagger.Tag(text), t => t.Code == code);
        Assert.Contains(code, PassedOver(text));
    }

    [Fact]
    public void An_industry_also_named_as_itself_is_tagged_not_passed_over()
    {
        // 废钢铁 hides 钢铁, but the clause is about the steel industry too.
        const string text = "钢铁行业扩大废钢铁利用";
        Assert.Contains(Tagger.Tag(text), t => t.Code == "C31");
        Assert.DoesNotContain("C31", PassedOver(text));
    }

    [Fact]
    public void A_text_naming_no_industry_passes_none_over()
    {
        Assert.Empty(PassedOver("加强组织领导，强化宣传引导"));
    }
}
