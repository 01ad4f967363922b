using GreenPolicy.Domain.Text;

namespace GreenPolicy.Domain.Structure;

/// <summary>Clause kinds (<see cref="Clause.Kind"/>).</summary>
public static class ClauseKinds
{
    public const string Preamble = "preamble";
    public const string Paragraph = "paragraph";
    public const string Article = "article";
    public const string Item = "item";
    public const string Subitem = "subitem";
    public const string Point = "point";
    public const string BoxItem = "box-item";
    public const string IndicatorRow = "indicator-row";
}

/// <summary>Unit kinds (<see cref="StructureUnit.Kind"/>).</summary>
public static class UnitKinds
{
    public const string Part = "part";
    public const string Chapter = "chapter";
    public const string Section = "section";
    public const string Article = "article";
    public const string Item = "item";
    public const string Box = "box";
    public const string Annex = "annex";
}

/// <summary>
/// Pass 2: outline → units and clauses with eIds, locators and citations.
/// eIds are built from the path with the printed numbers (000's continuous （十八） in 六 is part_6__item_18),
/// and counters only for what carries no number (para_N, point_N, a box's item_N and row_N), so the same
/// text always gives the same ids.
/// </summary>
internal sealed class ClauseWriter(DocumentMeta meta)
{
    private readonly List<StructureUnit> _units = [];
    private readonly List<Clause> _clauses = [];
    private readonly HashSet<string> _eIds = new(StringComparer.Ordinal);
    private int _annexCount;
    private int _annexTotal;

    private sealed record Scope(string? EId, string Locator, IReadOnlyList<string> Path, string? DivisionEId);

    public (List<StructureUnit> Units, List<Clause> Clauses) Write(OutlineNode root)
    {
        var scope = new Scope(null, "", [], null);
        var children = root.Children;
        _annexTotal = CountAnnexes(root);
        var preamble = children.TakeWhile(c => c.Kind == OutlineKind.Paragraph).ToList();
        var preambleHeadings = ParagraphHeadings(preamble);
        for (var k = 0; k < preamble.Count; k++)
        {
            var single = preamble.Count == 1;
            AddClause(preamble[k], scope, ClauseKinds.Preamble,
                single ? "preamble" : $"preamble__para_{k + 1}",
                single ? "序言" : $"序言第{k + 1}段",
                preamble[k].Text, preambleHeadings[preamble[k]]);
        }
        WriteChildren(children.Skip(preamble.Count), scope);
        return (_units, _clauses);
    }

    private void WriteChildren(IEnumerable<OutlineNode> children, Scope scope, int paraStart = 0)
    {
        int para = paraStart, point = 0, row = 0;
        children = children.ToList();
        var headings = ParagraphHeadings(children.Where(c => c.Kind == OutlineKind.Paragraph));
        foreach (var child in children)
        {
            switch (child.Kind)
            {
                case OutlineKind.Paragraph:
                    para++;
                    AddClause(child, scope, ClauseKinds.Paragraph, Join(scope.EId, $"para_{para}"), $"{scope.Locator}第{para}段",
                        child.Text, headings[child]);
                    break;
                case OutlineKind.Point:
                    point++;
                    var rest = child.Text.TrimStart('—', '－', '-', '●', '•', '▪', '■', '◆', ' ');
                    // The evaluation's convention for citing the N-th dash bullet: "二——2" (003 二、主要目标, second bullet).
                    AddClause(child, scope, ClauseKinds.Point, Join(scope.EId, $"point_{point}"), $"{scope.Locator}——{point}",
                        child.Text, Topic.Heading(rest, numbered: true));
                    break;
                case OutlineKind.Row:
                    // A table outside a box: its rows belong to the unit they are printed in.
                    row++;
                    AddClause(child, scope, ClauseKinds.IndicatorRow, Join(scope.EId, $"row_{row}"), $"{scope.Locator}第{row}行",
                        child.Text, child.Title, child.Row);
                    break;
                case OutlineKind.Division:
                    WriteDivision(child, scope);
                    break;
                case OutlineKind.Item:
                    WriteItem(child, scope);
                    break;
                case OutlineKind.Box:
                    WriteBox(child, scope);
                    break;
                case OutlineKind.Annex:
                    WriteAnnex(child, scope);
                    break;
                default:
                    // Box items and notes only occur inside boxes (WriteBox).
                    throw new InvalidOperationException($"unexpected {child.Kind} outside a box at line {child.Line}");
            }
        }
    }

