using System.Text.Json;
using System.Text.Json.Serialization;

namespace GreenPolicy.Index;

/// <summary>The one JSON shape of the index's stored records: System.Text.Json web defaults, as the API serialises.</summary>
public static class IndexJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"empty JSON for {typeof(T).Name}");
}
