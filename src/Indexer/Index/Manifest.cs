namespace GreenPolicy.Index;

/// <summary>manifest.json of a generation: written last, so a generation without one is incomplete.</summary>
public sealed record Manifest
{
    public required string Generation { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
    public required string Fingerprint { get; init; }
    public IReadOnlyList<FingerprintFile> Files { get; init; } = [];
    public int Documents { get; init; }
    public int Clauses { get; init; }
    public int FormatVersion { get; init; } = IndexLayout.FormatVersion;
}

public sealed record FingerprintFile(string Path, long Size, DateTime ModifiedUtc);
