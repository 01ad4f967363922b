using System.Runtime.Intrinsics;

namespace GreenPolicy.Domain.Linking;

/// <summary>
/// MinHash signatures over shingle sets and locality-sensitive banding: two sets whose Jaccard
/// similarity is high share at least one band key with high probability, so candidates are found by
/// bucket look-ups instead of comparing every pair of clauses.
/// </summary>
public sealed class MinHash
{
    private readonly ulong[] _seeds;

    public MinHash(int hashes, int seed = 20160703)
    {
        _seeds = new ulong[hashes];
        var x = (ulong)seed;
        for (var i = 0; i < hashes; i++) _seeds[i] = x = Mix(x + 0x9E3779B97F4A7C15UL);
    }

    public int Count => _seeds.Length;

    /// <summary>The seed of hash function <paramref name="i"/>: it hashes a shingle s as Mix(s ^ seed).</summary>
    internal ulong Seed(int i) => _seeds[i];

    public ulong[] Signature(ReadOnlySpan<ulong> shingles)
    {
        var sig = new ulong[_seeds.Length];
        var i = 0;
        // Several hash functions at once, one per vector lane: the minimum does not depend on the order the shingles come
        // in, so the signature is the same to the bit as one hash function at a time.
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<ulong>.Count <= sig.Length; i += Vector256<ulong>.Count)
            {
                var seeds = Vector256.Create<ulong>(_seeds.AsSpan(i));
                var min = Vector256<ulong>.AllBitsSet;
                foreach (var s in shingles) min = Vector256.Min(min, Mix(Vector256.Create(s) ^ seeds));
                min.CopyTo(sig.AsSpan(i));
            }
        }
        for (; i < sig.Length; i++)
        {
            var min = ulong.MaxValue;
            foreach (var s in shingles) min = Math.Min(min, Mix(s ^ _seeds[i]));
            sig[i] = min;
        }
        return sig;
    }

    /// <summary>One key per band of <paramref name="rows"/> consecutive signature values, tagged with the band number.</summary>
    public static IEnumerable<ulong> BandKeys(ulong[] signature, int rows)
    {
        for (int b = 0, i = 0; i + rows <= signature.Length; b++, i += rows)
        {
            var h = (ulong)b * 0xD6E8FEB86659FD93UL;
            for (var r = 0; r < rows; r++) h = Mix(h ^ signature[i + r]);
            yield return h;
        }
    }

    // splitmix64 finaliser: cheap and well mixed.
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary><see cref="Mix(ulong)"/> in every lane.</summary>
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }
}
