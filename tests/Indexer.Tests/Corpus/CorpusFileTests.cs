using GreenPolicy.Domain;
using GreenPolicy.Domain.Corpus;

namespace GreenPolicy.Indexer.Tests.Corpus;

public class CorpusFileTests
{
    private const string Valid = """
        ---
        id: guizhou-2018-14
        title: 贵州省绿色制造三年行动计划（2018—2020年）
        short_titles: [贵州省绿色制造三年行动计划]
        doc_number: 黔府办发〔2018〕14号
        issuers: [贵州省人民政府办公厅]
        date: 2018-04-04
        level: provincial
        jurisdiction: CN-GZ
        period: [2018, 2020]
        implements: [miit-2016-225]
        ---
        一、总体要求

        坚持绿色发展。
        """;

    private static CorpusFile Parse(string content, string file = "guizhou-2018-14.md") => CorpusFile.Parse(file, content);

    [Fact]
    public void Reads_front_matter_body_and_body_start_line()
    {
        var f = Parse(Valid);
        Assert.True(f.IsValid, string.Join("\n", f.Diagnostics));
        Assert.Empty(f.Diagnostics);
        Assert.Equal("guizhou-2018-14", f.Meta!.Id);
        Assert.Equal("黔府办发〔2018〕14号", f.Meta.DocNumber);
        Assert.Equal(["贵州省人民政府办公厅"], f.Meta.Issuers);
        Assert.Equal("2018-04-04", f.Meta.Date);
        Assert.Equal([2018, 2020], f.Meta.Period);
        Assert.Equal(["miit-2016-225"], f.Meta.Implements);
        Assert.Equal("一、总体要求\n\n坚持绿色发展。", f.Body);
        Assert.Equal(13, f.BodyStartLine);
    }

    [Fact]
    public void Keeps_the_body_byte_for_byte_including_crlf_and_trailing_spaces()
    {
        const string body = "\r\n\r\n# 标题  \r\n\u3000\u3000正文。\t\r\n";
        var f = Parse("---\r\nid: a-b\r\ntitle: 标题\r\nlevel: national\r\njurisdiction: CN\r\n---\r\n" + body, "a-b.md");
        Assert.True(f.IsValid, string.Join("\n", f.Diagnostics));
        Assert.Equal(body, f.Body);
        Assert.Equal(7, f.BodyStartLine);
    }

    [Fact]
    public void A_file_bom_is_not_part_of_the_front_matter()
    {
        var f = Parse("\uFEFF" + Valid);
        Assert.True(f.IsValid, string.Join("\n", f.Diagnostics));
    }

    [Fact]
    public void Empty_doc_number_and_date_are_null()
    {
        // 004 (Sichuan) carries neither in its text: it is cited by title alone.
        var f = Parse(Valid.Replace("doc_number: 黔府办发〔2018〕14号", "doc_number:").Replace("date: 2018-04-04", "date:"));
        Assert.True(f.IsValid, string.Join("\n", f.Diagnostics));
        Assert.Null(f.Meta!.DocNumber);
        Assert.Null(f.Meta.Date);
    }

