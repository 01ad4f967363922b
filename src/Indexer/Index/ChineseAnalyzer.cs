using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace GreenPolicy.Index;

/// <summary>
/// Character unigrams + bigrams for Chinese, lower-cased words for Latin (DESIGN.md §6).
/// 电解铝 becomes 电, 电解, 解, 解铝, 铝: a one-character query (汞) finds the unigram, a longer one is
/// searched as a phrase of bigrams so that 电解铝 does not match 电解水 … 铝. VOCs, ＶＯＣｓ and vocs are one term.
/// </summary>
public sealed class ChineseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    }

    // A clause's path holds several headings and its tags several names: a phrase must not run from
    // the end of one into the start of the next (钢铁 + 铁合金 is not the phrase 钢铁铁).
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
