using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Structure;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>
/// ChineseAnalyzer's own filters (HanBigramFilter, CaselessFilter) replace Lucene's CJKBigramFilter and
/// LowerCaseFilter for speed: they must give exactly the tokens the Lucene chain gives — term, type,
/// offsets, position increment and length — or queries would stop matching what was indexed.
/// </summary>
public class AnalyzerEquivalenceTests
{
    /// <summary>The chain ChineseAnalyzer replaced, kept here as the reference.</summary>
    private sealed class LuceneChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(ChineseAnalyzer.Version, reader) { MaxTokenLength = 64 };
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(ChineseAnalyzer.Version, stream);
            stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
            return new TokenStreamComponents(source, stream);
        }
    }

    public static TheoryData<string> Cases =>
    [
        "", "汞", "电解铝", "到2020年，PM2.5浓度下降18%", "ＶＯＣｓ和IGCC", "钢铁ABC水泥", "A", "ÄÖÜ Straße İstanbul ΣΑΣ",
        "（一）加快推进", "一 二　三", "ｶﾞｽ排放", "カタカナとひらがな混在", "한국어 문장과 中文", "𠀀𠀁汉字𠀂", "x𠀀", "铝\n铝",
        "12,345.6万吨/年", "《工业绿色发展规划（2016-2020年）》", "e-mail: info@miit.gov.cn", new string('水', 300),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gives_the_tokens_of_the_Lucene_chain(string text) =>
        Assert.Equal(Tokens(new LuceneChain(), text), Tokens(new ChineseAnalyzer(), text));

    [Fact]
    public void Gives_the_tokens_of_the_Lucene_chain_on_every_clause_and_heading_of_the_corpus()
    {
        using var reference = new LuceneChain();
        using var analyzer = new ChineseAnalyzer();
        var texts = CorpusDocuments.All.SelectMany(d => d.Clauses.Select(c => c.Text).Concat(d.Units.Select(u => u.Heading ?? ""))).ToList();
        Assert.True(texts.Count > 300);
        foreach (var text in texts)
            Assert.Equal(Tokens(reference, text), Tokens(analyzer, text));
    }

    private static List<(string Term, string Type, int Start, int End, int PosInc, int PosLen)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, string, int, int, int, int)>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        var posLen = stream.AddAttribute<IPositionLengthAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add((term.ToString(), type.Type, offset.StartOffset, offset.EndOffset, posInc.PositionIncrement, posLen.PositionLength));
        stream.End();
        tokens.Add(("<end>", "", offset.StartOffset, offset.EndOffset, 0, 0));
        return tokens;
    }
}
