using GreenPolicy.Index;
using static GreenPolicy.Indexer.Tests.Index.AnalyzerAssert;

namespace GreenPolicy.Indexer.Tests.Index;

public class ChineseAnalyzerTests
{
    private readonly ChineseAnalyzer analyzer = new();

    [Fact]
    public void ThreeCharacterWordGivesUnigramsAndOverlappingBigrams()
    {
        // Bigrams sit on the position of their first character (increment 0), so 电解铝 is the phrase 电解 解铝.
        AnalyzesTo(analyzer, "电解铝",
            new Tok("电", 0, 1), new Tok("电解", 0, 2, 0), new Tok("解", 1, 2), new Tok("解铝", 1, 3, 0), new Tok("铝", 2, 3));
    }

    [Fact]
    public void SingleCharacterIsOneUnigram()
    {
        AnalyzesTo(analyzer, "汞", new Tok("汞", 0, 1));
    }

    [Fact]
    public void LatinTermsAreLowerCasedAndWidthFolded()
    {
        // ＶＯＣｓ (full width, as some provincial texts type it) and VOCs are the same term.
        AnalyzesTo(analyzer, "ＶＯＣｓ和IGCC",
            new Tok("vocs", 0, 4), new Tok("和", 4, 5), new Tok("igcc", 5, 9));
        AnalyzesTo(analyzer, "VOCs排放",
            new Tok("vocs", 0, 4), new Tok("排", 4, 5), new Tok("排放", 4, 6, 0), new Tok("放", 5, 6));
    }

    [Fact]
    public void NumbersAndPunctuationBreakTheBigramChain()
    {
        // 到2020年: 到 and 年 are not joined across the number; the comma is dropped, offsets stay on the original.
        AnalyzesTo(analyzer, "到2020年，PM2.5浓度",
            new Tok("到", 0, 1), new Tok("2020", 1, 5), new Tok("年", 5, 6), new Tok("pm2.5", 7, 12),
            new Tok("浓", 12, 13), new Tok("浓度", 12, 14, 0), new Tok("度", 13, 14));
    }

    [Fact]
    public void QuotesAroundAPlanNameAreNotTokens()
    {
        AnalyzesTo(analyzer, "“十三五”",
            new Tok("十", 1, 2), new Tok("十三", 1, 3, 0), new Tok("三", 2, 3), new Tok("三五", 2, 4, 0), new Tok("五", 3, 4));
    }
}
