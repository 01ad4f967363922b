using GreenPolicy.Pipeline;
using Xunit;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>The build's clause texts kept in a temporary file (<see cref="ClauseTextFile"/>).</summary>
public sealed class ClauseTextFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gp-texts-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Texts =
    [
        "（一）加快推进钢铁、有色、建材行业超低排放改造，到2025年完成80%产能改造。",
        "",
        "𠀾𡈽 outside the basic plane, and ＶＯＣｓ in full width",
        new string('污', 5000),
        "一",
    ];

    private ClauseTextFile Written(IEnumerable<string> texts)
    {
        var file = new ClauseTextFile(_dir);
        foreach (var text in texts)
        {
            file.Add(text);
        }
        file.Complete();
        return file;
    }

    [Fact]
    public void Every_text_reads_back_as_written_in_any_order_and_from_several_threads()
    {
        var random = new Random(7);
        var texts = Enumerable.Range(0, 2_000).Select(i => Texts[i % Texts.Length] + new string('能', random.Next(0, 300)) + i).ToArray();
        using var file = Written(texts);

        Assert.Equal(texts.Length, file.Count);
        // Each thread asks for clauses at random, the same clause several times in a row too (the per-thread last read).
        Parallel.For(0, 8, t =>
        {
            var r = new Random(t);
            for (var k = 0; k < 5_000; k++)
            {
                var i = r.Next(texts.Length);
                Assert.Equal(texts[i], file[i]);
                Assert.Equal(texts[i], file[i]);
            }
        });
    }

    [Fact]
    public void Two_files_read_on_one_thread_do_not_mix_their_last_reads()
    {
        using var a = Written(["甲", "乙"]);
        using var b = Written(["丙", "丁"]);
        Assert.Equal("乙", a[1]);
        Assert.Equal("丁", b[1]);
        Assert.Equal("乙", a[1]);
    }

    [Fact]
    public void Reading_before_complete_adding_after_it_and_an_unknown_clause_are_refused()
    {
        using var file = new ClauseTextFile(_dir);
        file.Add("甲");
        Assert.Throws<InvalidOperationException>(() => file[0]);
        file.Complete();
        Assert.Equal("甲", file[0]);
        Assert.Throws<InvalidOperationException>(() => file.Add("乙"));
        Assert.Throws<ArgumentOutOfRangeException>(() => file[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => file[-1]);
    }

    [Fact]
    public void No_file_is_left_once_disposed_nor_on_linux_while_open_so_that_a_killed_build_leaves_none()
    {
        var file = Written(Texts);
        Assert.Equal(Texts[3], file[3]);
        if (OperatingSystem.IsLinux())
        {
            Assert.Empty(Directory.GetFiles(_dir));
        }
        file.Dispose();
        Assert.Empty(Directory.GetFiles(_dir));
        Assert.Throws<ObjectDisposedException>(() => file[2]);
    }
}
