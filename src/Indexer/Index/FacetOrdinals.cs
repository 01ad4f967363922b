using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GreenPolicy.Index;

/// <summary>
/// A segment's facet ordinals copied once into plain arrays, so counting a hit is array indexing instead
/// of decoding doc values for every hit and dimension. All dimensions share one ordinal space (dimension
/// d owns ordinals [DimensionStart(d), DimensionStart(d + 1))) and one CSR matrix (offsets + ordinals
/// per document): counting every dimension of a hit is one contiguous run of increments. The index never
/// changes once written, so this is built (or read from the generation's extras, see
/// <see cref="GenerationExtras"/>) once per segment.
/// </summary>
internal sealed class FacetOrdinals
{
    private const string Magic = "GPFACET1";

    private readonly int[] offsets;
    private readonly int[] ordinals;
    private readonly int[] dimensionStart;
    private readonly string[] values;

    /// <summary>The dimensions whose values belong to a whole policy document, the same for each of its clauses.</summary>
    private static readonly HashSet<string> PerDocument = [Fields.Doc, Fields.Level, Fields.Jurisdiction];

    // The counting layout (see CountHit), or null when the ordinals do not fit in 16 bits.
    private readonly int[]? groupOf;
    private readonly int[]? groupStart;
    private readonly int[]? groupOrdinals;
    private readonly int[]? restOffsets;
    private readonly ushort[]? restOrdinals;
    private readonly bool[] perDocumentDimension;

    private FacetOrdinals(IReadOnlyList<string> dimensions, int[] offsets, int[] ordinals, int[] dimensionStart, string[] values, long[]? sequences,
        (int[], int[], int[], int[], ushort[])? layout = null)
    {
        Dimensions = dimensions;
        this.offsets = offsets;
        this.ordinals = ordinals;
        this.dimensionStart = dimensionStart;
        this.values = values;
        Sequences = sequences;
        perDocumentDimension = [.. dimensions.Select(PerDocument.Contains)];
        if (values.Length <= ushort.MaxValue + 1)
        {
            // Read with the extras when they hold it: computing it is a pass over every ordinal (~150 ms at a million clauses).
            (groupOf, groupStart, groupOrdinals, restOffsets, restOrdinals) = layout ?? CountingLayout();
        }
    }

    public IReadOnlyList<string> Dimensions { get; }

    public int MaxDoc => offsets.Length - 1;

    /// <summary>
    /// Each document's reading-order sequence (<see cref="Fields.Sequence"/>), read once: the collector
    /// needs it for every match (ties, order sort), and a packed doc-value read per match cost more
    /// than the facet counting itself. Null when the segment has none.
    /// </summary>
    public long[]? Sequences { get; }

    /// <summary>Size of the shared ordinal space (every value of every dimension).</summary>
    public int OrdinalCount => values.Length;

    public int DimensionStart(int dim) => dimensionStart[dim];

