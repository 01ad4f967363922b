using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GreenPolicy.Index;

/// <summary>
/// A segment's facet ordinals copied once into plain arrays (offsets + ordinals per dimension, like a
/// CSR matrix), so counting a hit is array indexing instead of decoding doc values for every hit and
/// dimension. Built when a generation is opened; the index never changes afterwards.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly int[][] offsets;
    private readonly int[][] ordinals;
    private readonly string[][] values;

    private FacetOrdinals(int[][] offsets, int[][] ordinals, string[][] values, long[]? sequences)
    {
        this.offsets = offsets;
        this.ordinals = ordinals;
        this.values = values;
        Sequences = sequences;
    }

    /// <summary>
    /// Each document's reading-order sequence (<see cref="Fields.Sequence"/>), read once: the collector
    /// needs it for every match (ties, order sort), and a packed doc-value read per match cost more
    /// than the facet counting itself. Null when the segment has none.
    /// </summary>
    public long[]? Sequences { get; }

    public int DimensionCount => offsets.Length;

    public int ValueCount(int dim) => values[dim].Length;

    public string Value(int dim, int ord) => values[dim][ord];

    public static FacetOrdinals Build(AtomicReader reader, IReadOnlyList<string> dims)
    {
        var maxDoc = reader.MaxDoc;
        var offsets = new int[dims.Count][];
        var ordinals = new int[dims.Count][];
        var values = new string[dims.Count][];
        var bytes = new BytesRef();
        for (var d = 0; d < dims.Count; d++)
        {
            var dv = reader.GetSortedSetDocValues(dims[d]);
            var offs = new int[maxDoc + 1];
            var ords = new List<int>();
            if (dv is not null)
            {
                for (var doc = 0; doc < maxDoc; doc++)
                {
                    offs[doc] = ords.Count;
                    dv.SetDocument(doc);
                    for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
                    {
                        ords.Add((int)ord);
                    }
                }
                var names = new string[dv.ValueCount];
                for (var ord = 0; ord < names.Length; ord++)
                {
                    dv.LookupOrd(ord, bytes);
                    names[ord] = bytes.Utf8ToString();
                }
                values[d] = names;
            }
            else
            {
                values[d] = [];
            }
            offs[maxDoc] = ords.Count;
            offsets[d] = offs;
            ordinals[d] = [.. ords];
        }
        long[]? sequences = null;
        if (reader.GetNumericDocValues(Fields.Sequence) is { } seq)
        {
            sequences = new long[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                sequences[doc] = seq.Get(doc);
            }
        }
        return new FacetOrdinals(offsets, ordinals, values, sequences);
    }

    public void Count(int dim, int doc, int[] counts)
    {
        var offs = offsets[dim];
        var ords = ordinals[dim];
        for (var i = offs[doc]; i < offs[doc + 1]; i++)
        {
            counts[ords[i]]++;
        }
    }
}
