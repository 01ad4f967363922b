using System.Text;

namespace GreenPolicy.Domain.Compare;

/// <summary>
/// The alignment as CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled),
/// one line per aligned row of every topic and industry section, for a spreadsheet.
/// </summary>
public static class ComparisonCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "kind", "section", "left_id", "left_locator", "left_text", "relation", "score", "via", "right_id", "right_locator", "right_text",
    ];

    public static string Write(PlanComparison comparison)
    {
        var sb = new StringBuilder();
        Line(sb, Header);
        foreach (var s in comparison.Topics.Concat(comparison.Industries))
            foreach (var r in s.Rows)
                Line(sb,
                [
                    s.Kind, s.Label, r.Left?.Id ?? "", r.Left?.Locator ?? "", r.Left?.Text ?? "", r.Relation ?? "",
                    r.Score?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "", r.Via ?? "",
                    r.Right?.Id ?? "", r.Right?.Locator ?? "", r.Right?.Text ?? "",
                ]);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Escape(fields[i]));
        }
        sb.Append("\r\n");
    }

    public static string Escape(string field)
    {
        // A cell starting with = + - @ would run as a formula in a spreadsheet ("=HYPERLINK(…)"): keep it text.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r') field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
    }
}
