using GreenPolicy.Domain.Text;

namespace GreenPolicy.Indexer.Tests.Domain;

public class ChineseNumeralsTests
{
    public static TheoryData<string, int?> Numerals => new()
    {
        { "一", 1 },
        { "十", 10 },
        { "十四", 14 },          // a bare leading 十 is one ten
        { "二十一", 21 },        // 000 numbers its clauses up to （二十一）
        { "一百零二", 102 },
        { "二〇一八", 2018 },     // digit-by-digit years
        { "3", 3 },
        { "１２", 12 },          // full-width digits
        { "两", 2 },
        { "", null },
        { "第三", null },        // the caller strips 第
        { "三a", null },
    };

    [Theory]
    [MemberData(nameof(Numerals))]
    public void Parses(string text, int? expected) => Assert.Equal(expected, ChineseNumerals.Parse(text));

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(14, "十四")]
    [InlineData(20, "二十")]
    [InlineData(21, "二十一")]
    [InlineData(102, "一百零二")]
    [InlineData(110, "一百一十")]
    public void Writes(int n, string expected) => Assert.Equal(expected, ChineseNumerals.ToChinese(n));

    [Fact]
    public void RoundTrips()
    {
        for (var i = 0; i < 1000; i++)
            Assert.Equal(i, ChineseNumerals.Parse(ChineseNumerals.ToChinese(i)));
    }
}
