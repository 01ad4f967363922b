using System.Text.Json;
using System.Text.RegularExpressions;
using GreenPolicy.Domain;

namespace GreenPolicy.Indexer.Tests.Linking;

/// <summary>
/// score.py's score_links, ported: both ends of a judged pair are found by snippet (whitespace removed,
/// exactly one clause each), and the pair counts as linked when either clause holds a link to the other,
/// whatever the relation. The relation agreement (or an also_acceptable relation) is reported besides.
/// </summary>
internal static partial class LinkEval
{
    [GeneratedRegex(@"[\s\u3000\u00a0*#>]+")]
    private static partial Regex Ws();

    public static string Norm(string s) => Ws().Replace(s, "");

    public sealed record Row(string Id, string Split, string Relation, string[] AlsoAcceptable, string FromSnippet, string ToSnippet,
        string? FoundRelation, double? LinkScore, bool Found, bool Linked)
    {
        public bool Ok => Relation == "none" ? !Linked : Linked;
        public bool RelationAgrees => FoundRelation == Relation || (FoundRelation is not null && AlsoAcceptable.Contains(FoundRelation));
    }

    public static IReadOnlyList<Row> Score(string linksJson, IReadOnlyList<ParsedDocument> docs, string split)
    {
        var clauses = docs.SelectMany(d => d.Clauses).Select(c => (Clause: c, N: Norm(c.Text))).ToList();
        List<Clause> Find(string snippet)
        {
            var s = Norm(snippet);
            return clauses.Where(x => x.N.Contains(s, StringComparison.Ordinal)).Select(x => x.Clause).ToList();
        }
        using var json = JsonDocument.Parse(linksJson);
        var rows = new List<Row>();
        foreach (var it in json.RootElement.GetProperty("items").EnumerateArray())
        {
            var itemSplit = it.TryGetProperty("split", out var sp) ? sp.GetString()! : "test";
            if (split != "all" && itemSplit != split) continue;
            var from = it.GetProperty("from").GetProperty("snippet").GetString()!;
            var to = it.GetProperty("to").GetProperty("snippet").GetString()!;
            var also = it.TryGetProperty("also_acceptable", out var aa) ? aa.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            var a = Find(from);
            var b = Find(to);
            var found = a.Count == 1 && b.Count == 1;
            ClauseLink? link = null;
            if (found)
                link = a[0].Links.FirstOrDefault(l => l.Id == b[0].Id) ?? b[0].Links.FirstOrDefault(l => l.Id == a[0].Id);
            rows.Add(new Row(it.GetProperty("id").GetString()!, itemSplit, it.GetProperty("relation").GetString()!, also, from, to,
                link?.Relation, link?.Score, found, link is not null));
        }
        return rows;
    }
}
