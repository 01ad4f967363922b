namespace GreenPolicy.Domain;

// The values every stage passes on: corpus reading produces DocumentMeta and the body text,
// structure parsing produces a ParsedDocument, tagging and linking fill in a clause's tags and links.
// Everything here is immutable and serialises (System.Text.Json, camelCase) to the API's shape.

/// <summary>Front matter of one corpus file (DESIGN.md §3).</summary>
public sealed record DocumentMeta
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public IReadOnlyList<string> ShortTitles { get; init; } = [];
    /// <summary>文号 as published (normalised form via DocNumber.Normalize), or null when the document has none.</summary>
    public string? DocNumber { get; init; }
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public IReadOnlyList<string> DraftedBy { get; init; } = [];
    /// <summary>成文日期, yyyy-MM-dd, or null when it cannot be confirmed.</summary>
    public string? Date { get; init; }
    /// <summary>national | provincial</summary>
    public required string Level { get; init; }
    /// <summary>CN or ISO 3166-2:CN (CN-GZ, CN-SC …).</summary>
    public required string Jurisdiction { get; init; }
    public IReadOnlyList<string> Scope { get; init; } = [];
    public string? Type { get; init; }
    /// <summary>[first year, last year] of a plan's period, empty when none.</summary>
    public IReadOnlyList<int> Period { get; init; } = [];
    public IReadOnlyList<string> Implements { get; init; } = [];
    public string? Source { get; init; }
    /// <summary>Editorial notes, e.g. why a field is left empty.</summary>
    public string? Notes { get; init; }

    /// <summary>时效性: 已到期 once the plan's period has ended before <paramref name="today"/>, else 现行.</summary>
    public string Status(DateOnly today) =>
        Period.Count == 2 && today.Year > Period[1] ? DocumentStatus.Expired : DocumentStatus.Current;
}

public static class DocumentStatus
{
    public const string Current = "现行";
    public const string Expired = "已到期";

    /// <summary>The status a filter value names (现行 / current, 已到期 / expired), or null.</summary>
    public static string? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        Current or "current" => Current,
        Expired or "expired" => Expired,
        _ => null,
    };
}

public static class Levels
{
    public const string National = "national";
    public const string Provincial = "provincial";

    /// <summary>Words naming a level, in a query or as a filter value.</summary>
    public static readonly IReadOnlyList<(string Word, string Level)> Words =
    [
        ("国家", National), ("全国", National), ("国家级", National), ("中央", National),
        ("省级", Provincial), ("地方", Provincial), ("省", Provincial),
    ];

    /// <summary>The level a filter value names (national, 国家级 …; provincial, 省级 …), or null.</summary>
    public static string? Parse(string value)
    {
        var v = value.Trim();
        return v is National or Provincial ? v : Words.FirstOrDefault(w => w.Word == v).Level;
    }
}

/// <summary>A heading-bearing unit of a document's structure: part, chapter, section, numbered item with sub-clauses, box, annex.</summary>
public sealed record StructureUnit
{
    /// <summary>Akoma-Ntoso-like path with Arabic numbers: part_3, chp_4__sec_1, part_3__box_4.</summary>
    public required string EId { get; init; }
    /// <summary>part | chapter | section | item | box | annex</summary>
    public required string Kind { get; init; }
    /// <summary>The number as printed: 三, （二）, 第四章, 专栏4.</summary>
    public string? Number { get; init; }
    public required string Heading { get; init; }
    /// <summary>As a person cites it: 三, 三（二）, 第四章第一节, 专栏4.</summary>
    public required string Locator { get; init; }
    public string? ParentEId { get; init; }
    public int Order { get; init; }
    /// <summary>1-based line in the corpus body where the unit starts.</summary>
    public int Line { get; init; }
}

/// <summary>One clause: the unit of search, tagging, citation and linking.</summary>
public sealed record Clause
{
    /// <summary>&lt;doc-id&gt;/&lt;eId&gt; (<see cref="IdOf"/>)</summary>
    public required string Id { get; init; }
    public required string DocId { get; init; }
    public required string EId { get; init; }

    /// <summary>The id of the clause <paramref name="eId"/> of document <paramref name="docId"/>.</summary>
    public static string IdOf(string docId, string eId) => $"{docId}/{eId}";

    /// <summary>paragraph | item | subitem | point | box-item | indicator-row | preamble</summary>
    public required string Kind { get; init; }
    /// <summary>Headings of the enclosing units, outermost first (e.g. ["三、主要任务", "（一）大力推进能效提升…"]).</summary>
    public IReadOnlyList<string> Path { get; init; } = [];
    /// <summary>The eId of the innermost enclosing unit, null at top level.</summary>
    public string? ParentEId { get; init; }
    /// <summary>The clause's own topic phrase (text before the first 。 when it is a heading-like sentence), or null.</summary>
    public string? Heading { get; init; }
    public required string Locator { get; init; }
    public required string Citation { get; init; }
    /// <summary>The clause text, whitespace normalised, page breaks joined, numbering kept.</summary>
    public required string Text { get; init; }
    /// <summary>Reading order within the document, from 0.</summary>
    public int Order { get; init; }
    public int Line { get; init; }
    /// <summary>For an indicator-table row: its cells by column.</summary>
    public IndicatorRow? Row { get; init; }

