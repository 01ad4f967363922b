using System.Text;
using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Citations;

/// <summary>Kinds of citation targets (the API's target.kind).</summary>
public static class CitationKinds
{
    public const string Document = "document";
    public const string Part = "part";
    public const string Chapter = "chapter";
    public const string Section = "section";
    public const string Box = "box";
    public const string Clause = "clause";
}

/// <summary>
/// What a citation points at. Id is a clause id (miit-2018-136/part_3__item_6), a document id, or
/// &lt;doc&gt;#&lt;unit eId&gt; for a part, chapter, section, box or an item that holds sub-clauses.
/// </summary>
public sealed record CitationTarget
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string DocId { get; init; }
    /// <summary>The unit's or clause's eId; null for a document.</summary>
    public string? EId { get; init; }
    /// <summary>The document's title.</summary>
    public string? Title { get; init; }
    public string? Heading { get; init; }
    /// <summary>A clause's text; for a unit its heading and the text of everything in it; for a document its opening.</summary>
    public string? Text { get; init; }
    public required string Citation { get; init; }
    public required string Url { get; init; }
}

/// <summary>The resolver's answer: a target, or the specific reason there is none (in Chinese) and the candidates.</summary>
public sealed record CitationResolution
{
    public required ParsedCitation Parsed { get; init; }
    public bool Resolved => Target is not null;
    public CitationTarget? Target { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<CitationTarget> Candidates { get; init; } = [];

    /// <summary>
    /// How the document was identified (文号, 标题, 标题前缀, 标题包含, 标题简写, 标题错字 …), null when it was not.
    /// A search box should jump straight to the target only for an explicit citation (see <see cref="IsExplicit"/>):
    /// a query 长江经济带 is contained in 000's title but is a search, not a citation.
    /// </summary>
    public string? DocumentMatch { get; init; }

    /// <summary>Resolved, and written as a citation: with a 文号, a 《title》, a locator, or a title matched exactly.</summary>
    public bool IsExplicit => Resolved && (Parsed.DocNumber is not null || Parsed.TitleQuoted || Parsed.Locator is not null || DocumentMatch == "标题");
}

/// <summary>
/// Resolves a parsed citation against a catalog: first the document (文号, then title), then the locator step
/// by step over the document's eIds (part_N, chp_N, sec_N, item_N, box_N, point_N, para_N, row_N, annex_N),
/// never over locator strings, so that 三（二）, 第三部分第（二）条 and 二（五）-style citations all meet the same
/// structure. A unit that does not exist, or a locator that fits two units (003 has a （五） under both
/// 三、重点任务 and 四、保障措施), is unresolved with the candidates: the resolver never guesses.
/// </summary>
public sealed partial class CitationResolver
{
    private readonly ICitationCatalog _catalog;
    private readonly DocumentIdentifier _identifier;
    // One tree per document, built on first use: the resolver lives as long as its catalog (an index generation).
    // A tree holds its document's clause texts: kept for the documents cited lately, not for the whole corpus.
    private readonly BoundedCache<string, OutlineTree?> _trees = new(TreeCacheSize, StringComparer.Ordinal);

    private const int TreeCacheSize = 1_000;

    public CitationResolver(ICitationCatalog catalog)
    {
        _catalog = catalog;
        _identifier = new DocumentIdentifier(catalog.Documents);
    }

    public DocumentIdentifier Identifier => _identifier;

    public CitationResolution Resolve(string? input) => Resolve(CitationParser.Parse(input));

    /// <summary>
    /// Resolves a citation found in running text (<see cref="CitationParser.FindInText"/>) from its parts as found:
    /// 《工业绿色发展规划（2016-2020年）》 in 000's 总体要求 resolves to document 002; a title outside the corpus
    /// (《中国制造2025》) is unresolved.
    /// </summary>
    public CitationResolution ResolveMention(string text, CitationMention mention)
    {
        var quoted = mention.TitleSpan is { } ts ? text.Substring(ts.Start, ts.Length) : null;
        var parsed = new ParsedCitation
        {
            Input = text.Substring(mention.Span.Start, mention.Span.Length),
            Title = quoted is null ? null : DocumentIdentifier.TitleKey(quoted),
            TitleSpan = mention.TitleSpan,
            TitleQuoted = quoted is not null,
            DocNumber = mention.DocNumber,
            DocNumberSpan = mention.DocNumberSpan,
            Locator = mention.Locator,
        };
        return Resolve(parsed);
    }

    /// <summary>
    /// Where a citation points, for a caller that links to its target rather than shows it (the linker): as
    /// <see cref="Resolve(string?)"/>, except that a document's outline is read only to walk a locator or to match a
    /// heading, and a whole document's target (or an ambiguous citation's candidates) carries no text. A corpus's
    /// references are nearly all to whole documents: at 10,000 generated documents the build parsed cited documents'
    /// outlines 10,328 times for 2,226 distinct references, for text it never used.
    /// </summary>
    public CitationResolution Locate(string? input) => Resolve(CitationParser.Parse(input), withText: false);

