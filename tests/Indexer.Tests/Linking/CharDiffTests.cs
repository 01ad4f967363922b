using GreenPolicy.Domain;
using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Indexer.Tests.Linking;

public sealed class CharDiffTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "以铸造、热处理、焊接", "以热处理、焊接" },            // a deletion in the middle
        { "政策引导，市场推动", "政府引领，市场主导" },           // two replaced words
        { "", "新增" },                                   // all inserted
        { "删除", "" },                                   // all deleted
        { "完全相同的文本", "完全相同的文本" },                 // equal
        { "abcabba", "cbabac" },                          // Myers' paper example
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_diff_rebuilds_both_texts(string oldText, string newText)
    {
        var diff = CharDiff.Diff(oldText, newText);
        Assert.Equal(oldText, CharDiff.Apply(diff, newSide: false));
        Assert.Equal(newText, CharDiff.Apply(diff, newSide: true));
        var inv = CharDiff.Invert(diff);
        Assert.Equal(newText, CharDiff.Apply(inv, newSide: false));
        // Adjacent runs never share an operation.
        Assert.All(diff.Zip(diff.Skip(1)), p => Assert.NotEqual(p.First.Op, p.Second.Op));
    }

    [Fact]
    public void A_deletion_is_one_run()
    {
        Assert.Equal(
            [new DiffOp("equal", "以"), new DiffOp("delete", "铸造、"), new DiffOp("equal", "热处理、焊接")],
            CharDiff.Diff("以铸造、热处理、焊接", "以热处理、焊接"));
    }

    [Fact]
    public void The_diff_is_minimal_for_the_classic_example()
    {
        var diff = CharDiff.Diff("abcabba", "cbabac");
        Assert.Equal(5, diff.Where(o => o.Op != "equal").Sum(o => o.Text.Length)); // D = 5 in Myers (1986)
    }

    [Fact]
    public void Beyond_the_bound_the_middle_is_one_replacement()
    {
        var a = new string('甲', 50) + string.Concat(Enumerable.Range(0, 300).Select(i => (char)('一' + i))) + "尾";
        var b = new string('甲', 50) + string.Concat(Enumerable.Range(0, 300).Select(i => (char)('丁' + 2 * i))) + "尾";
        var diff = CharDiff.Diff(a, b, maxEdits: 20);
        Assert.Equal(a, CharDiff.Apply(diff, false));
        Assert.Equal(b, CharDiff.Apply(diff, true));
        Assert.Equal(["equal", "delete", "insert", "equal"], diff.Select(o => o.Op));
    }
}
