namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Hashes 64-bit keys through a mixer. The default ulong hash XORs the two halves, and a packed 4-gram
/// (c1c2 in the upper half, c3c4 in the lower) or a packed pair of clause numbers collides on it
/// massively — "绿色发展" and "发展绿色" hash alike — which made dictionaries quadratic at scale.
/// </summary>
internal sealed class MixedKeyComparer : IEqualityComparer<ulong>, IEqualityComparer<long>
{
    public static readonly MixedKeyComparer Instance = new();

    public bool Equals(ulong x, ulong y) => x == y;
    public int GetHashCode(ulong key) => (int)MinHash.Mix(key);
    public bool Equals(long x, long y) => x == y;
    public int GetHashCode(long key) => (int)MinHash.Mix((ulong)key);
}