    public CitationResolution Resolve(ParsedCitation parsed) => Resolve(parsed, withText: true);

    private CitationResolution Resolve(ParsedCitation parsed, bool withText)
    {
        if (parsed.IsEmpty)
            return Fail(parsed, "无法识别的引用：请输入文件标题、简称或文号，可在后面加条款位置，如“工业绿色发展规划 三（一）”");
        if (parsed.Title is null && parsed.DocNumber is null)
            return Fail(parsed, $"没有指明文件：请在“{parsed.Locator}”前加上文件标题、简称或文号");

        var steps = parsed.Locator?.Steps.ToList() ?? [];
        var (doc, method, failure) = IdentifyDocument(parsed, steps, withText);
        if (doc is null)
            return failure!;
        if (steps.Count == 0 && !withText)
            return new CitationResolution { Parsed = parsed, Target = OutlineTree.BareDocumentTarget(doc), DocumentMatch = method };
        var tree = Tree(doc.Id);
        if (tree is null)
            return Fail(parsed, $"文件 {doc.Id} 的结构不可用");
        var resolution = steps.Count == 0
            ? new CitationResolution { Parsed = parsed, Target = tree.DocumentTarget() }
            : Walk(parsed, tree, steps);
        return resolution with { DocumentMatch = method };
    }

    private OutlineTree? Tree(string docId) =>
        _trees.GetOrAdd(docId, id => _catalog.Outline(id) is { } o ? new OutlineTree(o) : null);

    private (DocumentMeta? Doc, string Method, CitationResolution? Failure) IdentifyDocument(ParsedCitation parsed, List<LocatorStep> steps,
        bool withText)
    {
        DocumentIdentification? byNumber = null;
        if (parsed.DocNumber is { } number)
        {
            byNumber = _identifier.ByNumber(number);
            if (byNumber.Documents.Count > 1)
                return (null, "", Ambiguous(parsed, withText, $"文号“{number}”对应多个文件", byNumber.Documents));
        }

        DocumentIdentification? byTitle = null;
        if (parsed.Title is { } title)
        {
            byTitle = _identifier.ByTitle(title, quoted: parsed.TitleQuoted);
            // 贵州绿色制造三年行动计划保障措施第（二）条 contains a title but is not one: unless the text is exactly a
            // title, try reading its end as a heading that names a part.
            if (byTitle.Method != "标题" && !parsed.TitleQuoted)
            {
                // 贵洲省绿色制造三年行动计划 主要目标第二条: the title ends with a heading that names a part.
                var split = SplitTitleAndHeading(parsed);
                if (split is { } s)
                {
                    steps.Insert(0, new LocatorStep(LocatorStepKind.Heading, null, s.Heading, default));
                    byTitle = new DocumentIdentification([s.Doc], "标题+标题名");
                }
            }
        }

        var numberDoc = byNumber?.Single;
        var titleDoc = byTitle?.Single;
        if (numberDoc is not null && titleDoc is not null && numberDoc.Id != titleDoc.Id)
            return (null, "", Ambiguous(parsed, withText, $"文号“{parsed.DocNumber}”与标题“{parsed.Title}”指向不同的文件", [numberDoc, titleDoc]));
        if (numberDoc is not null)
        {
            if (parsed.Title is { } words && !parsed.TitleQuoted && byTitle is { Documents.Count: 0 })
            {
                // 黔府办发〔2018〕14号 总体要求: words beside the 文号 that name no document may name a part of it.
                if (HasHeading(numberDoc, words))
                    steps.Insert(0, new LocatorStep(LocatorStepKind.Heading, null, words, parsed.TitleSpan ?? default));
                // Words after it that are neither (工信部规〔2016〕225号 二（二）abc) are a locator not understood: the
                // document alone would answer a question that was not asked. Words before it may be the 发文 title
                // (关于印发…的通知 工信部规〔2016〕225号), which the title index does not hold.
                else if (parsed.TitleSpan is { } ts && parsed.DocNumberSpan is { } ns && ts.Start > ns.Start)
                    return (null, "", Ambiguous(parsed, withText,
                        $"文号“{parsed.DocNumber}”指《{numberDoc.Title}》，但看不懂其后的“{parsed.Input.Substring(ts.Start, ts.Length)}”：" +
                        "条款位置可写作 三（一）、第三部分、第四章第一节、专栏2、第2段", [numberDoc]));
            }
            return (numberDoc, byNumber!.Method, null);
        }
        if (parsed.DocNumber is not null && byNumber!.Documents.Count == 0)
            return (null, "", Fail(parsed, $"文号不存在：库中没有“{parsed.DocNumber}”"));
        if (titleDoc is not null)
            return (titleDoc, byTitle!.Method, null);
        if (byTitle is { Documents.Count: > 1 })
            return (null, "", Ambiguous(parsed, withText, $"“{parsed.Title}”可指{byTitle.Documents.Count}个文件：" +
                string.Join("；", byTitle.Documents.Select(d => $"《{d.Title}》")) + "，请写全标题或文号", byTitle.Documents));
        return (null, "", Fail(parsed, $"找不到标题为“{parsed.Title}”的文件"));
    }