    /// <summary>The index of dimension <paramref name="name"/> in <see cref="Dimensions"/>, or -1.</summary>
    public int DimensionIndex(string name)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (Dimensions[d] == name)
            {
                return d;
            }
        }
        return -1;
    }

    public string Value(int ord) => values[ord];

    /// <summary>Counts every dimension of <paramref name="doc"/>: counts[ord]++ for each of its ordinals.</summary>
    public void CountAll(int doc, int[] counts)
    {
        var ords = ordinals;
        for (int i = offsets[doc], end = offsets[doc + 1]; i < end; i++)
        {
            counts[ords[i]]++;
        }
    }

    /// <summary>
    /// Number of distinct per-document ordinal sets (<see cref="NewGroupCounts"/>); 0 without the counting layout.
    /// </summary>
    public int GroupCount => groupStart is null ? 0 : groupStart.Length - 1;

    /// <summary>The per-hit counts of the per-document dimensions, for <see cref="CountHit"/>; empty without the counting layout.</summary>
    public int[] NewGroupCounts() => new int[GroupCount];

    /// <summary>
    /// Counts every dimension of <paramref name="doc"/>, as <see cref="CountAll"/> does, with less memory read per
    /// hit: a search matching half a million clauses reads the CSR arrays (4 bytes per ordinal, ~11 per clause)
    /// for each, and that read, not the arithmetic, was what its counting cost. The per-document dimensions (doc,
    /// level, jurisdiction) are one increment of the clause's group (its document's set of their ordinals), added
    /// into the counts by <see cref="AddGroups"/> once collection is over; the rest are 16-bit ordinals.
    /// </summary>
    public void CountHit(int doc, int[] counts, int[] groupCounts)
    {
        if (restOrdinals is null)
        {
            CountAll(doc, counts);
            return;
        }
        groupCounts[groupOf![doc]]++;
        var ords = restOrdinals;
        for (int i = restOffsets![doc], end = restOffsets[doc + 1]; i < end; i++)
        {
            counts[ords[i]]++;
        }
    }

    /// <summary>
    /// Adds the group counts of <see cref="CountHit"/> (or of <see cref="CountHitIn"/> for dimension <paramref name="dim"/>)
    /// into <paramref name="counts"/>: each group's count to each of its ordinals (of that dimension only).
    /// </summary>
    public void AddGroups(int[] groupCounts, int[] counts, int dim = -1)
    {
        var (start, length) = dim < 0 ? (0, (uint)values.Length) : (dimensionStart[dim], (uint)(dimensionStart[dim + 1] - dimensionStart[dim]));
        for (var g = 0; g < groupCounts.Length; g++)
        {
            if (groupCounts[g] is var n and > 0)
            {
                for (var i = groupStart![g]; i < groupStart[g + 1]; i++)
                {
                    if ((uint)(groupOrdinals![i] - start) < length)
                    {
                        counts[groupOrdinals[i]] += n;
                    }
                }
            }
        }
    }

    /// <summary>
    /// <see cref="Count"/> (one dimension of a hit failing only that dimension's filter) over the counting layout:
    /// a per-document dimension counts the hit's group in <paramref name="groupCounts"/> (its own array, added with
    /// <see cref="AddGroups"/> for <paramref name="dim"/>), another reads the 16-bit ordinals.
    /// </summary>
    public void CountHitIn(int dim, int doc, int[] counts, int[] groupCounts)
    {
        if (restOrdinals is null)
        {
            Count(dim, doc, counts);
            return;
        }
        var start = dimensionStart[dim];
        var length = (uint)(dimensionStart[dim + 1] - start);
        if (perDocumentDimension[dim])
        {
            groupCounts[groupOf![doc]]++;
            return;
        }
        var ords = restOrdinals;
        for (int i = restOffsets![doc], end = restOffsets[doc + 1]; i < end; i++)
        {
            if ((uint)(ords[i] - start) < length)
            {
                counts[ords[i]]++;
            }
        }
    }

    /// <summary>
    /// Splits each document's ordinals into its group (the distinct sets of per-document ordinals, numbered in order
    /// of first appearance; clauses of one document are mostly adjacent, so most documents reuse the previous one's)
    /// and the rest, as 16-bit ordinals.
    /// </summary>
    private (int[], int[], int[], int[], ushort[]) CountingLayout()
    {
        var maxDoc = MaxDoc;
        var perDocument = new bool[values.Length];
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (perDocumentDimension[d])
            {
                Array.Fill(perDocument, true, dimensionStart[d], dimensionStart[d + 1] - dimensionStart[d]);
            }
        }
        var groupOf = new int[maxDoc];
        var groupStart = new List<int> { 0 };
        var groupOrdinals = new List<int>();
        var groupByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new List<int>();
        var restOffsets = new int[maxDoc + 1];
        var restCount = 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            for (var i = offsets[doc]; i < offsets[doc + 1]; i++)
            {
                if (!perDocument[ordinals[i]])
                {
                    restCount++;
                }
            }
        }
        var restOrdinals = new ushort[restCount];
        restCount = 0;
        var previous = -1;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            key.Clear();
            restOffsets[doc] = restCount;
            for (var i = offsets[doc]; i < offsets[doc + 1]; i++)
            {
                if (perDocument[ordinals[i]])
                {
                    key.Add(ordinals[i]);
                }
                else
                {
                    restOrdinals[restCount++] = (ushort)ordinals[i];
                }
            }
            // Most clauses follow a clause of their own document: the dictionary is asked at document boundaries.
            if (previous >= 0 && CollectionsMarshal.AsSpan(key).SequenceEqual(CollectionsMarshal.AsSpan(groupOrdinals)[groupStart[previous]..groupStart[previous + 1]]))
            {
                groupOf[doc] = previous;
                continue;
            }
            var name = string.Join(',', key);
            if (!groupByKey.TryGetValue(name, out var group))
            {
                group = groupByKey[name] = groupStart.Count - 1;
                groupOrdinals.AddRange(key);
                groupStart.Add(groupOrdinals.Count);
            }
            groupOf[doc] = previous = group;
        }
        restOffsets[maxDoc] = restCount;
        return (groupOf, [.. groupStart], [.. groupOrdinals], restOffsets, restOrdinals);
    }

    /// <summary>Counts the ordinals of one dimension only (a hit failing only that dimension's filter).</summary>
    public void Count(int dim, int doc, int[] counts)
    {
        var start = dimensionStart[dim];
        var length = (uint)(dimensionStart[dim + 1] - start);
        var ords = ordinals;
        for (int i = offsets[doc], end = offsets[doc + 1]; i < end; i++)
        {
            if ((uint)(ords[i] - start) < length)
            {
                counts[ords[i]]++;
            }
        }
    }

    /// <summary>
    /// value of dimension <paramref name="a"/> → value of dimension <paramref name="b"/> → documents holding both
    /// (industry → document id → clauses), added into <paramref name="into"/>. The documents are grouped by their
    /// values of b (a counting sort), then each group's values of a are counted in one dense array: linear in the
    /// ordinals, where a dictionary of pairs cost 0.8 s at a million clauses.
    /// </summary>
    public void CountPairs(int a, int b, Dictionary<string, Dictionary<string, int>> into)
    {
        int aStart = dimensionStart[a], aLength = dimensionStart[a + 1] - aStart;
        int bStart = dimensionStart[b], bLength = dimensionStart[b + 1] - bStart;
        var groupStart = new int[bLength + 1];
        for (var i = 0; i < ordinals.Length; i++)
        {
            if ((uint)(ordinals[i] - bStart) < (uint)bLength)
            {
                groupStart[ordinals[i] - bStart + 1]++;
            }
        }
        for (var g = 0; g < bLength; g++)
        {
            groupStart[g + 1] += groupStart[g];
        }
        var members = new int[groupStart[bLength]];
        var next = groupStart[..bLength];
        for (var doc = 0; doc < MaxDoc; doc++)
        {
            for (var i = offsets[doc]; i < offsets[doc + 1]; i++)
            {
                if ((uint)(ordinals[i] - bStart) < (uint)bLength)
                {
                    members[next[ordinals[i] - bStart]++] = doc;
                }
            }
        }
        var counts = new int[aLength];
        var touched = new List<int>();
        for (var g = 0; g < bLength; g++)
        {
            for (var m = groupStart[g]; m < groupStart[g + 1]; m++)
            {
                var doc = members[m];
                for (var i = offsets[doc]; i < offsets[doc + 1]; i++)
                {
                    var ordA = ordinals[i] - aStart;
                    if ((uint)ordA < (uint)aLength && counts[ordA]++ == 0)
                    {
                        touched.Add(ordA);
                    }
                }
            }
            var valueB = values[bStart + g];
            foreach (var ordA in touched)
            {
                var valueA = values[aStart + ordA];
                if (!into.TryGetValue(valueA, out var byB))
                {
                    into[valueA] = byB = new(StringComparer.Ordinal);
                }
                byB[valueB] = byB.GetValueOrDefault(valueB) + counts[ordA];
                counts[ordA] = 0;
            }
            touched.Clear();
        }
    }

    public static FacetOrdinals Build(AtomicReader reader, IReadOnlyList<string> dims)
    {
        var maxDoc = reader.MaxDoc;
        var sources = dims.Select(reader.GetSortedSetDocValues).ToArray();
        var dimensionStart = new int[dims.Count + 1];
        for (var d = 0; d < dims.Count; d++)
        {
            dimensionStart[d + 1] = dimensionStart[d] + (int)(sources[d]?.ValueCount ?? 0);
        }
        var values = new string[dimensionStart[^1]];
        var bytes = new BytesRef();
        for (var d = 0; d < dims.Count; d++)
        {
            for (var ord = 0; ord < (sources[d]?.ValueCount ?? 0); ord++)
            {
                sources[d]!.LookupOrd(ord, bytes);
                values[dimensionStart[d] + ord] = bytes.Utf8ToString();
            }
        }
        var offsets = new int[maxDoc + 1];
        var ordinals = new List<int>(maxDoc * 4);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            offsets[doc] = ordinals.Count;
            for (var d = 0; d < sources.Length; d++)
            {
                if (sources[d] is not { } dv)
                {
                    continue;
                }
                dv.SetDocument(doc);
                for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
                {
                    ordinals.Add(dimensionStart[d] + (int)ord);
                }
            }
        }
        offsets[maxDoc] = ordinals.Count;
        long[]? sequences = null;
        if (reader.GetNumericDocValues(Fields.Sequence) is { } seq)
        {
            sequences = new long[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                sequences[doc] = seq.Get(doc);
            }
        }
        return new FacetOrdinals([.. dims], offsets, [.. ordinals], dimensionStart, values, sequences);
    }

    // ---- the precomputed form ---------------------------------------------------------------------

    /// <summary>Writes these arrays for <see cref="Read"/>: a few bulk reads instead of a pass over every document.</summary>
    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Dimensions.Count);
        foreach (var d in Dimensions)
        {
            w.Write(d);
        }
        foreach (var s in dimensionStart)
        {
            w.Write(s);
        }
        foreach (var v in values)
        {
            w.Write(v);
        }
        w.Write(offsets.Length);
        w.Write(MemoryMarshal.AsBytes(offsets.AsSpan()));
        w.Write(ordinals.Length);
        w.Write(MemoryMarshal.AsBytes(ordinals.AsSpan()));
        w.Write(Sequences is not null);
        if (Sequences is not null)
        {
            w.Write(MemoryMarshal.AsBytes(Sequences.AsSpan()));
        }
        // The counting layout, after what older files hold (Read computes it when it is absent).
        w.Write(restOrdinals is not null);
        if (restOrdinals is not null)
        {
            foreach (var array in new[] { groupOf!, groupStart!, groupOrdinals!, restOffsets! })
            {
                w.Write(array.Length);
                w.Write(MemoryMarshal.AsBytes(array.AsSpan()));
            }
            w.Write(restOrdinals.Length);
            w.Write(MemoryMarshal.AsBytes(restOrdinals.AsSpan()));
        }
    }

    /// <summary>The arrays <see cref="Write"/> wrote, or null when the stream holds something else (other dimensions, another segment size).</summary>
    public static FacetOrdinals? Read(Stream stream, IReadOnlyList<string> dims, int maxDoc)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != dims.Count)
        {
            return null;
        }
        for (var d = 0; d < dims.Count; d++)
        {
            if (r.ReadString() != dims[d])
            {
                return null;
            }
        }
        var dimensionStart = new int[dims.Count + 1];
        for (var d = 0; d <= dims.Count; d++)
        {
            dimensionStart[d] = r.ReadInt32();
        }
        var values = new string[dimensionStart[^1]];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }
        if (r.ReadInt32() != maxDoc + 1)
        {
            return null;
        }
        var offsets = new int[maxDoc + 1];
        stream.ReadExactly(MemoryMarshal.AsBytes(offsets.AsSpan()));
        var ordinals = new int[r.ReadInt32()];
        stream.ReadExactly(MemoryMarshal.AsBytes(ordinals.AsSpan()));
        long[]? sequences = null;
        if (r.ReadBoolean())
        {
            sequences = new long[maxDoc];
            stream.ReadExactly(MemoryMarshal.AsBytes(sequences.AsSpan()));
        }
        (int[], int[], int[], int[], ushort[])? layout = null;
        if (stream.Position < stream.Length && r.ReadBoolean())
        {
            int[] Ints()
            {
                var array = new int[r.ReadInt32()];
                stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
                return array;
            }
            var (groupOf, groupStart, groupOrdinals, restOffsets) = (Ints(), Ints(), Ints(), Ints());
            var restOrdinals = new ushort[r.ReadInt32()];
            stream.ReadExactly(MemoryMarshal.AsBytes(restOrdinals.AsSpan()));
            if (groupOf.Length != maxDoc || restOffsets.Length != maxDoc + 1)
            {
                throw new InvalidDataException("facet counting layout of another segment size");
            }
            layout = (groupOf, groupStart, groupOrdinals, restOffsets, restOrdinals);
        }
        return new FacetOrdinals([.. dims], offsets, ordinals, dimensionStart, values, sequences, layout: layout);
    }
}
