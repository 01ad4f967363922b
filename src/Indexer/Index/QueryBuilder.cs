using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GreenPolicy.Index;

/// <summary>
/// Builds Lucene queries from a <see cref="QueryPlan"/>, programmatically (never through a query
/// parser). A Chinese word is a phrase of its bigrams (电解铝 → "电解 解铝", so 电解水…铝 does not match),
/// a single character its unigram (汞).
/// </summary>
public sealed class QueryBuilder
{
    private readonly Analyzer analyzer;
    private readonly IReadOnlySet<string> indexedForms;

    /// <param name="indexedForms">The forms the index holds form tokens for (<see cref="FormTokens.Read"/>): such a form is
    /// searched through its one term (<see cref="FormQuery"/>), any other as a phrase.</param>
    public QueryBuilder(Analyzer analyzer, IReadOnlySet<string>? indexedForms = null)
    {
        this.analyzer = analyzer;
        this.indexedForms = indexedForms ?? new HashSet<string>();
    }

    // Field weights: a heading (topic sentence) or a tag says what the clause is about; a passing
    // mention in the text counts less. The enclosing headings are not searched (nor indexed): on the dev
    // queries they added nothing (0.922 → 0.924 without) and cost a phrase scorer per form.
    public float TextWeight { get; init; } = 1.0f;
    public float HeadingWeight { get; init; } = 1.5f;
    public float TagsWeight { get; init; } = 1.0f;
    public float TagTermWeight { get; init; } = 2.0f;
    /// <summary>Extra weight when the clause is specifically about the industry (see <see cref="Fields.IndustryFocus"/>).</summary>
    public float FocusWeight { get; init; } = 3.0f;
    public float OptionalWeight { get; init; } = 0.3f;
    /// <summary>The form the user typed, over the other forms of its concept (see ConceptQuery).</summary>
    public float LiteralWeight { get; init; } = 1.0f;
    public float LooseWeight { get; init; } = 0.4f;
    public float AlternativesTieBreaker { get; init; } = 0.1f;

    /// <summary>The scored query, or null when the plan asks for nothing searchable.</summary>
    public Query? Build(QueryPlan plan)
    {
        var conceptQueries = plan.Concepts.Select(ConceptQuery).Where(q => q is not null).Cast<Query>().ToList();
        var optionalQueries = plan.Optional.Select(ConceptQuery).Where(q => q is not null).Cast<Query>().ToList();
        var boostQueries = plan.Boosts.Select(b => Constant(new TermQuery(new Term(b.Field, b.Value)), b.Weight)).ToList();

        var top = new BooleanQuery(disableCoord: true);
        if (conceptQueries.Count > 0)
        {
            // At least one concept must match; coordination (PolicySimilarity) ranks those matching
            // all first: the best results when not all can.
            var any = new BooleanQuery(disableCoord: false);
            foreach (var q in conceptQueries)
            {
                any.Add(q, Occur.SHOULD);
            }
            top.Add(any, Occur.MUST);
            foreach (var q in optionalQueries)
            {
                q.Boost *= OptionalWeight;
                top.Add(q, Occur.SHOULD);
            }
            foreach (var q in plan.Concepts.Select(CompoundWords).OfType<Query>())
            {
                top.Add(q, Occur.SHOULD);
            }
            // The plan's boosts multiply the score (see SearchCollector): 贵州 doubles a Guizhou clause's
            // score whatever the scale of the text scores.
        }
        else if (optionalQueries.Count + boostQueries.Count > 0)
        {
            // Only a place, a document, a modality (贵州, 禁止): they become what is searched for.
            var any = new BooleanQuery(disableCoord: true);
            foreach (var q in optionalQueries.Concat(boostQueries))
            {
                any.Add(q, Occur.SHOULD);
            }
            top.Add(any, Occur.MUST);
        }
        else
        {
            return null;
        }
        foreach (var concept in plan.Excluded)
        {
            if (ConceptQuery(concept) is { } q)
            {
                top.Add(q, Occur.MUST_NOT);
            }
        }
        return top;
    }