    public static TheoryData<string, string, int, string> Broken => new()
    {
        // file | content transformation (old→new in Valid) | expected line | message fragment
        { "guizhou-2018-14.md", "title: 贵州省绿色制造三年行动计划（2018—2020年）\n|", 1, "missing required field 'title'" },
        { "guizhou-2018-14.md", "level: provincial|level: prefectural", 8, "unknown level 'prefectural'" },
        { "guizhou-2018-14.md", "jurisdiction: CN-GZ|jurisdiction: Guizhou", 9, "jurisdiction 'Guizhou'" },
        { "guizhou-2018-14.md", "jurisdiction: CN-GZ|jurisdiction: cn-gz", 9, "jurisdiction 'cn-gz'" },
        { "guizhou-2018-14.md", "date: 2018-04-04|date: 2018年4月4日", 7, "must be yyyy-MM-dd" },
        { "guizhou-2018-14.md", "date: 2018-04-04|date: 2018-02-30", 7, "must be yyyy-MM-dd" },      // not a calendar day
        { "guizhou-2018-14.md", "id: guizhou-2018-14|id: Guizhou 2018/14", 2, "not URL-safe" },
        { "other-name.md", "", 2, "does not match the file name 'other-name.md'" },
        { "guizhou-2018-14.md", "period: [2018, 2020]|period: [2020, 2018]", 10, "period must be" },
        { "guizhou-2018-14.md", "short_titles: [贵州省绿色制造三年行动计划]|short_titles: [unclosed", 4, "invalid YAML" },
        { "guizhou-2018-14.md", "一、总体要求\n\n坚持绿色发展。|", 13, "empty body" },
        { "guizhou-2018-14.md", "坚持绿色发展。|坚持\0绿色发展。", 15, "NUL character" },
        { "guizhou-2018-14.md", "坚持绿色发展。|坚持\uFFFD发展。", 15, "invalid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Reports_expected_failures_with_file_and_line(string file, string edit, int line, string message)
    {
        var content = Valid;
        if (edit.Length > 0)
        {
            var parts = edit.Split('|');
            Assert.Contains(parts[0], content);
            content = content.Replace(parts[0], parts[1]);
        }
        var f = Parse(content, file);
        Assert.False(f.IsValid);
        var error = Assert.Single(f.Diagnostics, d => d.IsError);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Bytes_in_utf8_with_or_without_bom_read_alike()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Valid);
        var plain = CorpusFile.Parse("guizhou-2018-14.md", bytes);
        var bom = CorpusFile.Parse("guizhou-2018-14.md", [0xEF, 0xBB, 0xBF, .. bytes]);
        Assert.True(plain.IsValid && bom.IsValid);
        Assert.Equal(plain.Body, bom.Body);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_with_their_line()
    {
        // "坚持绿色发展。" in GBK on line 15 of an otherwise UTF-8 file.
        var utf8 = System.Text.Encoding.UTF8.GetBytes(Valid.Replace("坚持绿色发展。", "X"));
        var at = Array.IndexOf(utf8, (byte)'X');
        byte[] gbk = [0xBC, 0xE1, 0xB3, 0xD6];
        var f = CorpusFile.Parse("guizhou-2018-14.md", [.. utf8[..at], .. gbk, .. utf8[(at + 1)..]]);
        var error = Assert.Single(f.Diagnostics);
        Assert.Equal(15, error.Line);
        Assert.Contains("invalid UTF-8", error.Message);
        Assert.Contains("UTF-16", Assert.Single(CorpusFile.Parse("x.md", [0xFF, 0xFE, 0x2D, 0x00]).Diagnostics).Message);
    }

    [Fact]
    public void Missing_front_matter_is_an_error_on_line_1()
    {
        var f = Parse("一、总体要求\n\n坚持绿色发展。\n");
        Assert.Null(f.Meta);
        Assert.Equal(1, Assert.Single(f.Diagnostics).Line);
    }

    [Fact]
    public void Unknown_fields_are_warnings_not_errors()
    {
        var f = Parse(Valid.Replace("level: provincial", "level: provincial\nauthor: 某人"));
        Assert.True(f.IsValid);
        var w = Assert.Single(f.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
        Assert.Equal(9, w.Line);
        Assert.Equal("guizhou-2018-14.md:9: warning: unknown field 'author' (ignored)", w.ToString());
    }

    [Fact]
    public void Validator_reports_duplicate_ids_across_files()
    {
        var a = Parse(Valid);
        var b = Parse(Valid, "guizhou-2018-14.md") with { FileName = "copy/guizhou-2018-14.md" };
        var national = Parse(Valid.Replace("guizhou-2018-14", "miit-2016-225").Replace("implements: [miit-2016-225]", "implements: []"), "miit-2016-225.md");
        var diagnostics = CorpusValidator.Validate([a, b, national]);
        Assert.Equal(2, diagnostics.Count(d => d.IsError && d.Message.Contains("duplicate id 'guizhou-2018-14'")));
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("implements"));
    }

    [Fact]
    public void Validator_warns_about_relations_to_documents_outside_the_corpus()
    {
        var d = Assert.Single(CorpusValidator.Validate([Parse(Valid)]));
        Assert.False(d.IsError);
        Assert.Contains("miit-2016-225", d.Message);
    }

    [Fact]
    public void Levels_are_the_documented_ones() =>
        Assert.Equal([Levels.National, Levels.Provincial], CorpusFile.KnownLevels);
}
