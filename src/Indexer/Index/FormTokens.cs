using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace GreenPolicy.Index;

/// <summary>
/// The vocabulary's written forms of three or more Chinese characters (清洁能源产业, 地条钢), found in a clause's text
/// and heading at index time and written as one term each into a forms field beside the field (<see cref="Fields.FormsOf"/>).
/// A query that would search such a form as a phrase of its bigrams (QueryBuilder) reads that one term's postings
/// instead (<see cref="FormQuery"/>), scored exactly as the phrase: a concept searched in all its forms (光伏 →
/// 新能源, 风力发电, 太阳能发电 …) no longer checks positions for every form. The forms an index holds are written into its
/// commit (<see cref="CommitKey"/>): an index without them is searched with phrases, as before.
/// </summary>
public static class FormTokens
{
    /// <summary>The Lucene commit's user-data key under which the indexed forms are listed, one per line.</summary>
    public const string CommitKey = "forms";

    /// <summary>Forms shorter than this are one token already (a character or a bigram).</summary>
    public const int MinLength = 3;

    /// <summary>The names and aliases of <paramref name="vocabulary"/> worth a form token: Chinese characters only, at least <see cref="MinLength"/>.</summary>
    public static IReadOnlyList<string> Forms(QueryVocabulary vocabulary) =>
        vocabulary.Entries.SelectMany(e => e.Names()).Select(QueryUnderstanding.Fold)
            .Where(f => f.Length >= MinLength && f.All(QueryUnderstanding.IsHan))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The forms listed in an index's commit, empty for an index written without them.</summary>
    public static IReadOnlySet<string> Read(DirectoryReader reader) =>
        reader.IndexCommit.UserData.TryGetValue(CommitKey, out var list) && list.Length > 0
            ? list.Split('\n').ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The form a chain of bigram tokens at consecutive positions spells (电解, 解铝 → 电解铝): the first bigram and the
    /// last code point of each next one. Null when a bigram does not continue the one before it.
    /// </summary>
    internal static string? Spell(IReadOnlyList<string> bigrams)
    {
        var text = new System.Text.StringBuilder(bigrams[0]);
        for (var i = 1; i < bigrams.Count; i++)
        {
            if (!Continue(text, bigrams[i]))
            {
                return null;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// Appends <paramref name="bigram"/>'s second character to <paramref name="run"/> when its first character is the run's
    /// last (a character outside the BMP is two chars); false, and the run unchanged, otherwise.
    /// </summary>
    internal static bool Continue(System.Text.StringBuilder run, ReadOnlySpan<char> bigram)
    {
        var first = char.IsHighSurrogate(bigram[0]) && bigram.Length > 1 ? 2 : 1;
        if (run.Length < first)
        {
            return false;
        }
        for (var i = 0; i < first; i++)
        {
            if (run[run.Length - first + i] != bigram[i])
            {
                return false;
            }
        }
        run.Append(bigram[first..]);
        return true;
    }
}

/// <summary>Finds forms in a run of text, overlapping occurrences included (a character trie).</summary>
internal sealed class FormMatcher
{
    private sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public string? Form;
    }

    private readonly Node _root = new();

    public FormMatcher(IEnumerable<string> forms)
    {
        foreach (var form in forms)
        {
            var node = _root;
            foreach (var c in form)
            {
                node.Next ??= [];
                if (!node.Next.TryGetValue(c, out var next))
                {
                    node.Next[c] = next = new Node();
                }
                node = next;
            }
            node.Form = form;
        }
    }

    /// <summary>Adds every occurrence of every form in <paramref name="run"/> to <paramref name="found"/>.</summary>
    public void Find(ReadOnlySpan<char> run, List<string> found)
    {
        for (var start = 0; start < run.Length; start++)
        {
            var node = _root;
            for (var i = start; i < run.Length && node.Next is not null && node.Next.TryGetValue(run[i], out node); i++)
            {
                if (node.Form is not null)
                {
                    found.Add(node.Form);
                }
            }
        }
    }
}

/// <summary>
/// Reads the whole token stream of ChineseAnalyzer and gives out the forms its bigrams spell, one token per occurrence.
/// A form is found exactly where a phrase of its bigrams would match: within a chain of bigrams at consecutive
/// positions, which is one run of adjacent CJK characters (a punctuation mark or a Latin word ends it).
/// </summary>
internal sealed class FormFilter : TokenFilter
{
    private readonly FormMatcher _matcher;
    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;
    private readonly IPositionIncrementAttribute _posInc;
    private readonly List<string> _found = [];
    private readonly System.Text.StringBuilder _run = new();
    private int _next = -1;

    public FormFilter(TokenStream input, FormMatcher matcher)
        : base(input)
    {
        _matcher = matcher;
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _posInc = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        _found.Clear();
        _run.Clear();
        _next = -1;
    }

    public override bool IncrementToken()
    {
        if (_next < 0)
        {
            Collect();
            _next = 0;
        }
        if (_next >= _found.Count)
        {
            return false;
        }
        ClearAttributes();
        _term.SetEmpty().Append(_found[_next++]);
        return true;
    }

    private void Collect()
    {
        var position = -1;
        var lastBigram = int.MinValue;
        while (m_input.IncrementToken())
        {
            position += _posInc.PositionIncrement;
            if (_type.Type != CJKBigramFilter.DOUBLE_TYPE)
            {
                continue;
            }
            var bigram = _term.Buffer.AsSpan(0, _term.Length);
            if (position != lastBigram + 1 || !FormTokens.Continue(_run, bigram))
            {
                Flush();
                _run.Append(bigram);
            }
            lastBigram = position;
        }
        Flush();
    }

    private void Flush()
    {
        if (_run.Length >= FormTokens.MinLength)
        {
            _matcher.Find(_run.ToString(), _found);
        }
        _run.Clear();
    }
}

/// <summary>The index-time analyzer of the forms fields: ChineseAnalyzer's tokens, reduced to the forms they spell.</summary>
internal sealed class FormsAnalyzer(FormMatcher matcher) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        ChineseAnalyzer.Components(reader, stream => new FormFilter(stream, matcher));
}

/// <summary>
/// A phrase of a form's bigrams in <see cref="Field"/>, matched through the form's one term in the forms field: the same
/// documents, and the same scores — the phrase's statistics (its bigrams' idf, the field's length norms) with the
/// form's count in the document as the phrase frequency, as ExactPhraseScorer counts it.
/// </summary>
internal sealed class FormQuery : Query
{
    public FormQuery(string field, string form, IReadOnlyList<Term> bigrams)
    {
        Field = field;
        Form = form;
        Bigrams = bigrams;
    }

