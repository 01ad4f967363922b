using Bunit;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;
using GreenPolicy.Web.Components.Shared;

namespace GreenPolicy.Web.Tests.Compare;

public sealed class DiffViewTests : BunitContext
{
    [Fact]
    public void Shows_deletions_on_the_old_side_and_insertions_on_the_new_side()
    {
        // 002 三（二）第5段 → 004 第五章第三节: 铸造、 dropped, 先进适用 added.
        var diff = CharDiff.Diff("以铸造、热处理、焊接等领域为重点，推广清洁生产技术", "以热处理、焊接等领域为重点，推广先进适用清洁生产技术");
        var cut = Render<DiffView>(p => p
            .Add(x => x.Diff, diff)
            .Add(x => x.OldLabel, "工业绿色发展规划 三（二）第5段")
            .Add(x => x.NewLabel, "本条款"));

        var oldSide = cut.Find(".diff-old");
        var newSide = cut.Find(".diff-new");
        Assert.Equal("铸造、", Assert.Single(oldSide.QuerySelectorAll("del")).TextContent);
        Assert.Empty(oldSide.QuerySelectorAll("ins"));
        Assert.Equal("先进适用", Assert.Single(newSide.QuerySelectorAll("ins")).TextContent);
        Assert.Empty(newSide.QuerySelectorAll("del"));
        // Each side reads as its full text.
        Assert.Equal("以铸造、热处理、焊接等领域为重点，推广清洁生产技术", oldSide.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal("以热处理、焊接等领域为重点，推广先进适用清洁生产技术", newSide.QuerySelector("p")!.TextContent.Trim());
        Assert.Contains("删去 3 字，增加 4 字", cut.Find(".diff-summary").TextContent);
        Assert.Equal("工业绿色发展规划 三（二）第5段", oldSide.QuerySelector("h4")!.TextContent);
    }

    [Fact]
    public void Text_is_escaped()
    {
        var cut = Render<DiffView>(p => p.Add(x => x.Diff, [new DiffOp("insert", "<script>alert(1)</script>")]));
        Assert.DoesNotContain("<script>", cut.Markup);
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public void ClauseLinks_groups_national_and_provincial_links_and_opens_the_diff_for_near_verbatim()
    {
        var diff = CharDiff.Diff("政策引导，市场推动", "政府引领，市场主导");
        var clause = new Clause
        {
            Id = "sichuan-13fyp/chp_2__sec_2__para_1", DocId = "sichuan-13fyp", EId = "chp_2__sec_2__para_1", Kind = "paragraph",
            Locator = "第二章第二节第1段", Citation = "x", Text = "政府引领，市场主导",
            Links =
            [
                new ClauseLink("miit-2016-225/part_2__item_2__para_2", Relations.NearVerbatim, 0.75, Directions.National, new LinkEvidence { Diff = diff }),
                new ClauseLink("guizhou-2018-14/part_1__para_1", Relations.SameTopic, 0.09, Directions.Peer, new LinkEvidence { Common = "市场" }),
            ],
        };
        var cut = Render<ClauseLinks>(p => p.Add(x => x.Clause, clause).Add(x => x.Resolve, _ => null));
        var groups = cut.FindAll("section.link-group");
        Assert.Equal(["国家层面依据", "省级落实", "同级相关条款"], groups.Select(g => g.QuerySelector("h3")!.FirstChild!.TextContent.Trim()));
        var national = groups[0];
        Assert.Contains("近乎逐字", national.TextContent);
        Assert.Contains("0.75", national.TextContent);
        Assert.NotNull(national.QuerySelector("details.diff .diff-view"));
        Assert.Equal("无", groups[1].QuerySelector("p")!.TextContent); // the provincial group is shown even when empty
        Assert.Equal("/clauses/guizhou-2018-14/part_1__para_1", groups[2].QuerySelector("a")!.GetAttribute("href"));
    }
}
