using System.Text.Json;

namespace GreenPolicy.Benchmarks.Engines;

/// <summary>
/// A clause as the GreenPolicy parser and taggers produced it, reduced to what the FTS5 baseline
/// stores: both engines index the same clauses. One JSON object per line (clauses.jsonl).
/// </summary>
internal sealed record ClauseRow(
    string Id,
    string Doc,
    string? DocNumber,
    string Locator,
    string Citation,
    string Text,
    IReadOnlyList<string> Industries,
    IReadOnlyList<int> Years)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ClauseRow FromJson(string line) => JsonSerializer.Deserialize<ClauseRow>(line, Json)!;

    public static IEnumerable<ClauseRow> ReadAll(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(FromJson);
}
