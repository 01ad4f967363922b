using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Structure;

/// <summary>
/// Pass 1: lines → outline + metadata lines. Each non-blank line, layout removed, is in order of precedence:
/// a row of an indicator table; a frame or trailer line (文号, date, 原文地址 …); a page-break continuation of
/// the previous text (it does not end a sentence and the line does not start a number); the addressee; a
/// numbered line (a heading, an item, a bullet, a box, an annex); a title-like line (title, signature); or an
/// unnumbered paragraph of the innermost open unit. Numbered headings nest by their style's rank (第N章 &gt;
/// 第N节 &gt; 一、 &gt; （一） …), so a document may skip or restart levels freely.
/// </summary>
internal sealed partial class OutlineReader
{
    private readonly string[] _raw;
    private readonly string[] _clean;
    private readonly List<MetadataLine> _metadata = [];
    private readonly OutlineNode _root = new(OutlineKind.Root, 0);
    private readonly List<OutlineNode> _stack;
    /// <summary>The node a page-break continuation would join, or null after a heading or a frame line.</summary>
    private OutlineNode? _lastText;
    private bool _anyClause;
    private bool _anyNumbered;
    /// <summary>Line of the last outline event (clause or heading): signatures are the title-like lines after it.</summary>
    private int _lastOutlineLine;

    // A box item led by its label: "火力发电：火电行业实施…". In a box such a line starts a new item even when
    // the item before it lacks its final 。 (004 专栏4 "…等技术改造" / "火力发电：…").
    [GeneratedRegex(@"^[^，。；：、\s]{2,20}[：:]")]
    private static partial Regex LabelledLine();

    private OutlineReader(string body)
    {
        _raw = body.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        _clean = new string[_raw.Length];
        for (var i = 0; i < _raw.Length; i++)
        {
            _clean[i] = Layout.Clean(_raw[i]);
            foreach (var artefact in Layout.Artefacts(_raw[i]))
                _metadata.Add(new MetadataLine(MetadataKinds.Artefact, artefact, i + 1));
        }
        _stack = [_root];
    }

    public static (OutlineNode Root, List<MetadataLine> Metadata) Read(string body)
    {
        var reader = new OutlineReader(body);
        reader.Run();
        return (reader._root, reader._metadata);
    }

    private OutlineNode Top => _stack[^1];

    private OutlineNode? OpenBox => Top.Kind == OutlineKind.Box ? Top : null;

    private void Run()
    {
        var i = 0;
        while (i < _raw.Length)
            i = Step(i);
    }

    /// <summary>Handles the line at index i (and any it consumes); returns the next index.</summary>
    private int Step(int i)
    {
        var text = _clean[i];
        var line = i + 1;
        if (text.Length == 0)
            return i + 1;

        if (OpenBox is { Columns: not null } table)
        {
            var next = TableStep(table, i);
            if (next >= 0)
                return next;
        }

        if (RowTable(i) is var afterTable and > 0)
            return afterTable;

        if (MetadataLines.Classify(text) is { } kind)
        {
            AddMetadata(kind, text, line);
            return i + 1;
        }
        if (OpenBox is { } noteBox && IsNote(text) && noteBox.Children.Any(c => c.Kind == OutlineKind.Row))
        {
            AddText(noteBox, OutlineKind.Note, text, line);
            return i + 1;
        }
        if (MetadataLines.IsAttachmentList(text))
        {
            // The list runs on its following lines (000: "附件：1.…" then "2.长江经济带产业转移指南").
            var j = i;
            var parts = new List<string>();
            while (j < _raw.Length && _clean[j].Length > 0)
                parts.Add(_clean[j++]);
            AddMetadata(MetadataKinds.Attachments, string.Join(" ", parts), line);
            return j;
        }

        var numbered = Numbering.Recognize(text);
        if (_lastText is not null && numbered is null && !Layout.EndsSentence(_lastText.Fragments[^1])
            && !(OpenBox is not null && LabelledLine().IsMatch(text))
            && !(MetadataLines.IsTitleLike(text) && NextIsTitleOrDate(i)))
        {
            // A page break: "…在上" / "海临港、合肥…" is one sentence (000 （九）).
            _lastText.Fragments.Add(text);
            return i + 1;
        }

        if (!_anyClause && _stack.Count == 1 && numbered is null && MetadataLines.IsAddressee(text))
        {
            AddMetadata(MetadataKinds.Addressee, text, line);
            return i + 1;
        }

        if (numbered is not null)
            return Numbered(numbered, text, i);

        if (OpenBox is { } box)
        {
            AddText(box, OutlineKind.BoxItem, text, line);
            return i + 1;
        }
        if (MetadataLines.IsTitleLike(text))
        {
            if (Top is { Kind: OutlineKind.Annex, Title: null, Children.Count: 0 } annex)
            {
                // 001: "附件" then its title "重点区域和重点流域具体范围".
                annex.Title = text;
                annex.HeadingLine = annex.HeadingLine + " " + text;
                return i + 1;
            }
            if (!_anyNumbered || NextIsTitleOrDate(i))
            {
                AddMetadata(_anyNumbered ? MetadataKinds.Heading : MetadataKinds.Title, text, line);
                return i + 1;
            }
        }
        AddText(Top, OutlineKind.Paragraph, text, line);
        return i + 1;
    }

