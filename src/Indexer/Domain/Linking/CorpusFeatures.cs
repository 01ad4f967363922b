using System.Runtime.InteropServices;

namespace GreenPolicy.Domain.Linking;

/// <summary>
/// The clauses of the corpus numbered document by document: all that the linked documents need for evidence once
/// linking is done, so that the scoring features in <see cref="CorpusFeatures"/> can be dropped before the writer runs.
/// A clause's text is read from <see cref="IClauseTexts"/> (a build keeps the texts in a file), its id made from its
/// document's id and its eId, and its content string (<see cref="TextFeatures.Content(string)"/>) from its text, each
/// time they are asked for: held for every clause, at 10,000 documents the texts were ~360 MB, the ids ~100 MB and the
/// content strings ~330 MB, from the features to the end of the write.
/// </summary>
internal sealed class ClauseTable
{
    public readonly IReadOnlyList<LinkDocument> Docs;
    public readonly int[] DocOf;
    public readonly LinkClause[] Clauses;
    /// <summary>Length of each clause's content string.</summary>
    public readonly int[] ContentLength;
    private readonly int[] _docStart;
    private readonly IClauseTexts _texts;

    public ClauseTable(IReadOnlyList<LinkDocument> docs, IClauseTexts texts)
    {
        Docs = docs;
        _docStart = new int[docs.Count + 1];
        for (var d = 0; d < docs.Count; d++) _docStart[d + 1] = _docStart[d] + docs[d].Clauses.Count;
        var n = _docStart[^1];
        if (texts.Count != n) throw new ArgumentException($"{texts.Count} clause texts for {n} clauses", nameof(texts));
        _texts = texts;
        DocOf = new int[n];
        Clauses = new LinkClause[n];
        ContentLength = new int[n];
        for (var d = 0; d < docs.Count; d++)
            for (var k = 0; k < docs[d].Clauses.Count; k++)
            {
                var i = _docStart[d] + k;
                DocOf[i] = d;
                Clauses[i] = docs[d].Clauses[k];
            }
        Parallel.For(0, n, i => ContentLength[i] = TextFeatures.ContentLength(Text(i)));
    }

    public int Count => Clauses.Length;

    public int Index(int doc, int clause) => _docStart[doc] + clause;

    public string Level(int i) => Docs[DocOf[i]].Meta.Level;

    public string Text(int i) => _texts[i];

    public string Id(int i) => Clause.IdOf(Docs[DocOf[i]].Meta.Id, Clauses[i].EId);

    public string Content(int i) => TextFeatures.Content(Text(i));

    public bool Linkable(int i, LinkerOptions o) => ContentLength[i] >= o.MinContentChars;
}

/// <summary>
/// Per-clause bigram features and corpus statistics (document frequencies) shared by candidate finding and scoring.
/// Every distinct n-gram gets an id in ascending order of its packed key, so a clause holds its n-grams as sorted
/// ids — half the size of the keys, and a sorted merge of ids meets exactly the n-grams a merge of keys met — and
/// idf and document frequency are held once per n-gram instead of once per clause holding it. The 4-gram features,
/// which only scoring reads, are <see cref="CopyFeatures"/>, made once the candidates are found.
/// </summary>
internal sealed class CorpusFeatures
{
    public readonly ClauseTable Table;
    public readonly IdLists Bigrams;       // ids of the clause's 2-grams, ascending
    public readonly float[] BigramIdfs;    // idf of each bigram id (float: half the memory)
    public readonly int[] BigramDf;        // document frequency (in clauses) of each bigram id
    public readonly ulong[] BigramKeys;    // the packed characters of each bigram id
    public readonly double[] BigramNorm;    // √Σ idf² of the clause's bigrams
    /// <summary>Bigrams that are not <see cref="Informative"/> (发展, 加强, 推进), sorted: the evidence's filter.</summary>
    public readonly ulong[] BoilerplateBigrams;
    private readonly double _boilerplateDf;

