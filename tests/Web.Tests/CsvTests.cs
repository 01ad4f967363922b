using GreenPolicy.Web.Infrastructure;

namespace GreenPolicy.Web.Tests;

public sealed class CsvTests
{
    public static TheoryData<string, string> Cells => new()
    {
        { "钢铁", "钢铁" },
        { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" }, // formula: neutralised, then quoted
        { "+1", "'+1" },
        { "-2%", "'-2%" },                                                  // "−2%" style changes in indicator tables
        { "@SUM(A1)", "'@SUM(A1)" },
        { "a,b", "\"a,b\"" },
        { "第一行\n第二行", "\"第一行\n第二行\"" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cells_are_quoted_and_formulas_neutralised(string value, string expected) =>
        Assert.Equal(expected, SearchCsv.Cell(value));

    [Theory]
    [InlineData("q=%E7%94%B5", true)]
    [InlineData("q=%E7%94", false)]
    [InlineData("q=%zz", false)]
    [InlineData("q=100%", false)]
    [InlineData("q=a+b&doc=x", true)]
    [InlineData("", true)]
    public void Query_encoding_guard(string raw, bool ok) => Assert.Equal(ok, QueryEncodingGuard.IsWellFormed("?" + raw));
}