    /// <summary>
    /// A looser query to fill a short result list ("best results when not all can"): each concept's
    /// bigrams, any one of which may match (磷石膏 → 石膏 finds 工业副产石膏), and the topics of the best
    /// strict hits (pseudo-relevance feedback over tags). Null when there is nothing looser to ask, as when every
    /// concept is a "quoted phrase": the person asked for those words exactly.
    /// </summary>
    public Query? BuildRelaxed(QueryPlan plan, IReadOnlyList<TagTerm> feedbackTags)
    {
        if (plan.Concepts.All(c => c.Exact))
        {
            return null;
        }
        var any = new BooleanQuery(disableCoord: true);
        foreach (var concept in plan.Concepts.Where(c => !c.Exact))
        {
            // Chinese compounds name their category last: 磷石膏 is a kind of 石膏, 产能置换 a kind of 置换.
            // The trailing bigram of each form is its broader term; 电解铝 relaxes to 解铝, which still
            // never matches 电解水…铝.
            foreach (var head in concept.Alternatives.Select(HeadBigram).Where(h => h is not null).Distinct())
            {
                any.Add(new TermQuery(new Term(Fields.Text, head)), Occur.SHOULD);
            }
            if (concept.Loose && Bigrams(concept.Surface).Distinct().ToList() is { Count: >= 3 } bigrams)
            {
                // A long run from a question: any two of its bigrams (重点区域 … 错峰 from 重点区域秋冬季错峰生产).
                foreach (var field in new[] { Fields.Text, Fields.Heading })
                {
                    var bag = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 2 };
                    foreach (var b in bigrams)
                    {
                        bag.Add(new TermQuery(new Term(field, b)), Occur.SHOULD);
                    }
                    if (field == Fields.Heading)
                    {
                        bag.Boost = HeadingWeight;
                    }
                    any.Add(bag, Occur.SHOULD);
                }
            }
        }
        foreach (var tag in feedbackTags)
        {
            any.Add(Constant(new TermQuery(new Term(tag.Field, tag.Value)), FeedbackWeight), Occur.SHOULD);
        }
        if (any.Clauses.Count == 0)
        {
            return null;
        }
        var top = new BooleanQuery(disableCoord: true) { { any, Occur.MUST } };
        foreach (var concept in plan.Excluded)
        {
            if (ConceptQuery(concept) is { } q)
            {
                top.Add(q, Occur.MUST_NOT);
            }
        }
        return top;
    }

    public float FeedbackWeight { get; init; } = 1.0f;

    private string? HeadBigram(string form)
    {
        var bigrams = Bigrams(form);
        return bigrams.Count >= 2 ? bigrams[^1] : null;
    }

    /// <summary>The concept in any of its written forms, in any text field, or as a tag.</summary>
    public Query? ConceptQuery(QueryConcept concept)
    {
        var q = new BooleanQuery(disableCoord: true);
        // The ways of writing one concept are alternatives, not evidence that adds up: 钢铁 written as
        // 钢铁 and as 炼钢 in one clause is still one concept (the best form counts, the others a little).
        var forms = new DisjunctionMaxQuery(AlternativesTieBreaker);
        foreach (var alternative in Prune(concept.Alternatives))
        {
            var form = new BooleanQuery(disableCoord: true);
            AddField(form, Fields.Text, alternative, TextWeight);
            AddField(form, Fields.Heading, alternative, HeadingWeight);
            if (form.Clauses.Count > 0)
            {
                forms.Add(form);
            }
        }
        if (forms.Disjuncts.Count > 0)
        {
            q.Add(forms, Occur.SHOULD);
        }
        if (concept.IsAliasForm)
        {
            // A form other than the tag's name is the user's own choice: 地条钢 is one of 钢铁's forms, but a
            // search for 地条钢 wants the clauses that say 地条钢 above every other steel clause. (Typing the
            // name itself, 有色金属, still finds 有色 clauses on an equal footing.)
            AddField(q, Fields.Text, concept.Surface, LiteralWeight);
        }
        if (!concept.Exact && concept.Tags.Count == 0)
        {
            // Words that are no tag themselves may still name one (铝 in 电解铝's tag names).
            AddField(q, Fields.Tags, concept.Surface, TagsWeight);
        }
        foreach (var tag in concept.Tags)
        {
            q.Add(Constant(new TermQuery(new Term(tag.Field, tag.Value)), TagTermWeight), Occur.SHOULD);
            if (tag.Field == Fields.Industry)
            {
                q.Add(Constant(new TermQuery(new Term(Fields.IndustryFocus, tag.Value)), FocusWeight), Occur.SHOULD);
            }
        }
        if (concept.Loose && Bigrams(concept.Surface) is { Count: >= 3 } bigrams)
        {
            // A long run from a question (秋冬季错峰生产涉及) rarely occurs verbatim: let most of its bigrams do.
            var bag = new BooleanQuery(disableCoord: true) { Boost = LooseWeight };
            foreach (var b in bigrams.Distinct())
            {
                bag.Add(new TermQuery(new Term(Fields.Text, b)), Occur.SHOULD);
            }
            bag.MinimumNumberShouldMatch = Math.Max(2, (int)Math.Ceiling(bigrams.Count * 0.5));
            q.Add(bag, Occur.SHOULD);
        }
        return q.Clauses.Count == 0 ? null : q;
    }

    /// <summary>
    /// A four-character run no dictionary knows is mostly two words (产能置换 = 产能 + 置换), and a clause saying
    /// either names the matter: it raises the 钢铁 clauses about 产能 among the hits for 钢铁 产能置换. The loose
    /// concept itself counts the bigram across the words (能置), which is no word. This only ranks (a SHOULD beside
    /// the concepts that must match): matching either word made 错峰生产 find every clause that says 生产.
    /// </summary>
    private Query? CompoundWords(QueryConcept concept)
    {
        if (!concept.Loose || Bigrams(concept.Surface) is not { Count: 3 } bigrams)
        {
            return null;
        }
        var words = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(Fields.Text, bigrams[0])), Occur.SHOULD },
            { new TermQuery(new Term(Fields.Text, bigrams[2])), Occur.SHOULD },
        };
        words.Boost = LooseWeight;
        return words;
    }

    /// <summary>
    /// Drops a form that contains another form: every clause matching 有色金属 also matches 有色, and
    /// one concept is scored by its best form anyway. Fewer phrase scorers keep a query fast at scale.
    /// </summary>
    /// Only Chinese forms are pruned: VOC is inside VOCs as characters but not as a word.
    internal static IReadOnlyList<string> Prune(IReadOnlyList<string> forms) =>
        forms.Where(f => !forms.Any(o => o.Length < f.Length && o.Length > 0 && o.All(QueryUnderstanding.IsHan) && f.Contains(o, StringComparison.Ordinal)))
            .Distinct().ToList();

    private void AddField(BooleanQuery q, string field, string text, float weight)
    {
        if (weight <= 0f)
        {
            return;
        }
        if (PhraseOf(field, text) is { } phrase)
        {
            phrase.Boost = weight;
            q.Add(phrase, Occur.SHOULD);
        }
    }

    /// <summary>
    /// The analysed form of <paramref name="text"/> as one query: a term when it is one token, else a
    /// phrase of bigrams (and of Latin words / numbers) at their positions; unigrams covered by a bigram are dropped.
    /// A phrase of a form the index holds form tokens for is that form's term, scored as the phrase (<see cref="FormQuery"/>).
    /// </summary>
    public Query? PhraseOf(string field, string text)
    {
        var tokens = new List<(string Term, int Position, string Type)>();
        using (var stream = analyzer.GetTokenStream(field, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var posInc = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += posInc.PositionIncrement;
                tokens.Add((term.ToString(), position, type.Type));
                if (tokens.Count > 64)
                {
                    break;
                }
            }
            stream.End();
        }
        var covered = tokens.Where(t => t.Type == CJKBigramFilter.DOUBLE_TYPE).SelectMany(t => new[] { t.Position, t.Position + 1 }).ToHashSet();
        var kept = tokens.Where(t => t.Type != CJKBigramFilter.SINGLE_TYPE || !covered.Contains(t.Position)).ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        if (kept.Count == 1)
        {
            return new TermQuery(new Term(field, kept[0].Term));
        }
        if ((field == Fields.Text || field == Fields.Heading) && kept.All(t => t.Type == CJKBigramFilter.DOUBLE_TYPE)
            && kept.Zip(kept.Skip(1)).All(p => p.Second.Position == p.First.Position + 1)
            && FormTokens.Spell(kept.Select(t => t.Term).ToList()) is { } form && indexedForms.Contains(form))
        {
            return new FormQuery(field, form, kept.Select(t => new Term(field, t.Term)).ToList());
        }
        var phrase = new PhraseQuery();
        var first = kept[0].Position;
        foreach (var t in kept)
        {
            phrase.Add(new Term(field, t.Term), t.Position - first);
        }
        return phrase;
    }

    private List<string> Bigrams(string text)
    {
        var result = new List<string>();
        using var stream = analyzer.GetTokenStream(Fields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && result.Count < 32)
        {
            if (type.Type == CJKBigramFilter.DOUBLE_TYPE)
            {
                result.Add(term.ToString());
            }
        }
        stream.End();
        return result;
    }

    private static Query Constant(Query q, float weight) => new ConstantScoreQuery(q) { Boost = weight };
}
