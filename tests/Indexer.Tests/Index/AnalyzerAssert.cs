using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GreenPolicy.Indexer.Tests.Index;

/// <summary>Lucene's AssertAnalyzesTo, hand-written: every token with its offsets and position increment.</summary>
internal static class AnalyzerAssert
{
    public sealed record Tok(string Term, int Start, int End, int PosInc = 1);

    public static IReadOnlyList<Tok> Analyze(Analyzer analyzer, string text)
    {
        var result = new List<Tok>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(new Tok(term.ToString(), offset.StartOffset, offset.EndOffset, posInc.PositionIncrement));
        }
        stream.End();
        return result;
    }

    public static void AnalyzesTo(Analyzer analyzer, string text, params Tok[] expected)
    {
        var actual = Analyze(analyzer, text);
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"token {i}: expected {expected[i]}, got {actual[i]} (all: {string.Join(" ", actual)})");
            // The offsets must cut the original text exactly where the token came from (after width folding).
            Assert.True(actual[i].End <= text.Length);
        }
    }
}
