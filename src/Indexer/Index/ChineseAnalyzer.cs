using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
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
        stream = new CaselessFilter(stream);
        stream = new CJKBigramFilter(stream, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    }

    // A clause's path holds several headings and its tags several names: a phrase must not run from
    // the end of one into the start of the next (钢铁 + 铁合金 is not the phrase 钢铁铁).
    public override int GetPositionIncrementGap(string fieldName) => 100;
}

/// <summary>
/// Lower-cases letters the way Lucene's LowerCaseFilter does (invariant culture), but looks a character up
/// only when it is an upper-case letter: LowerCaseFilter sends every token through the culture's case
/// mapping (ICU), which was 16% of writing the index although Han characters have no case.
/// </summary>
internal sealed class CaselessFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            var c = buffer[i];
            if (c < 0x80)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    buffer[i] = (char)(c + 32);
                }
            }
            else if (char.IsUpper(c))
            {
                buffer[i] = char.ToLowerInvariant(c);
            }
        }
        return true;
    }
}

/// <summary>
/// The analyzer of exact-term fields (industry codes, departments, years…): a field value holds one or more
/// terms separated by <see cref="Separator"/>, each indexed as it is. One tokenised field per name replaces
/// one StringField per value, each of which built its own token stream and attributes (by reflection) for
/// every clause written.
/// </summary>
internal sealed class ExactTermsAnalyzer : Analyzer
{
    public const char Separator = '\n';

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new SeparatedTermsTokenizer(reader));

    private sealed class SeparatedTermsTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private string _text = "";
        private int _at;

        public SeparatedTermsTokenizer(TextReader reader)
            : base(reader)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (_at < _text.Length)
            {
                var end = _text.IndexOf(Separator, _at);
                if (end < 0)
                {
                    end = _text.Length;
                }
                var start = _at;
                _at = end + 1;
                if (end > start)
                {
                    _term.SetEmpty().Append(_text.Substring(start, end - start));
                    _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
                    return true;
                }
            }
            return false;
        }

        public override void Reset()
        {
            base.Reset();
            _text = m_input.ReadToEnd();
            _at = 0;
        }
    }
}