    /// <summary>
    /// In the body, a short line without punctuation is metadata only when a title-like line or a date follows
    /// (a signature block: 000 "工业和信息化部" … "环境保护部" then "2017 年 6 月 30 日"); otherwise it is a short
    /// clause that lost its 。 ("推进重点行业集中连片清洁生产改造和污染治理").
    /// </summary>
    private bool NextIsTitleOrDate(int i)
    {
        var j = i + 1;
        while (j < _clean.Length && _clean[j].Length == 0)
            j++;
        if (j >= _clean.Length)
            return false;
        var next = _clean[j];
        return MetadataLines.Classify(next) == MetadataKinds.Date
            || (Numbering.Recognize(next) is null && MetadataLines.IsTitleLike(next));
    }

    private int Numbered(NumberedLine n, string text, int i)
    {
        var line = i + 1;
        if (OpenBox is { } box && !EndsBox(n))
        {
            // Numbered entries inside a box are its items ("1.…", "（1）…").
            AddText(box, OutlineKind.BoxItem, text, line);
            return i + 1;
        }
        CloseBox();
        _anyNumbered = true;
        _lastOutlineLine = line;
        switch (n.Style)
        {
            case NumberingStyle.Box:
            {
                // A box after an item that has its own text follows that item rather than belonging to it, so the
                // item stays one clause ("（一）节能。推进节能。" / 专栏1 …); a heading item (002 三（一）) holds its box.
                if (Top is { Kind: OutlineKind.Item, Fragments.Count: > 0 })
                    _stack.RemoveAt(_stack.Count - 1);
                var node = new OutlineNode(OutlineKind.Box, line) { Numbering = n, HeadingLine = text, Title = n.Rest };
                Top.Add(node);
                _stack.Add(node);
                _lastText = null;
                return DetectTable(node, i + 1);
            }
            case NumberingStyle.Annex:
            {
                _stack.RemoveRange(1, _stack.Count - 1);
                var node = new OutlineNode(OutlineKind.Annex, line) { Numbering = n, HeadingLine = text };
                _root.Add(node);
                _stack.Add(node);
                _lastText = null;
                return i + 1;
            }
            case NumberingStyle.Bullet:
                AddText(Top, OutlineKind.Point, text, line);
                return i + 1;
            default:
            {
                while (Top.Rank >= (int)n.Style)
                    _stack.RemoveAt(_stack.Count - 1);
                var node = new OutlineNode(n.IsDivision ? OutlineKind.Division : OutlineKind.Item, line) { Numbering = n };
                if (n.IsHeadingOnly || (n.IsDivision && n.Rest.IndexOf('。') < 0))
                {
                    node.HeadingLine = text;
                    node.Title = n.Rest;
                    _lastText = null;
                }
                else
                {
                    // An inline title and its text: "（一）优化产业布局。落实…", or a division printed the same way
                    // ("一、总体要求。坚持…"), whose heading is then the title and whose text its first paragraph.
                    // A number alone on its line ("第三条") is followed by its text: keep the printed space.
                    node.Fragments.Add(n.Rest.Length == 0 ? text + " " : text);
                    node.Title = Topic.Heading(n.Rest, numbered: true, title: true);
                    if (n.IsDivision)
                        node.HeadingLine = n.Printed + (node.Title ?? n.Rest[..n.Rest.IndexOf('。')]);
                    _lastText = node;
                    _anyClause = true;
                }
                Top.Add(node);
                _stack.Add(node);
                return i + 1;
            }
        }
    }

