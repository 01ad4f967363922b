namespace GreenPolicy.Domain.Structure;

internal enum OutlineKind
{
    Root,
    /// <summary>第N章, 第N节, 一、 (always units).</summary>
    Division,
    /// <summary>第N条, （一）, 1., （1）, ①: a clause, or a unit when it holds sub-clauses.</summary>
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

    /// <summary>The fragments joined (page breaks mended). Read several times per node by the writer, so kept
    /// until a fragment is added.</summary>
    public string Text
    {
        get
        {
            if (_text is null || _textFragments != Fragments.Count)
            {
                _text = Layout.Join(Fragments).Trim();
                _textFragments = Fragments.Count;
            }
            return _text;
        }
    }

    private string? _text;
    private int _textFragments;

    public OutlineNode Add(OutlineNode child)
    {
        child.Parent = this;
        Children.Add(child);
        return child;
    }
}
