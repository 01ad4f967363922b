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

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => Components(reader);

    /// <summary>The analysis chain, with <paramref name="tail"/> (when given) reading its tokens (FormsAnalyzer).</summary>
    internal static TokenStreamComponents Components(TextReader reader, Func<TokenStream, TokenStream>? tail = null)
    {
        var source = new StandardTokenizer(Version, reader) { MaxTokenLength = 64 };
        TokenStream stream = new CJKWidthFilter(source);
        stream = new CaselessFilter(stream);
        stream = new HanBigramFilter(stream);
        return new TokenStreamComponents(source, tail is null ? stream : tail(stream));
    }

    // A clause's path holds several headings and its tags several names: a phrase must not run from
    // the end of one into the start of the next (钢铁 + 铁合金 is not the phrase 钢铁铁).
    public override int GetPositionIncrementGap(string fieldName) => 100;
}

/// <summary>
/// Unigrams and bigrams of CJK characters, the token stream of Lucene's CJKBigramFilter (all four scripts,
/// outputUnigrams) — 电解铝 gives 电, 电解 (position increment 0, length 2), 解, 解铝, 铝 — other tokens
/// passed through. Written here because CJKBigramFilter captures and restores the whole attribute state
/// whenever a run of CJK characters ends, at every punctuation mark of Chinese text: that cloning was a
/// fifth of writing the index. Here the token that ends a run is kept in plain fields. The equivalence is
/// a test (ChineseAnalyzerTests) over the whole corpus and mixed-script cases.
/// </summary>
internal sealed class HanBigramFilter : TokenFilter
{
    private static readonly string[] CjkTypes =
    [
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL],
    ];

    private const string Single = "<SINGLE>";
    private const string Double = "<DOUBLE>";

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly IPositionLengthAttribute _posLen;

    // The current run of adjacent CJK code points with their offsets.
    private int[] _points = new int[16];
    private int[] _starts = new int[16];
    private int[] _ends = new int[16];
    private int _count;
    private int _emitted;      // tokens of the run given out: unigram k at 2k, bigram (k, k+1) at 2k+1
    private int _lastEnd;      // end offset of the run's last character

    // The token read after the run, given out (or starting the next run) once the run is out.
    private bool _held;
    private char[] _heldTerm = new char[16];
    private int _heldLength;
    private string _heldType = "";
    private int _heldStart, _heldEnd, _heldPosInc, _heldPosLen;
    private bool _exhausted;

    public HanBigramFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
        _posLen = AddAttribute<IPositionLengthAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_emitted < 2 * _count - 1)
            {
                EmitFromRun();
                return true;
            }
            _count = 0;
            _emitted = 0;
            if (_held)
            {
                _held = false;
                if (!IsCjk(_heldType))
                {
                    ClearAttributes();
                    _term.CopyBuffer(_heldTerm, 0, _heldLength);
                    _type.Type = _heldType;
                    _offset.SetOffset(_heldStart, _heldEnd);
                    _posInc.PositionIncrement = _heldPosInc;
                    _posLen.PositionLength = _heldPosLen;
                    return true;
                }
                Append(_heldTerm, _heldLength, _heldStart, _heldEnd);
            }
            else if (!Next())
            {
                return false;
            }
            else if (!IsCjk(_type.Type))
            {
                return true;
            }
            else
            {
                Append(_term.Buffer, _term.Length, _offset.StartOffset, _offset.EndOffset);
            }
            // Extend the run while the next tokens are CJK and touch it; hold the first that does not.
            while (Next())
            {
                if (IsCjk(_type.Type) && _offset.StartOffset == _lastEnd)
                {
                    Append(_term.Buffer, _term.Length, _offset.StartOffset, _offset.EndOffset);
                    continue;
                }
                Hold();
                break;
            }
        }
    }

    private bool Next()
    {
        if (_exhausted)
        {
            return false;
        }
        if (m_input.IncrementToken())
        {
            return true;
        }
        _exhausted = true;
        return false;
    }

    private static bool IsCjk(string type) => Array.IndexOf(CjkTypes, type) >= 0;

    private void Append(char[] term, int length, int start, int end)
    {
        var needed = _count + length;
        if (needed > _points.Length)
        {
            var size = Math.Max(needed, _points.Length * 2);
            Array.Resize(ref _points, size);
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
        }
        // Offsets per code point when the token's offsets match its length; otherwise (a width filter
        // joined ｶﾞ into ガ) every code point keeps the whole token's offsets.
        var exact = end - start == length;
        var at = start;
        for (var i = 0; i < length;)
        {
            var point = char.IsHighSurrogate(term[i]) && i + 1 < length && char.IsLowSurrogate(term[i + 1])
                ? char.ConvertToUtf32(term[i], term[i + 1])
                : term[i];
            var units = point > 0xFFFF ? 2 : 1;
            _points[_count] = point;
            _starts[_count] = exact ? at : start;
            _ends[_count] = exact ? at + units : end;
            _count++;
            at += units;
            i += units;
        }
        _lastEnd = end;
    }

    private void Hold()
    {
        if (_heldTerm.Length < _term.Length)
        {
            _heldTerm = new char[Math.Max(_term.Length, _heldTerm.Length * 2)];
        }
        Array.Copy(_term.Buffer, _heldTerm, _term.Length);
        _heldLength = _term.Length;
        _heldType = _type.Type;
        _heldStart = _offset.StartOffset;
        _heldEnd = _offset.EndOffset;
        _heldPosInc = _posInc.PositionIncrement;
        _heldPosLen = _posLen.PositionLength;
        _held = true;
    }

    private void EmitFromRun()
    {
        var k = _emitted / 2;
        var bigram = _emitted % 2 == 1;
        _emitted++;
        ClearAttributes();
        var buffer = _term.ResizeBuffer(4);
        var length = WriteCodePoint(_points[k], buffer, 0);
        if (bigram)
        {
            length += WriteCodePoint(_points[k + 1], buffer, length);
            _offset.SetOffset(_starts[k], _ends[k + 1]);
            _type.Type = Double;
            _posInc.PositionIncrement = 0;
            _posLen.PositionLength = 2;
        }
        else
        {
            _offset.SetOffset(_starts[k], _ends[k]);
            _type.Type = Single;
        }
        _term.Length = length;
    }

    private static int WriteCodePoint(int point, char[] buffer, int at)
    {
        if (point <= 0xFFFF)
        {
            buffer[at] = (char)point;
            return 1;
        }
        var pair = char.ConvertFromUtf32(point);
        buffer[at] = pair[0];
        buffer[at + 1] = pair[1];
        return 2;
    }

    public override void Reset()
    {
        base.Reset();
        _count = 0;
        _emitted = 0;
        _lastEnd = 0;
        _held = false;
        _exhausted = false;
    }
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
