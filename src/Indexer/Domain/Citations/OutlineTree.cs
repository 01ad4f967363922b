using System.Globalization;
using System.Text;

namespace GreenPolicy.Domain.Citations;

/// <summary>
/// One document's eIds as a tree the resolver walks. Every prefix of a unit's or clause's eId is a node, so
/// a part the structure parser left implicit (no StructureUnit for it) can still be cited.
/// </summary>
internal sealed class OutlineTree
{
    private sealed record Node(string EId, (string Type, int? N)[] Segments, StructureUnit? Unit, OutlineClause? Clause);

    private readonly DocumentOutline _outline;
    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    // Nodes by their last segment (item_3 → ("item", 3)) in document order: Nearest reads only the candidates.
    private readonly Dictionary<(string Type, int N), List<Node>> _byLast = [];

    public OutlineTree(DocumentOutline outline)
    {
        _outline = outline;
        var units = outline.Units.GroupBy(u => u.EId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clauses = outline.Clauses.GroupBy(c => c.EId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        // Document order: units and clauses interleaved as the structure gives them (clauses carry the reading order).
        foreach (var eid in outline.Units.Select(u => u.EId).Concat(outline.Clauses.Select(c => c.EId)))
        {
            var parts = eid.Split("__");
            for (var i = 1; i <= parts.Length; i++)
            {
                var prefix = string.Join("__", parts.Take(i));
                if (_nodes.ContainsKey(prefix))
                    continue;
                var node = new Node(prefix, [.. parts.Take(i).Select(ParseSegment)],
                    units.GetValueOrDefault(prefix), clauses.GetValueOrDefault(prefix));
                _nodes[prefix] = node;
                _order.Add(prefix);
                if (node.Segments[^1] is (var type, int n))
                {
                    if (!_byLast.TryGetValue((type, n), out var same))
                        _byLast[(type, n)] = same = [];
                    same.Add(node);
                }
            }
        }
    }

    public DocumentMeta Meta => _outline.Meta;

    /// <summary>
    /// item_3 → (item, 3); part_4_2 → (part, 4): the structure parser suffixes a repeated number (a plan printing
    /// 四、 twice) to keep eIds unique, and the citation 四（十一） still means either part numbered 四.
    /// </summary>
    private static (string Type, int? N) ParseSegment(string segment)
    {
        var at = segment.IndexOf('_');
        if (at <= 0)
            return (segment, null);
        var end = segment.IndexOf('_', at + 1);
        var number = end < 0 ? segment.AsSpan(at + 1) : segment.AsSpan(at + 1, end - at - 1);
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) &&
            (end < 0 || int.TryParse(segment.AsSpan(end + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return (segment[..at], n);
        return (segment, null);
    }

    private static int Depth(string eid) => eid.Length == 0 ? 0 : eid.Split("__").Length;

    /// <summary>Nodes strictly below <paramref name="parent"/> ("" for the document) in document order.</summary>
    private IEnumerable<Node> Below(string parent) => parent.Length == 0
        ? _order.Select(e => _nodes[e])
        : _order.Where(e => e.StartsWith(parent + "__", StringComparison.Ordinal)).Select(e => _nodes[e]);

    /// <summary>
    /// The nearest nodes below <paramref name="parent"/> whose last segment is type_n. Nearest = fewest levels
    /// down, so 三（一） in 002 is part_3__item_1, not an item inside a box further down; boxes are only entered by
    /// 专栏N (their items are numbered on their own).
    /// </summary>
    private List<string> Nearest(string parent, string type, int n, bool throughBoxes = false)
    {
        var baseDepth = Depth(parent);
        if (!_byLast.TryGetValue((type, n), out var candidates))
            return [];
        var prefix = parent + "__";
        var hits = candidates
            .Where(node => parent.Length == 0 || node.EId.StartsWith(prefix, StringComparison.Ordinal))
            .Where(node => throughBoxes || !node.Segments.Skip(baseDepth).SkipLast(1).Any(s => s.Type == "box"))
            .ToList();
        if (hits.Count == 0)
            return [];
        var min = hits.Min(h => h.Segments.Length);
        return [.. hits.Where(h => h.Segments.Length == min).Select(h => h.EId)];
    }

    private List<string> Children(string parent, string type, int n)
    {
        var eid = parent.Length == 0 ? $"{type}_{n}" : $"{parent}__{type}_{n}";
        return _nodes.ContainsKey(eid) ? [eid] : [];
    }

    private bool IsBox(string eid) => eid.Length > 0 && _nodes[eid].Segments[^1].Type == "box";

    public List<string> Step(string current, LocatorStep step)
    {
        var n = step.Number ?? 0;
        switch (step.Kind)
        {
            case LocatorStepKind.Part:
                return Nearest(current, "part", n);
            case LocatorStepKind.Chapter:
                return Nearest(current, "chp", n);
            case LocatorStepKind.Section:
                return Nearest(current, "sec", n);
            case LocatorStepKind.Box:
                return Nearest(current, "box", n, throughBoxes: true);
            case LocatorStepKind.Row:
                return Nearest(current, "row", n, throughBoxes: true);
            case LocatorStepKind.Point:
                return Nearest(current, "point", n, IsBox(current));
            case LocatorStepKind.Paragraph:
                return Children(current, "para", n);
            case LocatorStepKind.Item:
                return FirstNonEmpty(
                    () => Nearest(current, "item", n, IsBox(current)),
                    () => Nearest(current, "subitem", n, IsBox(current)));
            case LocatorStepKind.Article:
                // 第十四条 in 000 (（一）…（二十一） numbered across the parts) is item_14 wherever it sits;
                // 主要目标第二条 in 003 is the second —— bullet of 二、主要目标.
                return current.Length == 0
                    ? Nearest(current, "item", n)
                    : FirstNonEmpty(
                        () => Nearest(current, "item", n, IsBox(current)),
                        () => Children(current, "point", n),
                        () => Children(current, "subitem", n),
                        () => Children(current, "para", n));
            case LocatorStepKind.Entry:
                return IsBox(current)
                    ? FirstNonEmpty(() => Nearest(current, "item", n, true), () => Nearest(current, "point", n, true),
                        () => Nearest(current, "para", n, true))
                    : FirstNonEmpty(() => Nearest(current, "subitem", n), () => Children(current, "point", n),
                        () => Nearest(current, "item", n));
            case LocatorStepKind.Annex:
                if (step.Number is { } a)
                    return Nearest(current, "annex", a, true);
                var annexes = Below(current).Where(x => x.Segments[^1].Type == "annex").Select(x => x.EId).ToList();
                var min = annexes.Count == 0 ? 0 : annexes.Min(Depth);
                return [.. annexes.Where(x => Depth(x) == min)];
            case LocatorStepKind.Note:
                return IsBox(current)
                    ? [.. Below(current).Where(x => x.Segments.Length == Depth(current) + 1 && x.Segments[^1].Type == "para" &&
                                                     x.Clause?.Text.TrimStart().StartsWith('注') == true).Select(x => x.EId)]
                    : [];
            case LocatorStepKind.Heading:
                return ByHeading(current, step.Name ?? "");
            case LocatorStepKind.Preamble:
                return current.Length == 0 && _nodes.ContainsKey("preamble") ? ["preamble"] : [];
            default:
                return [];
        }
    }

    private static List<string> FirstNonEmpty(params Func<List<string>>[] tries)
    {
        foreach (var t in tries)
            if (t() is { Count: > 0 } r)
                return r;
        return [];
    }

    /// <summary>
    /// Units (or clauses with a topic heading) below <paramref name="parent"/> named by <paramref name="name"/>:
    /// exact heading first (主要目标 = 二、主要目标), then a heading starting with it, then one containing it.
    /// </summary>
    public List<string> ByHeading(string parent, string name)
    {
        var q = HeadingKey(name);
        // 主要目标部分第二条, 保障措施中的第（二）条: the words around the heading name are not part of it.
        foreach (var tail in new[] { "中的", "部分", "中", "的" })
            if (q.Length > tail.Length + 1 && q.EndsWith(tail, StringComparison.Ordinal))
                q = q[..^tail.Length];
        if (q.Length < 2)
            return [];
        var scored = new List<(string EId, int Level, int Depth)>();
        foreach (var node in Below(parent))
        {
            var heading = node.Unit?.Heading ?? node.Clause?.Heading;
            if (heading is null)
                continue;
            var h = HeadingKey(heading);
            var level = h == q ? 3 : h.StartsWith(q, StringComparison.Ordinal) ? 2 : q.Length >= 3 && h.Contains(q, StringComparison.Ordinal) ? 1 : 0;
            if (level > 0)
                scored.Add((node.EId, level, node.Segments.Length));
        }
        if (scored.Count == 0)
            return [];
        var best = scored.Max(s => s.Level);
        var atBest = scored.Where(s => s.Level == best).ToList();
        var depth = atBest.Min(s => s.Depth);
        return [.. atBest.Where(s => s.Depth == depth).Select(s => s.EId)];
    }

    private static string HeadingKey(string heading)
    {
        var key = DocumentIdentifier.TitleKey(heading);
        key = CitationResolver.LeadingNumber().Replace(key, "");
        return key.TrimEnd('。', '.', '：', ':');
    }

    public string LocatorOf(string eid)
    {
        if (eid.Length == 0)
            return "";
        var node = _nodes[eid];
        if (node.Unit?.Locator is { Length: > 0 } ul)
            return ul;
        if (node.Clause?.Locator is { Length: > 0 } cl)
            return cl;
        // An implicit node: write its path the way people do (part_3__item_2 → 三（二）).
        var sb = new StringBuilder();
        foreach (var (type, n) in node.Segments)
        {
            var k = n ?? 0;
            sb.Append(type switch
            {
                "part" => ChineseNumeralsOrEmpty(k),
                "chp" => $"第{ChineseNumeralsOrEmpty(k)}章",
                "sec" => $"第{ChineseNumeralsOrEmpty(k)}节",
                "item" => $"（{ChineseNumeralsOrEmpty(k)}）",
                "subitem" => $"{k}.",
                "box" => $"专栏{k}",
                "point" => $"——{k}",
                "para" => $"第{k}段",
                "row" => $"第{k}行",
                "annex" => $"附件{k}",
                _ => type,
            });
        }
        return sb.ToString();
    }

    private static string ChineseNumeralsOrEmpty(int n) => n is >= 0 and <= 9999 ? Text.ChineseNumerals.ToChinese(n) : "";

    /// <summary>A short description of a node for an ambiguity message: 三、重点任务 （五）大力推动能效绿色化提升.</summary>
    public string Describe(string eid)
    {
        var parts = new List<string>();
        var segs = eid.Split("__");
        for (var i = 1; i <= segs.Length; i++)
        {
            var prefix = string.Join("__", segs.Take(i));
            var node = _nodes[prefix];
            var h = node.Unit?.Heading ?? node.Clause?.Heading ?? (i == segs.Length ? Shorten(node.Clause?.Text, 20) : null);
            if (h is not null)
                parts.Add(h);
        }
        return parts.Count > 0 ? string.Join(" ", parts) : LocatorOf(eid);
    }

    /// <summary>A hint after "没有…": what the document does have of that kind (第一章至第九章).</summary>
    public string Hint(string current, LocatorStep step)
    {
        var type = step.Kind switch
        {
            LocatorStepKind.Part => "part",
            LocatorStepKind.Chapter => "chp",
            LocatorStepKind.Section => "sec",
            LocatorStepKind.Box => "box",
            LocatorStepKind.Item or LocatorStepKind.Article => "item",
            LocatorStepKind.Paragraph => "para",
            _ => null,
        };
        if (type is null)
            return "";
        var have = Below(current).Where(x => x.Segments[^1].Type == type && x.Segments[^1].N is not null)
            .Where(x => type == "box" || !x.Segments.SkipLast(1).Any(s => s.Type == "box"))
            .Select(x => x.Segments[^1].N!.Value).Distinct().Order().ToList();
        if (have.Count == 0)
            return "";
        var first = new LocatorStep(step.Kind == LocatorStepKind.Article ? LocatorStepKind.Item : step.Kind, have[0], null, default);
        var last = first with { Number = have[^1] };
        return have.Count == 1 ? $"，只有{first}" : $"，现有{first}至{last}";
    }

    public CitationTarget DocumentTarget()
    {
        var meta = _outline.Meta;
        var sb = new StringBuilder();
        if (_outline.Opening is { } opening)
            sb.Append(opening).Append('\n');
        // The first clauses, so that a document-level answer shows what the document is about.
        foreach (var c in _outline.Clauses.Take(3))
            sb.Append(c.Text).Append('\n');
        return new CitationTarget
        {
            Id = meta.Id,
            Kind = CitationKinds.Document,
            DocId = meta.Id,
            Title = meta.Title,
            Text = Shorten(sb.ToString().TrimEnd(), 600),
            Citation = CitationResolver.FormatCitation(meta, null),
            Url = $"/documents/{Uri.EscapeDataString(meta.Id)}",
        };
    }

    public static CitationTarget BareDocumentTarget(DocumentMeta meta) => new()
    {
        Id = meta.Id,
        Kind = CitationKinds.Document,
        DocId = meta.Id,
        Title = meta.Title,
        Citation = CitationResolver.FormatCitation(meta, null),
        Url = $"/documents/{Uri.EscapeDataString(meta.Id)}",
    };

    public CitationTarget Target(string eid)
    {
        var node = _nodes[eid];
        var meta = _outline.Meta;
        if (node.Clause is { } clause && node.Unit is null)
        {
            return new CitationTarget
            {
                Id = clause.Id,
                Kind = CitationKinds.Clause,
                DocId = meta.Id,
                EId = eid,
                Title = meta.Title,
                Heading = clause.Heading,
                Text = clause.Text,
                Citation = clause.Citation,
                Url = $"/clauses/{clause.Id}",
            };
        }
        // A unit: its heading and the text of everything in it (a box's snippet may lie in any of its items).
        var heading = node.Unit?.Heading;
        var sb = new StringBuilder();
        if (heading is not null)
            sb.Append(heading).Append('\n');
        if (node.Clause is { } own)
            sb.Append(own.Text).Append('\n');
        foreach (var c in _outline.Clauses.Where(c => c.EId.StartsWith(eid + "__", StringComparison.Ordinal)))
            sb.Append(c.Text).Append('\n');
        return new CitationTarget
        {
            Id = $"{meta.Id}#{eid}",
            Kind = node.Segments[^1].Type switch
            {
                "part" or "annex" => CitationKinds.Part,
                "chp" => CitationKinds.Chapter,
                "sec" => CitationKinds.Section,
                "box" => CitationKinds.Box,
                _ => CitationKinds.Clause,
            },
            DocId = meta.Id,
            EId = eid,
            Title = meta.Title,
            Heading = heading,
            Text = sb.ToString().TrimEnd(),
            Citation = CitationResolver.FormatCitation(meta, LocatorOf(eid)),
            Url = $"/documents/{Uri.EscapeDataString(meta.Id)}#{eid}",
        };
    }

    private static string? Shorten(string? s, int max) => s is null || s.Length <= max ? s : s[..max] + "…";
}