    private (DocumentMeta Doc, string Heading)? SplitTitleAndHeading(ParsedCitation parsed)
    {
        var title = parsed.Title!;
        var found = new List<(DocumentMeta Doc, string Heading)>();
        if (parsed.HeadingHint is { } hint && title.EndsWith(hint, StringComparison.Ordinal))
        {
            var doc = _identifier.ByTitle(title[..^hint.Length]).Single;
            if (doc is not null && HasHeading(doc, hint))
                return (doc, hint);
        }
        // Exact titles first: 贵州绿色制造三年行动计划|保障措施 rather than the one-typo reading 贵州绿色制造三年行动计划保|障措施.
        foreach (var exactOnly in new[] { true, false })
        {
            for (var k = title.Length - 2; k >= 4; k--)
            {
                var id = _identifier.ByTitle(title[..k], strict: true);
                var heading = title[k..];
                if (id.Single is { } doc && (!exactOnly || id.Method == "标题") && HasHeading(doc, heading))
                    found.Add((doc, heading));
            }
            if (found.Count > 0)
                break;
        }
        var distinct = found.DistinctBy(f => f.Doc.Id).ToList();
        return distinct.Count == 1 ? found[^1] : null;
    }

    private bool HasHeading(DocumentMeta doc, string heading) =>
        Tree(doc.Id) is { } t && t.ByHeading("", heading).Count == 1;

    private static CitationResolution Walk(ParsedCitation parsed, OutlineTree tree, List<LocatorStep> steps)
    {
        // Every reading is followed: 四 may name two parts printed 四 (a numbering slip in the document), and the
        // next step (（十一）) tells which. Ambiguous only when more than one unit is left at the end.
        List<string> readings = [""];
        var written = new StringBuilder();
        foreach (var step in steps)
        {
            var current = readings[0];
            var matches = readings.SelectMany(r => tree.Step(r, step)).Distinct().ToList();
            written.Append(step);
            if (matches.Count == 0)
            {
                var where = current.Length == 0 ? "该文件" : $"该文件的{tree.LocatorOf(current)}";
                // 长江经济带指导意见 三（五）: （五） is under 二 — offer it as a candidate, not as the answer.
                var elsewhere = current.Length == 0 ? [] : tree.Step("", step);
                var also = elsewhere.Count == 0 ? "" : $"；{step}见于{string.Join("、", elsewhere.Select(tree.LocatorOf))}";
                return new CitationResolution
                {
                    Parsed = parsed,
                    Reason = $"{where}没有{step}（《{tree.Meta.Title}》）" + tree.Hint(current, step) + also,
                    Candidates = [.. elsewhere.Select(tree.Target)],
                };
            }
            readings = matches;
        }
        if (readings.Count > 1)
        {
            var places = string.Join("；", readings.Select(m => tree.Describe(m)));
            return new CitationResolution
            {
                Parsed = parsed,
                Reason = $"{written}在该文件中出现{readings.Count}处：{places}。请写明所在部分，如“{tree.LocatorOf(readings[0])}”",
                Candidates = [.. readings.Select(tree.Target)],
            };
        }
        return new CitationResolution { Parsed = parsed, Target = tree.Target(readings[0]) };
    }

    private static CitationResolution Fail(ParsedCitation parsed, string reason) => new() { Parsed = parsed, Reason = reason };

    private CitationResolution Ambiguous(ParsedCitation parsed, bool withText, string reason, IEnumerable<DocumentMeta> docs) => new()
    {
        Parsed = parsed,
        Reason = reason,
        Candidates = [.. docs.Select(d => (withText ? Tree(d.Id)?.DocumentTarget() : null) ?? OutlineTree.BareDocumentTarget(d))],
    };

    /// <summary>The standard citation string: 《title》（文号）locator, without the 文号 part when there is none.</summary>
    public static string FormatCitation(DocumentMeta meta, string? locator)
    {
        var number = DocNumber.Parse(meta.DocNumber).Value?.ToString() ?? meta.DocNumber;
        return $"《{meta.Title}》" + (string.IsNullOrEmpty(number) ? "" : $"（{number}）") + (locator ?? "");
    }

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分]|专栏\s*\d+|[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[.、．]|——)+")]
    internal static partial Regex LeadingNumber();
}