    /// <summary>
    /// Topic headings of sibling paragraphs. A topic sentence names a paragraph among others that have one too
    /// (002 三（一）: "以供给侧结构性改革为导向，推进结构节能。" next to "…，强化技术节能。"); the first sentence of a
    /// lone paragraph ("根据资源环境承载力调整区域产业布局，促进区域协同发展。" opening 004 第八章) is just its first
    /// sentence. A short phrase without a comma ("推进结构节能。", "成都平原经济区：") is a heading on its own.
    /// </summary>
    private static Dictionary<OutlineNode, string?> ParagraphHeadings(IEnumerable<OutlineNode> paragraphs)
    {
        var candidates = paragraphs.ToDictionary(p => p, p => Topic.Heading(p.Text, numbered: false));
        var headed = candidates.Values.Count(h => h is not null);
        return candidates.ToDictionary(kv => kv.Key, kv =>
            kv.Value is { } h && (headed >= 2 || (h.Length <= 15 && !h.Contains('，'))) ? h : null);
    }

    private void WriteDivision(OutlineNode node, Scope scope)
    {
        var n = node.Numbering!;
        var number = n.Number!.Value;
        var eId = Join(scope.EId, $"{Numbering.EIdPrefix(n.Style)}_{number}");
        var (kind, locator) = n.Style switch
        {
            NumberingStyle.Chapter => (UnitKinds.Chapter, $"{scope.Locator}第{ChineseNumerals.ToChinese(number)}章"),
            NumberingStyle.Section => (UnitKinds.Section, $"{scope.Locator}第{ChineseNumerals.ToChinese(number)}节"),
            NumberingStyle.Division => (UnitKinds.Part, $"{scope.Locator}第{ChineseNumerals.ToChinese(number)}部分"),
            // Right after an annex a bare part number would run into the annex's: 附件 + 七 reads as 附件七 (annex 7).
            _ when IsAnnex(scope.EId) => (UnitKinds.Part, $"{scope.Locator}第{ChineseNumerals.ToChinese(number)}部分"),
            _ => (UnitKinds.Part, $"{scope.Locator}{ChineseNumerals.ToChinese(number)}"),
        };
        var heading = node.HeadingLine ?? n.Printed + n.Rest;
        eId = AddUnit(node, eId, kind, n.Printed, heading, locator, scope.EId);
        var inner = new Scope(eId, locator, [.. scope.Path, Layout.Squeeze(heading)], eId);
        var paraStart = 0;
        if (node.Fragments.Count > 0)
        {
            // "一、总体要求。坚持…": the text after the heading is the division's first paragraph.
            paraStart = 1;
            var text = node.Text;
            AddClause(node, inner, ClauseKinds.Paragraph, Join(eId, "para_1"), $"{locator}第1段", text, node.Title);
        }
        WriteChildren(node.Children, inner, paraStart);
    }