    /// <summary>
    /// A box ends at the next heading of a level already open around it (002 专栏2 sits in 三（一） and ends at
    /// （二）; 004 专栏2 sits in 第三章第三节 and ends at 第四节), at a division, at another box or an annex.
    /// Any other numbering inside it numbers the box's own entries.
    /// </summary>
    private bool EndsBox(NumberedLine n)
    {
        if (n.IsDivision || n.Style is NumberingStyle.Box or NumberingStyle.Annex)
            return true;
        // The numbering of the items the box follows continues after it: "（一）…" / 专栏1 / "（二）…".
        if (OpenBox?.Parent?.Children.Any(c => c.Numbering?.Style == n.Style && c.Kind is OutlineKind.Item or OutlineKind.Division) == true)
            return true;
        var openRanks = _stack.Where(s => s.Kind is OutlineKind.Division or OutlineKind.Item).Select(s => s.Rank).ToList();
        return openRanks.Count > 0 && (int)n.Style <= openRanks.Max();
    }

    private void CloseBox()
    {
        if (OpenBox is not null)
            _stack.RemoveAt(_stack.Count - 1);
    }

    private void AddText(OutlineNode parent, OutlineKind kind, string text, int line)
    {
        var node = new OutlineNode(kind, line);
        node.Fragments.Add(text);
        parent.Add(node);
        _lastText = node;
        _anyClause = true;
        _lastOutlineLine = line;
    }

    private void AddMetadata(string kind, string text, int line)
    {
        if (kind == MetadataKinds.Date)
        {
            // The title-like lines just before a date are its signature (落款): "工业和信息化部" / "2018年7月23日".
            for (var k = _metadata.Count - 1; k >= 0; k--)
            {
                var m = _metadata[k];
                if (m.Line <= _lastOutlineLine || m.Kind is not (MetadataKinds.Title or MetadataKinds.Heading))
                {
                    if (m.Kind == MetadataKinds.Artefact)
                        continue;
                    break;
                }
                _metadata[k] = m with { Kind = MetadataKinds.Signature };
            }
        }
        _metadata.Add(new MetadataLine(kind, text, line));
        _lastText = null;
    }

    // ---- indicator tables -------------------------------------------------------------------------------

    /// <summary>
    /// A box whose first block is a run of short cells without punctuation holds a table: 002 专栏1 has
    /// "指  标 / 2015年 / 2020年 / 累计降速", one cell per (tab-indented) line, rows separated by empty lines.
    /// </summary>
    private int DetectTable(OutlineNode box, int start)
    {
        var i = start;
        while (i < _raw.Length && _clean[i].Length == 0)
            i++;
        var j = i;
        var cells = new List<string>();
        while (j < _raw.Length && _raw[j].Trim('\r').Length > 0 && _clean[j].Length > 0)
            cells.Add(_clean[j++]);
        if (cells.Count < 2 || cells.Any(c => c.Length > 12 || !MetadataLines.IsTitleLike(c)))
            return start;
        box.Columns = cells.Select(Layout.Squeeze).ToList();
        _metadata.Add(new MetadataLine(MetadataKinds.TableHeader, string.Join(" | ", box.Columns), i + 1));
        return j;
    }

    /// <summary>
    /// One block of a table: a row (indicator, then one cell per line; a line of only a tab is an empty cell),
    /// a header continuation ("/变化率"), or the note (注：…) that ends the table. Returns −1 when the line is
    /// not table content (a heading, say), for the caller to handle.
    /// </summary>
    private int TableStep(OutlineNode box, int i)
    {
        var text = _clean[i];
        var line = i + 1;
        var columns = box.Columns!;
        if ((text.StartsWith('/') || text.StartsWith('／')) && !box.Children.Any(c => c.Kind == OutlineKind.Row))
        {
            columns[^1] += Layout.Squeeze(text);
            _metadata.Add(new MetadataLine(MetadataKinds.TableHeader, text, line));
            return i + 1;
        }
        if (IsNote(text))
        {
            box.Columns = null;
            AddText(box, OutlineKind.Note, text, line);
            return i + 1;
        }
        if (Numbering.Recognize(text) is { } n && EndsBox(n) || MetadataLines.Classify(text) is not null
            || text.Length > 40 || text.IndexOfAny(['。', '；']) >= 0)
        {
            box.Columns = null;
            return -1;
        }

        // The block: this line and the following ones up to an empty line.
        var values = new List<string>();
        var j = i + 1;
        while (j < _raw.Length && _raw[j].Trim('\r').Length > 0)
            values.Add(_clean[j++]);
        AddRow(box, columns, text, values, line);
        return j;
    }

