using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

public sealed class ReferenceFinderTests
{
    private static readonly ReferenceFinder Finder = new(
    [
        new DocumentMeta { Id = "miit-2016-225", Title = "工业绿色发展规划（2016-2020年）", ShortTitles = ["工业绿色发展规划"], DocNumber = "工信部规〔2016〕225号", Level = "national", Jurisdiction = "CN" },
        new DocumentMeta { Id = "guizhou-2018-14", Title = "贵州省绿色制造三年行动计划（2018—2020年）", DocNumber = "黔府办发〔2018〕14号", Level = "provincial", Jurisdiction = "CN-GZ" },
    ]);

    public static TheoryData<string, string?> Cases => new()
    {
        { "根据《工业绿色发展规划(2016—2020年)》制定", "miit-2016-225" },   // half-width brackets, em dash
        { "落实《工业绿色发展规划（2016-2020年）》", "miit-2016-225" },      // exact title
        { "按照《工业绿色发展规划》要求", "miit-2016-225" },                 // short title
        { "按照《工业绿色发展规划（2021-2025年）》要求", null },             // another period: not this plan
        { "《中国制造2025》", null },                                         // outside the corpus
        { "依据工信部规[2016]225号文件", "miit-2016-225" },                 // 文号 with square brackets
        { "黔府办发〔2018〕14号", "guizhou-2018-14" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_titles_and_numbers(string text, string? expected)
    {
        var found = ReferenceFinder.Find(text);
        var r = Assert.Single(found);
        Assert.Equal(expected, Finder.Resolve(r));
        Assert.Equal(text.Substring(r.Span.Start, r.Span.Length).Trim('《', '》'), r.DocNumber ?? r.Title);
    }
}