    private void WriteItem(OutlineNode node, Scope scope)
    {
        var n = node.Numbering!;
        var number = n.Number!.Value;
        var eId = Join(scope.EId, $"{Numbering.EIdPrefix(n.Style)}_{number}");
        var piece = n.Style switch
        {
            NumberingStyle.Article => $"第{ChineseNumerals.ToChinese(number)}条",
            NumberingStyle.Item => $"（{ChineseNumerals.ToChinese(number)}）",
            NumberingStyle.ParenSubitem => $"（{number}）",
            NumberingStyle.Circled => n.Printed,
            _ => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // Articles are numbered through the whole document and cited alone: "第十二条", not "第二章第十二条".
        var locator = n.Style == NumberingStyle.Article ? piece : scope.Locator + piece;
        var clauseKind = n.Style switch
        {
            NumberingStyle.Article => ClauseKinds.Article,
            NumberingStyle.Item => ClauseKinds.Item,
            _ => ClauseKinds.Subitem,
        };
        var ownText = node.Fragments.Count > 0 ? node.Text : null;

        if (node.Children.Count == 0)
        {
            // A numbered item with nothing under it is one clause: "（一）优化产业布局。落实…".
            AddClause(node, scope, clauseKind, eId, locator, ownText ?? node.HeadingLine ?? n.Printed + n.Rest, node.Title);
            return;
        }
        if (ownText is null && node.Children is [{ Kind: OutlineKind.Paragraph } only])
        {
            // A heading line and the one paragraph it names are one clause: 002 二（一） "指导思想" + its paragraph.
            AddClause(node, scope, clauseKind, eId, locator, only.Text, node.Title);
            return;
        }

        // A unit: the item holds several paragraphs, bullets, sub-items or a box (002 三（一）).
        var heading = node.HeadingLine ?? n.Printed + (node.Title ?? "");
        eId = AddUnit(node, eId, n.Style == NumberingStyle.Article ? UnitKinds.Article : UnitKinds.Item, n.Printed, heading, locator, scope.EId);
        var inner = new Scope(eId, locator, [.. scope.Path, Layout.Squeeze(heading)], scope.DivisionEId);
        var paraStart = 0;
        if (ownText is not null)
        {
            // The item's own opening text, before its sub-clauses, is its first paragraph.
            paraStart = 1;
            AddClause(node, inner, ClauseKinds.Paragraph, Join(eId, "para_1"), $"{locator}第1段", ownText, node.Title);
        }
        WriteChildren(node.Children, inner, paraStart);
    }

    private void WriteBox(OutlineNode node, Scope scope)
    {
        var n = node.Numbering!;
        var number = n.Number!.Value;
        // Boxes are numbered through the document and cited alone ("专栏4"), so their eId hangs on the division
        // (part_3__box_4), not on the item they happen to sit in; their path still shows where they are read.
        var eId = Join(scope.DivisionEId, $"box_{number}");
        var locator = $"专栏{number}";
        var heading = node.HeadingLine ?? locator;
        eId = AddUnit(node, eId, UnitKinds.Box, n.Printed, heading, locator, scope.DivisionEId);
        var inner = new Scope(eId, locator, [.. scope.Path, Layout.Squeeze(heading)], scope.DivisionEId);
        int item = 0, row = 0, note = 0;
        foreach (var child in node.Children)
        {
            switch (child.Kind)
            {
                case OutlineKind.Row:
                    row++;
                    AddClause(child, inner, ClauseKinds.IndicatorRow, Join(eId, $"row_{row}"), $"{locator}第{row}行",
                        child.Text, child.Title, child.Row);
                    break;
                case OutlineKind.Note:
                    // The table's note qualifies every indicator ("本专栏均为指导性指标…"): searchable text, kept as
                    // a paragraph of the box rather than dropped into metadata.
                    note++;
                    AddClause(child, inner, ClauseKinds.Paragraph, Join(eId, $"para_{note}"), note == 1 ? $"{locator}注" : $"{locator}注{note}",
                        child.Text, null);
                    break;
                default:
                    item++;
                    // A box item may carry its own number ("1.节能改造。…"): its topic phrase follows the number.
                    var rest = Numbering.Recognize(child.Text) is { Style: not (NumberingStyle.Box or NumberingStyle.Annex) } own ? own.Rest : child.Text;
                    AddClause(child, inner, ClauseKinds.BoxItem, Join(eId, $"item_{item}"), $"{locator}第{item}项",
                        child.Text, Topic.Heading(rest, numbered: true));
                    break;
            }
        }
    }

    private void WriteAnnex(OutlineNode node, Scope scope)
    {
        _annexCount++;
        var n = node.Numbering!;
        var number = n.Number ?? _annexCount;
        var eId = $"annex_{number}";
        // An unnumbered annex is cited as 附件 when it is the only one, else by its place (附件2): a locator names one unit.
        var locator = n.Number is null && _annexTotal == 1 ? "附件" : $"附件{number}";
        var heading = node.HeadingLine ?? locator;
        eId = AddUnit(node, eId, UnitKinds.Annex, n.Printed, heading, locator, null);
        WriteChildren(node.Children, new Scope(eId, locator, [.. scope.Path, Layout.Squeeze(heading)], eId));
    }

    private static int CountAnnexes(OutlineNode node) =>
        node.Children.Sum(c => (c.Kind == OutlineKind.Annex ? 1 : 0) + CountAnnexes(c));

    /// <summary>An annex's own eId (annex_2), not a unit inside it.</summary>
    private static bool IsAnnex(string? eId) => eId is not null && eId.StartsWith("annex_", StringComparison.Ordinal) && !eId.Contains("__");

    private string AddUnit(OutlineNode node, string eId, string kind, string number, string heading, string locator, string? parent)
    {
        eId = Unique(eId);
        _units.Add(new StructureUnit
        {
            EId = eId,
            Kind = kind,
            Number = number,
            Heading = heading,
            Locator = locator,
            ParentEId = parent,
            Order = _units.Count,
            Line = node.Line,
        });
        return eId;
    }

    private void AddClause(OutlineNode node, Scope scope, string kind, string eId, string locator, string text, string? heading,
        IndicatorRow? row = null)
    {
        eId = Unique(eId);
        _clauses.Add(new Clause
        {
            Id = Clause.IdOf(meta.Id, eId),
            DocId = meta.Id,
            EId = eId,
            Kind = kind,
            Path = scope.Path,
            ParentEId = scope.EId,
            Heading = heading,
            Locator = locator,
            Citation = Citation(locator),
            Text = text,
            Order = _clauses.Count,
            Line = node.Line,
            Row = row,
        });
    }

    /// <summary>《title》（文号）locator, without the 文号 part when the document has none (004).</summary>
    private string Citation(string locator) =>
        string.IsNullOrEmpty(meta.DocNumber) ? $"《{meta.Title}》{locator}" : $"《{meta.Title}》（{meta.DocNumber}）{locator}";

    /// <summary>A misprinted repeat of a number ("（三）" twice) must not give two clauses one id.</summary>
    private string Unique(string eId)
    {
        if (_eIds.Add(eId))
            return eId;
        for (var k = 2; ; k++)
        {
            var candidate = $"{eId}_{k}";
            if (_eIds.Add(candidate))
                return candidate;
        }
    }

    private static string Join(string? parent, string segment) => parent is null ? segment : $"{parent}__{segment}";
}
