using System.Text.Json;
using GreenPolicy.Domain;

namespace GreenPolicy.Index;

/// <summary>
/// Reads a <see cref="HitRecord"/> straight from the UTF-8 bytes of its doc value. Every returned hit is
/// read this way, and System.Text.Json's general path (through a string, then the constructor-argument
/// machinery for the tag records) cost a third of a search's CPU: about 60 µs a hit. The shape is the one
/// <see cref="IndexJson"/> writes (camelCase web defaults); anything else falls back to <see cref="IndexJson"/>.
/// </summary>
internal static class HitJson
{
    public static HitRecord Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (ReadRecord(ref reader) is { } record)
            {
                return record;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Not the shape written today: the general reader decides.
        }
        return IndexJson.Read<HitRecord>(System.Text.Encoding.UTF8.GetString(utf8));
    }

    private static HitRecord? ReadRecord(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? id = null, docId = null, citation = null, locator = null, heading = null, text = null;
        IReadOnlyList<IndustryTag> industries = [];
        IReadOnlyList<DepartmentTag> departments = [];
        IReadOnlyList<int> years = [];
        IReadOnlyList<string> modality = [];
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("id"u8)) id = String(ref r);
            else if (r.ValueTextEquals("docId"u8)) docId = String(ref r);
            else if (r.ValueTextEquals("citation"u8)) citation = String(ref r);
            else if (r.ValueTextEquals("locator"u8)) locator = String(ref r);
            else if (r.ValueTextEquals("heading"u8)) heading = String(ref r);
            else if (r.ValueTextEquals("text"u8)) text = String(ref r);
            else if (r.ValueTextEquals("industries"u8)) industries = Array(ref r, ReadIndustry);
            else if (r.ValueTextEquals("departments"u8)) departments = Array(ref r, ReadDepartment);
            else if (r.ValueTextEquals("targetYears"u8)) years = Array(ref r, (ref Utf8JsonReader x) => x.GetInt32());
            else if (r.ValueTextEquals("modality"u8)) modality = Array(ref r, (ref Utf8JsonReader x) => x.GetString()!);
            else
            {
                return null;
            }
        }
        if (r.TokenType != JsonTokenType.EndObject || id is null || docId is null || citation is null || locator is null || text is null)
        {
            return null;
        }
        return new HitRecord
        {
            Id = id, DocId = docId, Citation = citation, Locator = locator, Heading = heading, Text = text,
            Industries = industries, Departments = departments, TargetYears = years, Modality = modality,
        };
    }

    private delegate T ReadItem<T>(ref Utf8JsonReader reader);

    private static JsonTokenType Next(ref Utf8JsonReader r) => r.Read() ? r.TokenType : throw new JsonException("truncated");

    private static string? String(ref Utf8JsonReader r) => Next(ref r) switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("string expected"),
    };

    private static List<T> Array<T>(ref Utf8JsonReader r, ReadItem<T> item)
    {
        if (Next(ref r) != JsonTokenType.StartArray)
        {
            throw new JsonException("array expected");
        }
        var list = new List<T>();
        while (Next(ref r) != JsonTokenType.EndArray)
        {
            list.Add(item(ref r));
        }
        return list;
    }

    private static IndustryTag ReadIndustry(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        string? code = null, name = null, rule = null;
        TextSpan? span = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("code"u8)) code = String(ref r);
            else if (r.ValueTextEquals("name"u8)) name = String(ref r);
            else if (r.ValueTextEquals("span"u8)) span = Span(ref r);
            else if (r.ValueTextEquals("rule"u8)) rule = String(ref r);
            else throw new JsonException("unknown industry member");
        }
        return new IndustryTag(code!, name!, span ?? throw new JsonException("span expected"), rule!);
    }

    private static DepartmentTag ReadDepartment(ref Utf8JsonReader r)
    {
        Expect(ref r, JsonTokenType.StartObject);
        string? name = null, canonical = null, role = null, rule = null;
        TextSpan? span = null;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("name"u8)) name = String(ref r);
            else if (r.ValueTextEquals("canonical"u8)) canonical = String(ref r);
            else if (r.ValueTextEquals("role"u8)) role = String(ref r);
            else if (r.ValueTextEquals("span"u8)) span = Span(ref r);
            else if (r.ValueTextEquals("rule"u8)) rule = String(ref r);
            else throw new JsonException("unknown department member");
        }
        return new DepartmentTag(name!, canonical!, role!, span, rule!);
    }

    private static TextSpan? Span(ref Utf8JsonReader r)
    {
        if (Next(ref r) == JsonTokenType.Null)
        {
            return null;
        }
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("span expected");
        }
        int start = 0, length = 0;
        while (Next(ref r) == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("start"u8)) { Next(ref r); start = r.GetInt32(); }
            else if (r.ValueTextEquals("length"u8)) { Next(ref r); length = r.GetInt32(); }
            else if (r.ValueTextEquals("end"u8)) { Next(ref r); }  // derived: Start + Length
            else throw new JsonException("unknown span member");
        }
        return new TextSpan(start, length);
    }

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (r.TokenType != type)
        {
            throw new JsonException($"{type} expected");
        }
    }
}
