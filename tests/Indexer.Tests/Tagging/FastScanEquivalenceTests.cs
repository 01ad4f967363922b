using System.Text.RegularExpressions;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// The fast scans of the tagging stage give exactly what the plain algorithms they replace gave: the target
/// patterns tried only near a verb or after a list separator against <c>Regex.Matches</c> of the same pattern,
/// and the trie lexicon against looking up every substring at every position. Checked on every corpus clause
/// and on seeded random text dense in the patterns' words, digits and brackets.
/// </summary>
public class FastScanEquivalenceTests
{
    private static readonly string[] Pieces =
    [
        "下降", "降低", "提高到", "提高", "提升到", "控制在", "达到", "超过", "累计", "了", "比2015年", "在 2015 年的基础上", "较2015年",
        "18", "3.5", "2020", "%", "万吨", "家", "个", "种", "项", "百", "千", "万", "以上", "以内", "、", "和", "，", "。", "；", " ",
        "单位工业增加值能耗", "绿色示范工厂", "建成", "培育", "（", "）", "(", ")", "〔", "〕", "钢铁", "电解铝", "铝", "废钢铁", "有色",
        "工业和信息化部", "省工业和信息化厅", "各市（州）", "各市〔州〕", "贵州", "长江经济带", "长江", "a", "0",
        "500家绿色示范工厂", "、50家绿色园区", "、百家示范企业", "和1000个项目", "打造和培育",
    ];

    private static IEnumerable<string> Texts()
    {
        foreach (var c in CorpusDocuments.All.SelectMany(d => d.Clauses))
            yield return c.Text;
        var random = new Random(7);
        for (var k = 0; k < 3000; k++)
            yield return string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)]));
    }

    private static string Describe(IEnumerable<Match> matches) =>
        string.Join(" | ", matches.Select(m => $"{m.Index}+{m.Length} " + string.Join(",", m.Groups.Values.Select(g => g.Success ? $"{g.Name}={g.Index}:{g.Value}" : "-"))));

    [Fact]
    public void ChangesAreTheMatchesOfThePlainPattern()
    {
        var plain = new Regex(TargetTagger.ChangePattern);
        var found = 0;
        foreach (var t in Texts())
        {
            var expected = plain.Matches(t);
            found += expected.Count;
            Assert.Equal(Describe(expected), Describe(TargetTagger.Changes(t)));
        }
        Assert.True(found > 100, $"only {found} matches: the texts do not exercise the pattern");
    }

    [Fact]
    public void ContinuedCountsAreTheMatchesOfThePlainPattern()
    {
        var plain = new Regex(TargetTagger.CountContinuedPattern);
        var found = 0;
        foreach (var t in Texts())
        {
            var expected = plain.Matches(t);
            found += expected.Count;
            Assert.Equal(Describe(expected), Describe(TargetTagger.CountsContinued(t)));
        }
        Assert.True(found > 100, $"only {found} matches: the texts do not exercise the pattern");
    }

    [Fact]
    public void LexiconFindsTheLeftmostLongestTermsASubstringScanFinds()
    {
        var terms = Pieces.Where(p => p.Trim().Length > 0).Concat(["工业", "工业和信息化", "省工业", "钢", "（州）", "2015年"]).ToList();
        var lexicon = new Lexicon<string>();
        foreach (var t in terms)
            lexicon.Add(t, t);
        var keys = terms.Select(TextNorm.Brackets).ToHashSet();
        var maxLength = keys.Max(k => k.Length);

        foreach (var text in Texts())
        {
            // The algorithm the trie replaced: at each position the longest term that is a substring there.
            var norm = TextNorm.Brackets(text);
            var expected = new List<string>();
            for (var i = 0; i < norm.Length;)
            {
                var len = Enumerable.Range(1, Math.Min(maxLength, norm.Length - i)).Reverse().FirstOrDefault(l => keys.Contains(norm.Substring(i, l)));
                if (len == 0)
                {
                    i++;
                    continue;
                }
                expected.Add($"{i}+{len}:{text.Substring(i, len)}");
                i += len;
            }
            Assert.Equal(expected, lexicon.Scan(text).Select(h => $"{h.Start}+{h.Length}:{h.Term}"));
        }
    }
}
