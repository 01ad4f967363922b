namespace GreenPolicy.Domain.Corpus;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in a corpus file. Line is 1-based in the file (front matter included), so an editor
/// can jump to it; 0 when the problem concerns the whole file (e.g. a duplicate id found across files).
/// </summary>
public sealed record CorpusDiagnostic(string File, int Line, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>"corpus/x.md:12: error: …", the shape compilers use, so terminals and CI make it clickable.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {(IsError ? "error" : "warning")}: {Message}";
}
