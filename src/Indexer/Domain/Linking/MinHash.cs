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

    public ulong[] Signature(ReadOnlySpan<ulong> shingles)
    {
        var sig = new ulong[_seeds.Length];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var s in shingles)
            for (var i = 0; i < sig.Length; i++)
            {
                var h = Mix(s ^ _seeds[i]);
                if (h < sig[i]) sig[i] = h;
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
}
