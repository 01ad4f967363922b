using System.Text;
using GreenPolicy.Domain;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// Renders a tagged document one clause per line, so a reviewer sees every tag in one diff:
/// <c>eId | departments(role) | industries | years | modality | first characters</c>.
/// </summary>
internal static class TaggingGolden
{
    public const int Preview = 24;

    public static string Render(ParsedDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(doc.Meta.Id).Append(" — eId | departments(role) | industries | years | modality | first chars\n");
        foreach (var c in doc.Clauses.OrderBy(c => c.Order))
        {
            var deps = string.Join("、", c.Departments
                .Select(d => $"{d.Canonical}({d.Role})").Distinct());
            var inds = string.Join("、", c.Industries.Select(i => $"{i.Name}[{i.Code}]"));
            var years = string.Join("、", c.TargetYears);
            var mod = string.Join("+", c.Modality);
            var text = c.Text.Replace("\n", " ", StringComparison.Ordinal);
            sb.Append(c.EId).Append(" | ").Append(deps).Append(" | ").Append(inds).Append(" | ").Append(years)
              .Append(" | ").Append(mod).Append(" | ").Append(text.Length > Preview ? text[..Preview] : text).Append('\n');
        }
        return sb.ToString();
    }
}