    public string Field { get; }
    public string Form { get; }
    public IReadOnlyList<Term> Bigrams { get; }

    public override Weight CreateWeight(IndexSearcher searcher) => new FormWeight(this, searcher);

    public override void ExtractTerms(ISet<Term> terms)
    {
        foreach (var t in Bigrams)
        {
            terms.Add(t);
        }
    }

    public override string ToString(string field) => $"{(field == Field ? "" : Field + ":")}\"{Form}\"{ToStringUtils.Boost(Boost)}";

    public override bool Equals(object? obj) =>
        obj is FormQuery other && Boost == other.Boost && Field == other.Field && Form == other.Form;

    public override int GetHashCode() => HashCode.Combine(Field, Form, Boost);

    private sealed class FormWeight : Weight
    {
        private readonly FormQuery _query;
        private readonly Similarity _similarity;
        private readonly Similarity.SimWeight _stats;

        public FormWeight(FormQuery query, IndexSearcher searcher)
        {
            _query = query;
            _similarity = searcher.Similarity;
            // As PhraseQuery's weight: the text field's statistics and each bigram's, so the idf is the phrase's.
            var top = searcher.TopReaderContext;
            var termStats = query.Bigrams.Select(t => searcher.TermStatistics(t, TermContext.Build(top, t))).ToArray();
            _stats = _similarity.ComputeWeight(query.Boost, searcher.CollectionStatistics(query.Field), termStats);
        }

        public override Query Query => _query;

        public override float GetValueForNormalization() => _stats.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => _stats.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            var terms = context.AtomicReader.GetTerms(Fields.FormsOf(_query.Field))?.GetEnumerator();
            if (terms is null || !terms.SeekExact(new BytesRef(_query.Form)))
            {
                return null;
            }
            var docs = terms.Docs(acceptDocs, null, DocsFlags.FREQS);
            return new FormScorer(this, docs, _similarity.GetSimScorer(_stats, context));
        }

        public override Explanation Explain(AtomicReaderContext context, int doc)
        {
            if (GetScorer(context, context.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(doc) == doc)
            {
                var freq = scorer.Freq;
                var result = new ComplexExplanation { Description = $"weight({_query} in {doc}), result of:" };
                var score = _similarity.GetSimScorer(_stats, context)
                    .Explain(doc, new Explanation(freq, $"phraseFreq={freq}"));
                result.AddDetail(score);
                result.Value = score.Value;
                result.Match = true;
                return result;
            }
            return new ComplexExplanation(false, 0f, "no matching form");
        }
    }

    private sealed class FormScorer(Weight weight, DocsEnum docs, Similarity.SimScorer scorer) : Scorer(weight)
    {
        public override int DocID => docs.DocID;

        public override int Freq => docs.Freq;

        public override float GetScore() => scorer.Score(docs.DocID, docs.Freq);

        public override int NextDoc() => docs.NextDoc();

        public override int Advance(int target) => docs.Advance(target);

        public override long GetCost() => docs.GetCost();
    }
}
