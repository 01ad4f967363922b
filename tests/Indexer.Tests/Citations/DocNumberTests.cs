using CsCheck;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Citations;

namespace GreenPolicy.Indexer.Tests.Citations;

public class DocNumberTests
{
    public static TheoryData<string, string?> Numbers => new()
    {
        { "黔府办发〔2018〕14号", "黔府办发〔2018〕14号" },      // GB/T 9704-2012 §7.2.5: the standard form
        { "黔府办发[2018]14号", "黔府办发〔2018〕14号" },
        { "黔府办发［2018］14号", "黔府办发〔2018〕14号" },      // full-width square brackets
        { "工信部节【2018】136号", "工信部节〔2018〕136号" },   // lenticular brackets, as cit-14 types them
        { "工信部联节（2017）178号", "工信部联节〔2017〕178号" },
        { "工信部联节(2017)178号", "工信部联节〔2017〕178号" },
        { "工信部联节﹝2017﹞178号", "工信部联节〔2017〕178号" }, // small tortoise-shell brackets from Word
        { "工信部规〔 2016 〕225号", "工信部规〔2016〕225号" },  // spaces inside the brackets
        { " 工信部规 〔2016〕 225 号 ", "工信部规〔2016〕225号" },
        { "工信部规〔2016〕第225号", "工信部规〔2016〕225号" },  // 第 before the serial
        { "黔府办发2018年14号", "黔府办发〔2018〕14号" },       // year written with 年, no brackets
        { "黔府办发2018年第14号", "黔府办发〔2018〕14号" },
        { "黔府办发〔２０１８〕１４号", "黔府办发〔2018〕14号" }, // full-width digits
        { "国发〔2016〕74号", "国发〔2016〕74号" },              // a two-character code
        { "黔府办发〔2018〕14", null },                         // no 号
        { "黔府办发〔2018】14号", null },                       // brackets that do not pair
        { "黔府办发〔18〕14号", null },                          // a two-digit year is not a year
        { "〔2018〕14号", null },                               // no issuer code
        { "黔府办发〔1066〕14号", null },                       // not a plausible year
        { "工业绿色发展规划", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Normalises_any_bracket_style(string text, string? expected)
    {
        var result = DocNumber.Parse(text);
        Assert.Equal(expected, result.Value?.ToString());
        Assert.Equal(expected is null, result.Error is not null);
        Assert.Equal(expected, DocNumber.TryNormalize(text));
    }

    [Fact]
    public void Reads_di_before_the_year_as_noise()
    {
        Assert.Equal("国发〔2016〕74号", DocNumber.TryNormalize("国发第〔2016〕74号"));
        Assert.Equal("国发〔2016〕74号", DocNumber.TryNormalize("国发第第〔2016〕74号"));
        Assert.Null(DocNumber.TryNormalize("第〔2016〕74号"));
        var found = Assert.Single(DocNumber.FindAll("依据国发第〔2016〕74号"));
        Assert.Equal("国发〔2016〕74号", found.Value.ToString());
        Assert.Throws<ArgumentException>(() => new DocNumber("国发第", 2016, 74));
    }

    [Fact]
    public void Keeps_the_parts()
    {
        var n = DocNumber.Parse("工信部联节［2017］第178号").GetValueOrThrow();
        Assert.Equal(("工信部联节", 2017, 178), (n.IssuerCode, n.Year, n.Serial));
        Assert.Equal(new DocNumber("工信部联节", 2017, 178), n);
        Assert.Equal("工信部联节〔2017〕178号", n.Normalize());
    }

    public static TheoryData<string, string, string> InText => new()
    {
        // The code starts after words that run into it in prose.
        { "根据工信部节〔2018〕136号文件要求", "工信部节〔2018〕136号", "工信部节〔2018〕136号" },
        { "现将黔府办发[2018]14号转发", "黔府办发〔2018〕14号", "黔府办发[2018]14号" },
        // A title typed right before the code (no 》 to stop at) is not part of it.
        { "关于加强长江经济带工业绿色发展的指导意见工信部联节〔2017〕178号", "工信部联节〔2017〕178号", "工信部联节〔2017〕178号" },
        // The span covers what was typed, spaces included.
        { "见 工信部规 〔 2016 〕 225 号。", "工信部规〔2016〕225号", "工信部规 〔 2016 〕 225 号" },
    };

    [Theory]
    [MemberData(nameof(InText))]
    public void Finds_numbers_inside_text_with_their_spans(string text, string expected, string typed)
    {
        var m = Assert.Single(DocNumber.FindAll(text));
        Assert.Equal(expected, m.Value.ToString());
        Assert.Equal(typed, text.Substring(m.Span.Start, m.Span.Length));
    }

    [Fact]
    public void Finds_every_number_in_a_paragraph()
    {
        var text = "按照工信部规〔2016〕225号和工信部联节〔2017〕178号的要求";
        Assert.Equal(["工信部规〔2016〕225号", "工信部联节〔2017〕178号"], DocNumber.FindAll(text).Select(m => m.Value.ToString()));
    }

    // A code never ends in 第: 第 before the year is the writer's (国发第〔2016〕74号), see Reads_di_before_the_year_as_noise.
    private static readonly Gen<string> IssuerCode =
        Gen.String[Gen.Char['\u4e00', '\u9fa5'], 1, 8].Where(c => !c.EndsWith('第'));

    private static readonly Gen<DocNumber> Values =
        Gen.Select(IssuerCode, Gen.Int[1949, 2199], Gen.Int[0, 999999], (c, y, s) => new DocNumber(c, y, s));

    [Fact]
    public void Round_trips_through_its_standard_form() =>
        Values.Sample(n => Assert.Equal(n, DocNumber.Parse(n.ToString()).Value));

    private static readonly string[] Styles = ["〔{0}〕", "[{0}]", "［{0}］", "【{0}】", "（{0}）", "({0})", "﹝{0}﹞", "〔 {0} 〕", "{0}年", "{0}年第"];

    [Fact]
    public void Round_trips_through_every_way_of_writing_it() =>
        Gen.Select(Values, Gen.OneOf(Styles)).Sample((n, style) =>
            Assert.Equal(n, DocNumber.Parse(n.IssuerCode + string.Format(style, n.Year) + n.Serial + "号").Value));

    [Fact]
    public void Never_throws_on_arbitrary_text() =>
        Gen.String.Sample(s =>
        {
            _ = DocNumber.Parse(s);
            foreach (var m in DocNumber.FindAll(s))
                Assert.InRange(m.Span.End, 0, s.Length);
        });

    [Fact]
    public void Never_throws_on_text_made_of_the_characters_numbers_are_made_of() =>
        Gen.String[Gen.OneOf("黔府办发第年号〔〕[]【】（）()﹝﹞ 0123456789０１２".ToCharArray()), 0, 40].Sample(s =>
        {
            _ = DocNumber.Parse(s);
            foreach (var m in DocNumber.FindAll(s))
            {
                Assert.InRange(m.Span.End, 0, s.Length);
                Assert.Equal(m.Value, DocNumber.Parse(m.Value.ToString()).Value);
            }
        });

    [Fact]
    public void TextSpan_is_the_model_type() => Assert.IsType<TextSpan>(DocNumber.FindAll("国发〔2016〕74号")[0].Span);
}