    public CorpusFeatures(IReadOnlyList<LinkDocument> docs, IClauseTexts texts, LinkerOptions o)
    {
        Table = new ClauseTable(docs, texts);
        var n = Count;
        _boilerplateDf = Math.Max(2, o.BoilerplateShare * n);
        BigramKeys = Number(n, i => TextFeatures.NGramKeys(Content(i), 2), out Bigrams, out BigramDf);
        BigramIdfs = Array.ConvertAll(BigramDf, df => (float)Idf(df));
        BigramNorm = new double[n];
        Parallel.For(0, n, i =>
        {
            double norm = 0;
            for (var r = Bigrams[i]; r.Next(out var id);) norm += (double)BigramIdfs[id] * BigramIdfs[id];
            BigramNorm[i] = Math.Sqrt(norm);
        });
        BoilerplateBigrams = BigramKeys.Where((_, id) => !Informative(id)).ToArray();
    }

    public int Count => Table.Count;
    public int[] DocOf => Table.DocOf;
    public LinkClause[] Clauses => Table.Clauses;
    public int[] ContentLength => Table.ContentLength;
    public string Text(int i) => Table.Text(i);

    public string Content(int i) => Table.Content(i);
    public string Level(int i) => Table.Level(i);
    public bool Linkable(int i, LinkerOptions o) => Table.Linkable(i, o);

    public double BigramIdf(int id) => Idf(BigramDf[id]);

    /// <summary>A bigram found in more than BoilerplateShare of all clauses does not count as shared wording.</summary>
    public bool Informative(int bigram) => BigramDf[bigram] <= _boilerplateDf;

    // log(N/df): an n-gram found in every clause weighs nothing; one found in a single clause weighs most.
    public double Idf(int df) => Math.Log((double)Count / df);

    /// <summary>
    /// Numbers the distinct keys of all clauses in ascending order: <paramref name="keysOf"/>(i) are clause i's keys in
    /// any order, repeats allowed; <paramref name="ids"/> are each clause's distinct keys as sorted ids, <paramref name="df"/>
    /// the number of clauses holding each id; returns the keys by id. The keys are made twice, a block of clauses at a
    /// time on every core: once to count them in a dictionary of the distinct ones (a few million at a million clauses),
    /// once to look their ids up in the same dictionary. Holding every clause's keys between the two (~200 million keys,
    /// 1.6 GB at a million clauses) cost more than making them. Neither pass sorts keys: the count remembers the last
    /// clause that counted a key, and a clause's ids are sorted as ints (at 10,000 documents this halved the time of
    /// sorting each clause's keys twice and looking each up by binary search among the sorted distinct ones).
    /// </summary>
    public static ulong[] Number(int n, Func<int, ulong[]> keysOf, out IdLists ids, out int[] df)
    {
        var entries = new Dictionary<ulong, KeyEntry>();
        Blocks.InOrder(n, keysOf, (clause, keys) =>
        {
            foreach (var key in keys)
            {
                ref var e = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, key, out var exists);
                if (!exists || e.Tag != clause)
                {
                    e.Df++;
                    e.Tag = clause;
                }
            }
        });
        var sorted = entries.Keys.ToArray();
        Array.Sort(sorted);
        df = new int[sorted.Length];
        for (var id = 0; id < sorted.Length; id++)
        {
            ref var e = ref CollectionsMarshal.GetValueRefOrNullRef(entries, sorted[id]);
            df[id] = e.Df;
            e.Tag = id;
        }
        var clauseIds = new IdLists();
        // Read on every core, written by none: a Dictionary supports concurrent readers.
        Blocks.InOrder(n, i =>
        {
            var keys = keysOf(i);
            var list = new int[keys.Length];
            for (var k = 0; k < keys.Length; k++) list[k] = CollectionsMarshal.GetValueRefOrNullRef(entries, keys[k]).Tag;
            Array.Sort(list);
            var distinct = list.Length == 0 ? 0 : 1;
            for (var k = 1; k < list.Length; k++)
                if (list[k] != list[distinct - 1]) list[distinct++] = list[k];
            return distinct == list.Length ? list : list[..distinct];
        }, (_, clause) => clauseIds.Add(clause));
        clauseIds.Trim();
        ids = clauseIds;
        return sorted;
    }

    /// <summary>
    /// A distinct key while numbering: the clauses holding it, and its tag — while counting, the last clause that
    /// counted it (so that a clause repeating a key counts it once); once numbered, its id.
    /// </summary>
    private struct KeyEntry
    {
        public int Df;
        public int Tag;
    }
}