    private static bool IsNote(string text) =>
        text.StartsWith("注：", StringComparison.Ordinal) || text.StartsWith("注:", StringComparison.Ordinal);

    // ---- one-line rows: Markdown pipe tables and tab-separated rows ---------------------------------------

    [GeneratedRegex(@"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$")]
    private static partial Regex MarkdownTableRule();

    [GeneratedRegex(@"\t+")]
    private static partial Regex Tabs();

    /// <summary>
    /// The cells of a table row printed on one line: a Markdown row "| 指标 | 2015年 | 2020年 |" or cells
    /// separated by tabs "指标→2015年→2020年" (indentation tabs are layout, tabs between text are columns).
    /// Null when the line is not such a row.
    /// </summary>
    internal static List<string>? RowCells(string raw)
    {
        var s = raw.TrimEnd('\r');
        var trimmed = s.Trim(' ', '\t', '\u3000');
        List<string> cells;
        if (trimmed.StartsWith('|') && trimmed.Count(c => c == '|') >= 3)
            cells = trimmed.Trim('|').Split('|').Select(Layout.Normalize).ToList();
        else if (trimmed.Contains('\t'))
            cells = Tabs().Split(trimmed).Select(Layout.Normalize).ToList();
        else
            return null;
        return cells.Count >= 2 && cells[0].Length > 0 ? cells : null;
    }

    /// <summary>
    /// A table whose rows are single lines (see <see cref="RowCells"/>): the header line and at least one row with
    /// as many cells. The rows join the current unit (a box, or any heading's unit). Returns the index after the
    /// table, or 0 when line i does not start one.
    /// </summary>
    private int RowTable(int i)
    {
        // "第一章\t总则" is a heading laid out with a tab, not a table header.
        if (RowCells(_raw[i]) is not { } header || header.Any(h => h.Length > 16 || !MetadataLines.IsTitleLike(h))
            || Numbering.Recognize(_clean[i]) is not null)
            return 0;
        var j = i + 1;
        if (j < _raw.Length && MarkdownTableRule().IsMatch(_raw[j]))
            j++;
        if (j >= _raw.Length || RowCells(_raw[j]) is not { } first || first.Count != header.Count)
            return 0;
        var columns = header.Select(Layout.Squeeze).ToList();
        _metadata.Add(new MetadataLine(MetadataKinds.TableHeader, string.Join(" | ", columns), i + 1));
        while (j < _raw.Length && RowCells(_raw[j]) is { } cells && Numbering.Recognize(_clean[j]) is not { IsDivision: true } and not { Style: NumberingStyle.Box })
        {
            AddRow(Top, columns, cells[0], cells.Skip(1).ToList(), j + 1);
            j++;
        }
        return j;
    }

    private void AddRow(OutlineNode parent, List<string> columns, string indicatorLine, List<string> values, int line)
    {
        var cells = new List<TableCell>();
        for (var k = 0; k < values.Count; k++)
        {
            if (values[k].Length == 0)
                continue;
            var column = k + 1 < columns.Count ? columns[k + 1] : $"第{k + 2}列";
            cells.Add(new TableCell(column, values[k]));
        }
        var (indicator, unit) = IndicatorName(indicatorLine);
        var node = new OutlineNode(OutlineKind.Row, line) { Row = new IndicatorRow(indicator, unit, cells), Title = indicator };
        node.Fragments.Add(cells.Count == 0 ? indicatorLine : indicatorLine + "：" + string.Join("；", cells.Select(c => c.Column + " " + c.Value)));
        parent.Add(node);
        _anyClause = true;
        _lastOutlineLine = line;
        _lastText = null;
    }

    [GeneratedRegex(@"^(?:[（(]\s*[0-9]{1,3}\s*[）)])?\s*(?:其中\s*[：:])?\s*(.*?)\s*(?:[（(]([^（）()]{1,12})[）)])?$")]
    private static partial Regex IndicatorPattern();

    /// <summary>
    /// "（1）规模以上企业单位工业增加值能耗下降（%）" → ("规模以上企业单位工业增加值能耗下降", "%");
    /// "废塑料（国内）（万吨）" → ("废塑料（国内）", "万吨"); "烧碱（氢氧化钠）综合能耗" has no unit.
    /// "其中：尾矿（%）" is a sub-indicator: "尾矿".
    /// </summary>
    internal static (string Indicator, string? Unit) IndicatorName(string text)
    {
        var m = IndicatorPattern().Match(text);
        if (!m.Success || m.Groups[1].Value.Length == 0)
            return (text, null);
        return (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null);
    }
}
