using System.Text;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>One copy of the corpus with a serving index, shared by the fault rows (building it is the slow part).</summary>
public sealed class ServingCorpusFixture : IDisposable
{
    internal TempCorpus Corpus { get; } = new("faults");

    public ServingCorpusFixture()
    {
        var (code, _, err) = Corpus.Cli("build");
        if (code != 0)
        {
            throw new InvalidOperationException("baseline build failed: " + err);
        }
    }

    public void Dispose() => Corpus.Dispose();
}

/// <summary>
/// Officials drop files into corpus/; a bad one must be reported (file and line) by validate and build,
/// both exit non-zero, and the serving generation (CURRENT) must stay exactly as it was.
/// </summary>
public sealed class CorpusFaultTests(ServingCorpusFixture fixture) : IClassFixture<ServingCorpusFixture>
{
    private TempCorpus Corpus => fixture.Corpus;

    // GB18030 is what many government sites still serve; .NET needs the code-pages provider to write it.
    private static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    public static TheoryData<string, string, int, string> TextFaults => new()
    {
        // file, content, line expected in the report, words the message must contain
        { "bad-yaml.md", "---\nid: bad-yaml\ntitle: [未闭合的列表\nlevel: provincial\njurisdiction: CN-GZ\n---\n一、总体要求\n\n正文。\n", 3, "invalid YAML" },
        // a missing field is reported on the opening '---' line
        { "no-title.md", "---\nid: no-title\nlevel: provincial\njurisdiction: CN-GZ\n---\n一、总体要求\n\n正文。\n", 1, "missing required field 'title'" },
        { "mars.md", SampleDoc.Text("mars", jurisdiction: "火星"), 5, "jurisdiction" },
        // well-formed but not an ISO 3166-2:CN code: a typo of CN-GZ must not create a 35th province
        { "cn-zz.md", SampleDoc.Text("cn-zz", jurisdiction: "CN-ZZ"), 5, "jurisdiction" },
        { "no-body.md", SampleDoc.Text("no-body", body: "\n  \n"), 8, "empty body" },
        { "no-fence.md", "id: no-fence\ntitle: 没有前置元数据\n\n正文。\n", 1, "front matter" },
        { "unclosed.md", "---\nid: unclosed\ntitle: 未闭合\n\n正文。\n", 1, "not closed" },
        // headings and nothing under them: no clause anyone could cite
        { "only-headings.md", SampleDoc.Text("only-headings", body: "一、总体要求\n\n二、重点任务\n\n三、保障措施\n"), 0, "clause" },
    };

    [Theory]
    [MemberData(nameof(TextFaults))]
    public void A_bad_file_fails_validate_and_build_with_file_and_line_and_keeps_serving(string file, string content, int line, string message)
    {
        AssertRejected(file, () => Corpus.Write(file, content), line, message);
    }

    [Fact]
    public void A_gb18030_body_is_rejected_with_the_file_line_and_encoding()
    {
        // Decision (docs/reliability.md): reject, never guess. A GBK/GB18030 file decoded as UTF-8 would be
        // indexed as mojibake; guessing the encoding is wrong for short files. The message names GBK so the
        // official knows what to do (save as UTF-8).
        var text = SampleDoc.Text("gbk-file", body: "一、总体要求\n\n加快推进工业绿色低碳转型。\n");
        AssertRejected("gbk-file.md", () => Corpus.WriteBytes("gbk-file.md", Gb18030(text)), 3, "UTF-8");
    }

    [Fact]
    public void A_binary_file_named_md_is_rejected()
    {
        var bytes = new byte[4096];
        new Random(8).NextBytes(bytes);
        bytes[0] = 0x89; // PNG magic: an image saved with the wrong extension
        "PNG\r\n\u001a\n"u8.CopyTo(bytes.AsSpan(1));
        AssertRejected("picture.md", () => Corpus.WriteBytes("picture.md", bytes), 1, "UTF-8");
    }

    [Fact]
    public void A_20_mb_file_is_rejected_quickly_without_reading_it_whole()
    {
        // Generated here, never committed: 20 MB of well-formed clauses (a mis-exported database dump, say).
        var sb = new StringBuilder(SampleDoc.Text("huge", body: ""));
        var i = 0;
        while (sb.Length * 3 < 20 * 1024 * 1024)
        {
            sb.Append("（").Append(++i).Append("）推进钢铁、有色、建材等行业节能降碳改造，提升能源利用效率和清洁生产水平。\n");
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        AssertRejected("huge.md", () => Corpus.Write("huge.md", sb.ToString()), 0, "MB");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_duplicate_id_names_both_files()
    {
        // copy of a corpus document under another name: same id twice (and the id no longer matches the name)
        var original = File.ReadAllText(Path.Combine(Corpus.CorpusDir, "guizhou-2018-14.md"));
        AssertRejected("guizhou-copy.md", () => Corpus.Write("guizhou-copy.md", original), 0, "duplicate id 'guizhou-2018-14'");
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_in_one_run()
    {
        var before = Corpus.CurrentFileText;
        var files = new[] { "multi-a.md", "multi-b.md", "multi-c.md", "multi-d.md" };
        try
        {
            Corpus.Write(files[0], "---\nid: multi-a\nlevel: provincial\njurisdiction: CN-GZ\n---\n正文。\n");          // no title
            Corpus.Write(files[1], "---\nid: multi-b\ntitle: 乙\nlevel: county\njurisdiction: CN-GZ\n---\n正文。\n");    // bad level
            Corpus.WriteBytes(files[2], Gb18030(SampleDoc.Text("multi-c")));                                             // GBK
            Corpus.Write(files[3], SampleDoc.Text("multi-d", body: "一、总体要求\n\n二、重点任务\n"));                      // no sentence
            var (code, _, err) = Corpus.Cli("validate");
            Assert.Equal(1, code);
            Assert.Contains("multi-a.md:1:", err);
            Assert.Contains("multi-b.md:4:", err);
            Assert.Contains("multi-c.md:", err);
            // Its front matter is sound, so its body is parsed although other files' front matters are not.
            Assert.Contains("multi-d.md:", err);
            Assert.Contains("no clause text", err);
            Assert.Equal(before, Corpus.CurrentFileText);
        }
        finally
        {
            foreach (var f in files)
            {
                File.Delete(Path.Combine(Corpus.CorpusDir, f));
            }
        }
    }

    private void AssertRejected(string file, Action write, int line, string message)
    {
        var before = Corpus.CurrentFileText;
        var generations = Corpus.Generations;
        Assert.NotNull(Corpus.Current);
        write();
        try
        {
            foreach (var command in new[] { "validate", "build" })
            {
                var (code, _, err) = Corpus.Cli(command);
                Assert.True(code == 1, $"{command} exit {code} for {file}: {err}");
                var located = line > 0 ? $"{file}:{line}: " : file;
                var report = err.Split('\n').FirstOrDefault(l => l.Contains(located, StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
                Assert.True(report is not null, $"{command}: no line with '{located}' and '{message}' in:\n{err}");
            }
            // The build failed: the serving generation is the one before, and no new generation was left behind.
            Assert.Equal(before, Corpus.CurrentFileText);
            Assert.Equal(generations, Corpus.Generations);
        }
        finally
        {
            File.Delete(Path.Combine(Corpus.CorpusDir, file));
        }
    }
}