    // Tags (issue 3). Spans are offsets into Text.
    public IReadOnlyList<DepartmentTag> Departments { get; init; } = [];
    public IReadOnlyList<IndustryTag> Industries { get; init; } = [];
    /// <summary>
    /// Codes of industries the text names only where the tagger ruled the name out (再生有色金属 is a recycled
    /// material, not 有色金属 the industry): a search for the industry ranks the clause after the industry's own.
    /// </summary>
    public IReadOnlyList<string> PassedOverIndustries { get; init; } = [];
    public IReadOnlyList<int> TargetYears { get; init; } = [];
    public IReadOnlyList<YearTag> YearTags { get; init; } = [];
    public IReadOnlyList<QuantTarget> Targets { get; init; } = [];
    public IReadOnlyList<string> Modality { get; init; } = [];
    public IReadOnlyList<ModalityTag> ModalityTags { get; init; } = [];
    public IReadOnlyList<LabelTag> Topics { get; init; } = [];
    public IReadOnlyList<LabelTag> Places { get; init; } = [];

    // Cross-links (issue 6).
    public IReadOnlyList<ClauseLink> Links { get; init; } = [];
}

public sealed record IndicatorRow(string Indicator, string? Unit, IReadOnlyList<TableCell> Cells);

public sealed record TableCell(string Column, string Value);

/// <summary>A span of a clause's Text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

public static class Roles
{
    public const string Lead = "lead";
    public const string Participant = "participant";
    public const string Implementer = "implementer";
    public const string Issuer = "issuer";
}

public static class Modalities
{
    public const string Prohibit = "prohibit";
    public const string Require = "require";
    public const string Encourage = "encourage";

    /// <summary>The modality a filter value names (prohibit / 禁止, require / 约束 / 要求, encourage / 鼓励), or null.</summary>
    public static string? Parse(string value) => value.Trim() switch
    {
        Prohibit or "禁止" => Prohibit,
        Require or "约束" or "要求" => Require,
        Encourage or "鼓励" => Encourage,
        _ => null,
    };
}

/// <summary>A responsible body. Name as written; Canonical from the department taxonomy.</summary>
public sealed record DepartmentTag(string Name, string Canonical, string Role, TextSpan? Span, string Rule);

/// <summary>Code is GB/T 4754-2017 (C31, C3216 …) or a taxonomy key for industries the standard does not name.</summary>
public sealed record IndustryTag(string Code, string Name, TextSpan Span, string Rule);

/// <summary>Kind: deadline (到2020年, 2020年底前) | start (2019年7月1日起) | peak (2030年碳排放达峰).</summary>
public sealed record YearTag(int Year, string Kind, TextSpan Span, string Rule);

/// <summary>Direction: decrease | increase | reach | cap | floor.</summary>
public sealed record QuantTarget
{
    public required string Metric { get; init; }
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
    public required string Direction { get; init; }
    public decimal? BaseValue { get; init; }
    public int? BaseYear { get; init; }
    public int? TargetYear { get; init; }
    public string? Scope { get; init; }
    public TextSpan Span { get; init; }
    public required string Rule { get; init; }
}

public sealed record ModalityTag(string Modality, TextSpan Span, string Rule);

/// <summary>A topic or place: Name is the taxonomy's canonical name.</summary>
public sealed record LabelTag(string Name, TextSpan Span, string Rule);

public static class Relations
{
    public const string Cites = "cites";
    public const string NearVerbatim = "near-verbatim";
    public const string Paraphrase = "paraphrase";
    public const string SameTopic = "same-topic";
    public const string Implements = "implements";
}

public static class Directions
{
    public const string National = "national";
    public const string Provincial = "provincial";
    public const string Peer = "peer";
}

/// <summary>A typed link from the clause that holds it to clause (or document) Id. Direction says where Id stands relative to the holder.</summary>
public sealed record ClauseLink(string Id, string Relation, double Score, string Direction, LinkEvidence? Evidence);

public sealed record LinkEvidence
{
    /// <summary>What the two texts share (aligned common text, or shared tags).</summary>
    public string? Common { get; init; }
    /// <summary>Edit script from the linked text to this clause's text, for near-verbatim links.</summary>
    public IReadOnlyList<DiffOp> Diff { get; init; } = [];
    public IReadOnlyList<string> SharedTags { get; init; } = [];
    public string? Note { get; init; }
}

/// <summary>Op: equal | insert | delete.</summary>
public sealed record DiffOp(string Op, string Text);

/// <summary>A line of a document that is not policy text: title, 文号, addressee, signature, date, trailer, artefact.</summary>
public sealed record MetadataLine(string Kind, string Text, int Line);

/// <summary>A reference to a document, by 《title》 or 文号, found in a clause; TargetDocId null when outside the corpus.</summary>
public sealed record DocumentReference(string ClauseId, string Title, string? TargetDocId, TextSpan Span);

/// <summary>A document after structure parsing (and later tagging and linking).</summary>
public sealed record ParsedDocument
{
    public required DocumentMeta Meta { get; init; }
    public IReadOnlyList<StructureUnit> Units { get; init; } = [];
    public IReadOnlyList<Clause> Clauses { get; init; } = [];
    public IReadOnlyList<MetadataLine> Metadata { get; init; } = [];
    public IReadOnlyList<DocumentReference> References { get; init; } = [];
}
