namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Hashes 64-bit keys through a mixer. The default long hash XORs the two halves, so a packed pair of clause
/// numbers (lo &lt;&lt; 32 | hi) hashes to lo ^ hi, which neighbouring pairs share massively: the candidate set
/// became quadratic at scale.
/// </summary>
internal sealed class MixedKeyComparer : IEqualityComparer<long>
{
    public static readonly MixedKeyComparer Instance = new();

    public bool Equals(long x, long y) => x == y;
    public int GetHashCode(long key) => (int)MinHash.Mix((ulong)key);
}
