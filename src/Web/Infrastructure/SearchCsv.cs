using System.Globalization;
using System.Text;
using GreenPolicy.Search;

namespace GreenPolicy.Web.Infrastructure;

// CSV for Excel users: UTF-8 with a BOM (without it Excel on Chinese Windows reads GBK and shows mojibake),
// CRLF rows, every cell quoted when needed, and formula injection neutralised: a cell that starts with
// = + - @ (or a tab / CR) gets a leading apostrophe, so "=HYPERLINK(…)" in a corpus text stays text.
public static class SearchCsv
{
    public static readonly string[] Header = ["引用", "条文", "产业", "部门（角色）", "目标年份", "约束类型", "链接"];

    public static byte[] Write(IEnumerable<SearchHit> hits, Func<string, string> link)
    {
        var sb = new StringBuilder();
        AppendRow(sb, Header);
        foreach (var h in hits)
        {
            AppendRow(sb,
            [
                h.Citation,
                h.Text,
                string.Join("；", h.Industries.Select(i => $"{i.Name}（{i.Code}）").Distinct()),
                string.Join("；", h.Departments.Select(d => $"{d.Canonical}（{Labels.Role(d.Role)}）").Distinct()),
                string.Join("；", h.TargetYears.Select(y => y.ToString(CultureInfo.InvariantCulture))),
                string.Join("；", h.Modality.Select(Labels.Modality)),
                link(h.Id),
            ]);
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }

    private static void AppendRow(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.Append(string.Join(",", cells.Select(Cell)));
        sb.Append("\r\n");
    }
}