/// <summary>
/// The 4-gram features that scoring reads and candidate finding does not: each clause's 4-gram ids and their weight,
/// and which of them each of its sentences long enough to count as copied holds. Made after the candidates are found,
/// so that they (~0.33 GB at 10,000 documents) are not held beside the MinHash bucket table.
/// </summary>
internal sealed class CopyFeatures
{
    public readonly IdLists Shingles;      // ids of the clause's 4-grams, ascending
    public readonly float[] ShingleIdfs;   // idf of each 4-gram id (float: half the memory)
    public readonly double[] ShingleWeight; // Σ idf of the clause's 4-grams
    /// <summary>
    /// Sentences long enough to count as copied, longest first: clause i's are <c>SentenceStart[i]..SentenceStart[i + 1]</c>,
    /// each with its content length, the number of its distinct 4-grams, and which of its clause's 4-grams it holds:
    /// one bit per position in the clause's ascending 4-gram ids, in words <c>SentenceBitsAt[s]..SentenceBitsAt[s + 1]</c>
    /// of <see cref="SentenceBits"/>. A sentence's content is a run of its clause's, so it holds none but its clause's
    /// 4-grams (a 4-gram found nowhere else counts in <see cref="SentenceGrams"/> and is never shared). As 4-gram ids the
    /// sentences took 259 MB at 10,000 documents, as much as their clauses' ids; as bits ~3 words a sentence.
    /// </summary>
    public readonly int[] SentenceStart;
    public readonly int[] SentenceLength;
    public readonly int[] SentenceGrams;
    public readonly int[] SentenceBitsAt;
    public readonly ulong[] SentenceBits;

    public CopyFeatures(CorpusFeatures c, LinkerOptions o)
    {
        var n = c.Count;
        CorpusFeatures.Number(n, i => TextFeatures.NGramKeys(c.Content(i), 4), out Shingles, out var shingleDf);
        ShingleIdfs = Array.ConvertAll(shingleDf, df => (float)c.Idf(df));
        ShingleWeight = new double[n];
        Parallel.For(0, n, i =>
        {
            double weight = 0;
            for (var r = Shingles[i]; r.Next(out var id);) weight += ShingleIdfs[id];
            ShingleWeight[i] = weight;
        });

        SentenceStart = new int[n + 1];
        var lengths = new List<int>();
        var grams = new List<int>();
        var bitsAt = new List<int> { 0 };
        var bits = new List<ulong>();
        Blocks.InOrder(n, i => SentencesOf(c, i, o), (i, sentences) =>
        {
            foreach (var (length, count, words) in sentences)
            {
                lengths.Add(length);
                grams.Add(count);
                bits.AddRange(words);
                bitsAt.Add(bits.Count);
            }
            SentenceStart[i + 1] = lengths.Count;
        });
        SentenceLength = [.. lengths];
        SentenceGrams = [.. grams];
        SentenceBitsAt = [.. bitsAt];
        SentenceBits = [.. bits];
    }

    /// <summary>Clause <paramref name="i"/>'s sentences long enough to count as copied, longest first (see <see cref="SentenceBits"/>).</summary>
    private static (int Length, int Grams, ulong[] Bits)[] SentencesOf(CorpusFeatures c, int i, LinkerOptions o)
    {
        var sentences = TextFeatures.Sentences(c.Text(i)).Where(s => s.Length >= o.CopiedSentenceChars).ToList();
        if (sentences.Count == 0) return [];
        var clause = TextFeatures.Shingles(c.Content(i), 4);
        return [.. sentences.Select(s =>
        {
            var keys = TextFeatures.Shingles(s, 4);
            var words = new ulong[Words(clause.Length)];
            foreach (var key in keys)
                if (Array.BinarySearch(clause, key) is var at and >= 0) words[at >> 6] |= 1UL << at;
            return (Length: s.Length, Grams: keys.Length, Bits: words);
        }).OrderByDescending(s => s.Length)];
    }

    /// <summary>The words of a sentence's bits when its clause holds <paramref name="grams"/> distinct 4-grams.</summary>
    public static int Words(int grams) => (grams + 63) >> 6;
}
