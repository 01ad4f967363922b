using CsCheck;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Index;
using GreenPolicy.Indexer.Tests.Search;
using GreenPolicy.Search;

namespace GreenPolicy.Indexer.Tests.Reliability;

/// <summary>
/// Hostile strings thrown at everything that reads what a person types: the query understanding and the
/// search behind it, the citation parser, document-number normalisation. None may throw; each answer is
/// bounded; normal forms are fixed points.
/// </summary>
public sealed class PropertyTests : IDisposable
{
    private readonly LuceneStore store = SmallIndex.Open();

    public void Dispose() => store.Dispose();

    // What people (and robots) actually send: CJK, Lucene operators, brackets of every width, digits in
    // both widths, controls, NUL, lone surrogates, emoji (a surrogate pair), RTL marks, Cyrillic.
    private static readonly char[] Alphabet =
        ("钢铁电解铝有色金属节能降碳贵州四川禁止鼓励负责工信部规〔〕[]【】（）()《》第一二三十章节条段项专栏号年 " +
         "*?:~^\"\\+-!&|{}/AND OR NOT text 0123456789０１２３\u0000\u0001\u001f\u007f\u200f\u202e\uFFFD\uFEFF" +
         "\uD800\uDC00ЖщابαΩ").ToCharArray();

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,                                            // anything at all
        Gen.String[Gen.OneOf(Alphabet), 0, 80],                // mostly meaningful pieces
        Gen.String[Gen.OneOf(Alphabet), 180, 400],             // longer than the query limit
        Gen.Select(Gen.String[Gen.OneOf(Alphabet), 0, 10], Gen.OneOf("*", "?*", "*:*", "电*", "\"", "(", "😀")).Select(t => t.Item1 + t.Item2));

    [Fact]
    public void Query_understanding_never_throws_and_stays_bounded()
    {
        var understanding = new QueryUnderstanding(new VocabularyIndex(SmallIndex.Vocabulary), SmallIndex.Documents().Select(d => d.Meta));
        Hostile.Sample(q =>
        {
            var plan = understanding.Understand(q);
            Assert.InRange(plan.Concepts.Count + plan.Optional.Count, 0, QueryUnderstanding.MaxConcepts * 2);
            Assert.All(plan.Concepts.Concat(plan.Optional), c => Assert.InRange(c.Surface.Length, 1, QueryUnderstanding.MaxQueryLength));
        }, iter: 2_000);
    }

    [Fact]
    public void Search_never_throws_and_never_returns_more_than_a_page_or_raw_markup()
    {
        Gen.Select(Hostile, Gen.Int[-5, 1_000_000], Gen.Int[-5, 1_000_000]).Sample((q, page, size) =>
        {
            var result = store.Search(new SearchRequest { Q = q, Page = page, Size = size });
            Assert.InRange(result.Hits.Count, 0, SearchLimits.MaxPageSize);
            Assert.All(result.Hits, h =>
            {
                Assert.DoesNotContain("<script", h.Snippet, StringComparison.OrdinalIgnoreCase);
                // Only the highlighter's own <mark> tags are markup in a snippet.
                Assert.Empty(System.Text.RegularExpressions.Regex.Matches(h.Snippet, "<(?!/?mark>)"));
            });
        }, iter: 300);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("?*")]
    [InlineData("*:*")]
    [InlineData("**")]
    public void Wildcards_never_expand_to_every_clause(string q)
    {
        var everything = store.Search(new SearchRequest { Size = 1 }).Total;
        Assert.True(everything > 1);
        Assert.True(store.Search(new SearchRequest { Q = q }).Total < everything, $"{q} matched all {everything} clauses");
    }

    [Fact]
    public void A_trailing_star_is_not_a_prefix_query()
    {
        // 电* must not become "every term starting with 电" (a term expansion over the whole index);
        // at most it finds what 电 alone finds.
        Assert.True(store.Search(new SearchRequest { Q = "电*" }).Total <= store.Search(new SearchRequest { Q = "电" }).Total);
    }

    [Fact]
    public void Citation_parser_never_throws_and_its_spans_stay_inside_the_input()
    {
        Hostile.Sample(s =>
        {
            var parsed = CitationParser.Parse(s);
            foreach (var span in new[] { parsed.TitleSpan, parsed.DocNumberSpan, parsed.Locator?.Span })
            {
                if (span is { } sp)
                {
                    Assert.InRange(sp.Start, 0, s.Length);
                    Assert.InRange(sp.Start + sp.Length, sp.Start, s.Length);
                }
            }
            foreach (var m in CitationParser.FindInText(s))
            {
                Assert.InRange(m.Span.Start + m.Span.Length, m.Span.Start, s.Length);
            }
        }, iter: 3_000);
    }

    // A locator prints in its canonical form, and that form reads back after a title. It need not read back alone: a
    // locator that is only a heading (《》主要目标 → 主要目标) is, on its own, indistinguishable from a title.
    [Fact]
    public void A_parsed_locator_reads_back_after_a_title()
    {
        Hostile.Sample(s =>
        {
            if (CitationParser.Parse(s).Locator is { } locator)
            {
                var again = CitationParser.Parse("《标题》" + locator).Locator;
                Assert.NotNull(again);
                Assert.Equal(locator.ToString(), again!.ToString());
                if (locator.Steps.All(st => st.Kind != LocatorStepKind.Heading))
                    Assert.Equal(locator.ToString(), CitationParser.Parse(locator.ToString()).Locator?.ToString());
            }
        }, iter: 3_000);
    }

    [Fact]
    public void Document_number_normalisation_never_throws_and_is_idempotent()
    {
        var numbers = Gen.Select(Gen.String[Gen.Char['\u4e00', '\u9fa5'], 1, 6], Gen.Int[1949, 2100], Gen.Int[0, 9999],
            Gen.OneOf("〔{0}〕", "[{0}]", "【{0}】", "（{0}）", "({0})", "﹝{0}﹞", "{0}年"), Gen.OneOf("", " ", "　", "\u0000", "😀"))
            .Select(t => t.Item1 + string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Item4, t.Item2) + t.Item3 + "号" + t.Item5);
        Gen.OneOf(Hostile, numbers).Sample(s =>
        {
            var normal = DocNumber.TryNormalize(s);
            if (normal is not null)
            {
                Assert.Equal(normal, DocNumber.TryNormalize(normal));
                Assert.DoesNotContain('\0', normal);
            }
            Assert.All(DocNumber.FindAll(s), m => Assert.InRange(m.Span.Start + m.Span.Length, 0, s.Length));
        }, iter: 3_000);
    }
}
