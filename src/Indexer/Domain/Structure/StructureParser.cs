using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Structure;

/// <summary>
/// Splits a document's body into its hierarchy (units) and its clauses (DESIGN.md §4), and keeps what is not
/// policy text (title, 文号, addressee, signature, date, trailers, artefacts) as metadata lines.
/// Two passes: <see cref="OutlineReader"/> reads the lines into an outline (numbered headings, paragraphs,
/// boxes, table rows, page-break continuations joined), then <see cref="ClauseWriter"/> decides which outline
/// nodes are units and which are clauses and gives them eIds, locators and citations. Nothing here knows a
/// particular document: the numbering schemes and frame lines are recognised generally.
/// </summary>
public static class StructureParser
{
    public static ParsedDocument Parse(DocumentMeta meta, string body)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(body);
        var (root, metadata) = OutlineReader.Read(body);
        var (units, clauses) = new ClauseWriter(meta).Write(root);
        return new ParsedDocument
        {
            Meta = meta,
            Units = units,
            Clauses = clauses,
            Metadata = metadata.OrderBy(m => m.Line).ToList(),
        };
    }
}

internal enum OutlineKind
{
    Root,
    /// <summary>第N章, 第N节, 一、 (always units).</summary>
    Division,
    /// <summary>（一）, 1., （1）, ①: a clause, or a unit when it holds sub-clauses.</summary>
    Item,
    Box,
    Annex,
    Paragraph,
    Point,
    BoxItem,
    Row,
    Note,
}

internal sealed class OutlineNode(OutlineKind kind, int line)
{
    public OutlineKind Kind { get; } = kind;
    public int Line { get; } = line;
    public NumberedLine? Numbering { get; init; }
    /// <summary>The heading as printed (whitespace normalised), for units: "三、主要任务", "专栏2 能效提升工程".</summary>
    public string? HeadingLine { get; set; }
    /// <summary>The heading text without its number: "主要任务", "大力推进能效提升，加快实现节约发展".</summary>
    public string? Title { get; set; }
    /// <summary>The node's own text, line by line (page-break parts), number kept as printed.</summary>
    public List<string> Fragments { get; } = [];
    public List<OutlineNode> Children { get; } = [];
    public OutlineNode? Parent { get; set; }
    public IndicatorRow? Row { get; init; }
    /// <summary>Box only: the indicator table's column headers, when the box holds a table.</summary>
    public List<string>? Columns { get; set; }

    /// <summary>Nesting rank for the heading stack: lower is outer.</summary>
    public int Rank => Kind switch
    {
        OutlineKind.Root => -100,
        OutlineKind.Annex => -50,
        OutlineKind.Box => 50,
        _ => Numbering is null ? 100 : (int)Numbering.Style,
    };

    public bool IsContainer => Kind is OutlineKind.Root or OutlineKind.Division or OutlineKind.Item or OutlineKind.Box or OutlineKind.Annex;

    public string Text => Layout.Join(Fragments);

    public OutlineNode Add(OutlineNode child)
    {
        child.Parent = this;
        Children.Add(child);
        return child;
    }
}

/// <summary>Pass 1: lines → outline + metadata lines.</summary>
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

        if (MetadataLines.Classify(text) is { } kind)
        {
            AddMetadata(kind, text, line);
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
            && !(OpenBox is not null && LabelledLine().IsMatch(text)))
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
                annex.Title = text;
                annex.HeadingLine = annex.HeadingLine + " " + text;
            }
            else
            {
                AddMetadata(_anyNumbered ? MetadataKinds.Heading : MetadataKinds.Title, text, line);
            }
            return i + 1;
        }
        AddText(Top, OutlineKind.Paragraph, text, line);
        return i + 1;
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
                if (n.IsHeadingOnly || n.IsDivision)
                {
                    node.HeadingLine = text;
                    node.Title = n.Rest;
                    _lastText = null;
                }
                else
                {
                    node.Fragments.Add(text);
                    node.Title = Topic.Heading(n.Rest, numbered: true);
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
        if (text.StartsWith("注：", StringComparison.Ordinal) || text.StartsWith("注:", StringComparison.Ordinal))
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
        var cells = new List<TableCell>();
        for (var k = 0; k < values.Count; k++)
        {
            if (values[k].Length == 0)
                continue;
            var column = k + 1 < columns.Count ? columns[k + 1] : $"第{k + 2}列";
            cells.Add(new TableCell(column, values[k]));
        }
        var (indicator, unit) = IndicatorName(text);
        var node = new OutlineNode(OutlineKind.Row, line) { Row = new IndicatorRow(indicator, unit, cells), Title = indicator };
        node.Fragments.Add(cells.Count == 0 ? text : text + "：" + string.Join("；", cells.Select(c => c.Column + " " + c.Value)));
        box.Add(node);
        _anyClause = true;
        _lastOutlineLine = line;
        _lastText = null;
        return j;
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

/// <summary>Topic sentences: the heading-like phrase a paragraph or an item opens with.</summary>
public static class Topic
{
    /// <summary>
    /// The clause's own topic phrase: the text before the first 。 when it is short and heading-like
    /// ("以供给侧结构性改革为导向，推进结构节能。…" → "以供给侧结构性改革为导向，推进结构节能"), or a label
    /// before a colon ("火力发电：火电行业…" → "火力发电"); null when the clause opens with an ordinary sentence.
    /// <paramref name="numbered"/>: the text follows a number, where an inline title is expected and may list
    /// things with 、 ("（二十）加强人才培养和国际交流合作。").
    /// </summary>
    public static string? Heading(string text, bool numbered)
    {
        var stop = text.IndexOf('。');
        var colon = text.IndexOfAny(['：', ':']);
        var byColon = colon > 0 && (stop < 0 || colon < stop);
        if (byColon)
            stop = colon;
        if (stop < 2)
            return null;
        var candidate = text[..stop].Trim();
        var commas = candidate.Count(c => c is '，' or ',');
        if (candidate.Length > (byColon ? 20 : 30) || commas > (byColon ? 0 : 1))
            return null;
        if (candidate.Any(c => c is (>= '0' and <= '9') or '：' or ':' or '；' or '（' or '('))
            return null;
        if (!numbered && candidate.Contains('、'))
            return null;
        return candidate;
    }
}
