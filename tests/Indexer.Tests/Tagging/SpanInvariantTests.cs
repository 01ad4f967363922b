using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>Over the whole corpus: every tag's span points at the text that produced it, and every tag names its rule.</summary>
public class SpanInvariantTests
{
    [Fact]
    public void SpansPointAtTheirEvidence()
    {
        var problems = new List<string>();
        foreach (var doc in CorpusDocuments.All)
        {
            foreach (var c in DocumentTagger.Tag(doc, TaggingTestData.Taxonomies).Clauses)
            {
                string At(TextSpan s) => s.Start >= 0 && s.End <= c.Text.Length ? c.Text.Substring(s.Start, s.Length) : $"<out of range {s}>";
                foreach (var d in c.Departments.Where(d => d.Span is not null))
                {
                    // a shared head noun's span is the item ("发展改革" of "…、发展改革、…等主管部门")
                    if (!d.Name.StartsWith(At(d.Span!.Value), StringComparison.Ordinal))
                        problems.Add($"{c.Id}: department {d.Name} at '{At(d.Span.Value)}'");
                }
                foreach (var i in c.Industries.Where(i => i.Span.Length == 0 || !i.Rule.EndsWith(At(i.Span), StringComparison.Ordinal)))
                    problems.Add($"{c.Id}: industry {i.Name} at '{At(i.Span)}' rule {i.Rule}");
                foreach (var y in c.YearTags.Where(y => y.Span.Length > 0 && At(y.Span) != y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    problems.Add($"{c.Id}: year {y.Year} at '{At(y.Span)}'");
                foreach (var m in c.ModalityTags.Where(m => m.Span.Length > 0 && !m.Rule.EndsWith(At(m.Span), StringComparison.Ordinal)))
                    problems.Add($"{c.Id}: modality {m.Modality} at '{At(m.Span)}'");
                foreach (var l in c.Topics.Concat(c.Places).Where(l => l.Span.Length == 0 || !l.Rule.EndsWith(At(l.Span), StringComparison.Ordinal)))
                    problems.Add($"{c.Id}: label {l.Name} at '{At(l.Span)}'");
                foreach (var t in c.Targets.Where(t => t.Span.End > c.Text.Length || string.IsNullOrEmpty(t.Rule)))
                    problems.Add($"{c.Id}: target {t.Metric} span {t.Span}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }
}
