namespace GreenPolicy.Index;

/// <summary>
/// The facet values of all the segments of an index in one ordinal space: each segment numbers its own values
/// (<see cref="FacetOrdinals"/>), so counts taken on several segments (a search scoring them on several cores) add up
/// through a per-segment map of ordinals instead of a dictionary of value strings. Built once when an index is opened.
/// </summary>
internal sealed class FacetSpace
{
    private readonly Dictionary<FacetOrdinals, int[]> maps = new(ReferenceEqualityComparer.Instance);
    private readonly string[] values;
    private readonly int[] dimensionStart;

    public FacetSpace(IReadOnlyList<string> dimensions, IReadOnlyList<FacetOrdinals> segments)
    {
        Dimensions = [.. dimensions];
        var all = new List<string>();
        dimensionStart = new int[dimensions.Count + 1];
        var globalOf = new Dictionary<string, int>[dimensions.Count];
        for (var d = 0; d < dimensions.Count; d++)
        {
            // A dimension's values in ordinal (byte) order, as each segment has them.
            var distinct = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var segment in segments)
            {
                var sd = segment.DimensionIndex(dimensions[d]);
                for (var ord = sd < 0 ? 0 : segment.DimensionStart(sd); sd >= 0 && ord < segment.DimensionStart(sd + 1); ord++)
                {
                    distinct.Add(segment.Value(ord));
                }
            }
            dimensionStart[d] = all.Count;
            globalOf[d] = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var value in distinct)
            {
                globalOf[d][value] = all.Count;
                all.Add(value);
            }
        }
        dimensionStart[^1] = all.Count;
        values = [.. all];
        foreach (var segment in segments)
        {
            var map = new int[segment.OrdinalCount];
            Array.Fill(map, -1);
            for (var sd = 0; sd < segment.Dimensions.Count; sd++)
            {
                var d = DimensionIndex(segment.Dimensions[sd]);
                for (var ord = segment.DimensionStart(sd); d >= 0 && ord < segment.DimensionStart(sd + 1); ord++)
                {
                    map[ord] = globalOf[d][segment.Value(ord)];
                }
            }
            maps[segment] = map;
        }
    }

    public string[] Dimensions { get; }

    /// <summary>The index of dimension <paramref name="name"/> in <see cref="Dimensions"/>, or -1.</summary>
    public int DimensionIndex(string name) => Array.IndexOf(Dimensions, name);

    /// <summary>Size of the shared space (every value of every dimension in any segment).</summary>
    public int Count => values.Length;

    public int DimensionStart(int dim) => dimensionStart[dim];

    public string Value(int ordinal) => values[ordinal];

    /// <summary>
    /// Adds a segment's counts (indexed by its own ordinals) into <paramref name="into"/> (indexed by this space's);
    /// ordinals of dimensions this space does not hold are left out.
    /// </summary>
    public void Add(FacetOrdinals segment, int[] counts, int[] into)
    {
        var map = maps[segment];
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0 && map[ord] >= 0)
            {
                into[map[ord]] += counts[ord];
            }
        }
    }
}
