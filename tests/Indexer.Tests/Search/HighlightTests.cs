using GreenPolicy.Index;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Search;

public class HighlightTests
{
    [Fact]
    public void TextIsEscapedAndMatchesMarked()
    {
        var s = SnippetHighlighter.Highlight("废水中汞、铅等重金属含量 < 0.1 mg/L & 达标排放。", ["汞"]);
        Assert.Equal("废水中<mark>汞</mark>、铅等重金属含量 &lt; 0.1 mg/L &amp; 达标排放。", s.Html);
        Assert.Equal([new GreenPolicy.Domain.TextSpan(3, 1)], s.Marks);
    }

    [Fact]
    public void MarkupInTheSourceNeverBecomesMarkup()
    {
        var s = SnippetHighlighter.Highlight("<script>alert(1)</script>钢铁", ["钢铁", "script"]);
        Assert.DoesNotContain("<script>", s.Html);
        Assert.Contains("&lt;<mark>script</mark>&gt;", s.Html);
        Assert.EndsWith("<mark>钢铁</mark>", s.Html);
    }

    [Fact]
    public void OffsetsAreOnTheOriginalTextEvenWhenWidthFolded()
    {
        // ＶＯＣｓ is full width in the text; the query is vocs. The mark covers the original four characters.
        var text = "削减ＶＯＣｓ排放";
        var s = SnippetHighlighter.Highlight(text, ["vocs"]);
        Assert.Equal([new GreenPolicy.Domain.TextSpan(2, 4)], s.Marks);
        Assert.Equal("削减<mark>ＶＯＣｓ</mark>排放", s.Html);
    }

    [Fact]
    public void LatinTermsMatchWholeWordsOnly()
    {
        var s = SnippetHighlighter.Highlight("APPPX and PPP", ["ppp"]);
        Assert.Equal("APPPX and <mark>PPP</mark>", s.Html);
    }

    [Fact]
    public void LongTextIsCutAroundTheBestPassage()
    {
        var text = new string('甲', 300) + "电解铝阶梯电价" + new string('乙', 300);
        var s = SnippetHighlighter.Highlight(text, ["电解铝", "阶梯电价"]);
        Assert.StartsWith("…", s.Html);
        Assert.EndsWith("…", s.Html);
        Assert.Contains("<mark>电解铝阶梯电价</mark>", s.Html);
        Assert.True(s.End - s.Start <= SnippetHighlighter.DefaultWidth);
    }

    [Fact]
    public void StoreSnippetsEscapeTheClauseText()
    {
        using var store = SmallIndex.Open();
        var hit = store.Search(new SearchRequest { Q = "汞" }).Hits.Single();
        Assert.Contains("<mark>汞</mark>", hit.Snippet);
        Assert.Contains("&lt; 0.1 mg/L &amp;", hit.Snippet);
        Assert.Contains("< 0.1 mg/L &", hit.Text);
    }
}
