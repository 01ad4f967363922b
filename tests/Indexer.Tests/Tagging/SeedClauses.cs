using System.Text.Json;
using System.Text.RegularExpressions;
using GreenPolicy.Domain;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// A rough stand-in for the structure parser, used only until CorpusFile/StructureParser are on main:
/// one clause per paragraph of a seed file, page-break continuations joined, headings tracked as the
/// path, —— bullets as points. Good enough to measure tagging on tags.json's snippets.
/// </summary>
internal static partial class SeedClauses
{
    public static IReadOnlyList<ParsedDocument> Load(string sharedDir, JsonElement tagsJson)
    {
        var docs = new List<ParsedDocument>();
        foreach (var d in tagsJson.GetProperty("documents").EnumerateObject())
        {
            var v = d.Value;
            var title = v.GetProperty("title").GetString()!;
            var id = v.GetProperty("suggested_doc_id").GetString() ?? "sichuan-13fyp";
            var text = File.ReadAllText(Path.Combine(sharedDir, "seeds", v.GetProperty("file").GetString()!));
            var meta = new DocumentMeta
            {
                Id = id,
                Title = title,
                Level = v.GetProperty("level").GetString()!,
                Jurisdiction = title.Contains("贵州", StringComparison.Ordinal) ? "CN-GZ" : title.Contains("四川", StringComparison.Ordinal) ? "CN-SC" : "CN",
                Date = v.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString() : null,
                Period = title.Contains("2016", StringComparison.Ordinal) || title.Contains("十三五", StringComparison.Ordinal) ? [2016, 2020]
                    : title.Contains("2018", StringComparison.Ordinal) ? [2018, 2020] : [],
                Issuers = v.TryGetProperty("issuers", out var iss) && iss.ValueKind == JsonValueKind.Array ? iss.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
            };
            docs.Add(new ParsedDocument { Meta = meta, Clauses = Split(id, text) });
        }
        return docs;
    }

    private static List<Clause> Split(string docId, string text)
    {
        var paras = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = Regex.Replace(raw, @"^[\s#*]+|[\s*]+$", "");
            if (line.Length == 0)
                continue;
            // A page break leaves a line that does not end a sentence followed by its continuation.
            if (paras.Count > 0 && !Regex.IsMatch(paras[^1], @"[。：:；）)」”]$|^\S{1,30}$") && !Numbered().IsMatch(line))
                paras[^1] += line;
            else
                paras.Add(line);
        }
        var clauses = new List<Clause>();
        var path = new List<(int Level, string Heading)>();
        var n = 0;
        foreach (var p in paras)
        {
            var level = HeadingLevel(p);
            if (level > 0 && p.Length < 40 && !p.Contains('。'))
            {
                path.RemoveAll(x => x.Level >= level);
                path.Add((level, p));
                continue;
            }
            var parent = path.Count == 0 ? null : "h" + string.Join("_", path.Select(x => x.Heading.GetHashCode(StringComparison.Ordinal) & 0xffff));
            var kind = p.StartsWith("——", StringComparison.Ordinal) ? "point" : "paragraph";
            var eid = "p" + n;
            clauses.Add(new Clause
            {
                Id = docId + "/" + eid, DocId = docId, EId = p.StartsWith("附件", StringComparison.Ordinal) ? "annex_" + n : eid, Kind = kind,
                Path = path.Select(x => x.Heading).ToList(), ParentEId = parent, Locator = eid, Citation = eid, Text = p, Order = n++,
            });
        }
        return clauses;
    }

    private static int HeadingLevel(string p) =>
        Regex.IsMatch(p, @"^第[一二三四五六七八九十]+章") ? 1
        : Regex.IsMatch(p, @"^第[一二三四五六七八九十]+节") ? 2
        : Regex.IsMatch(p, @"^[一二三四五六七八九十]+、") ? 1
        : Regex.IsMatch(p, @"^[（(][一二三四五六七八九十]+[）)]") ? 2
        : 0;

    [GeneratedRegex(@"^(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|——|专栏)")]
    private static partial Regex Numbered();
}
