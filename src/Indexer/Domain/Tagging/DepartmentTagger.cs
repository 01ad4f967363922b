using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Tags the bodies a clause gives a role. Three sources, each a rule name on the tag:
/// <list type="bullet">
/// <item><c>annotation</c>: 001's 部内 notes, "（部内原材料司牵头，规划司、节能司参与）": 负责/牵头 → lead,
/// 参与/配合 → participant, 负责落实/落实 → implementer;</item>
/// <item><c>responsibility-list</c>: 003's "(责任单位：省经济和信息化委、省发展改革委…;各市〔州〕人民政府，贵安新区管委会)":
/// the first body leads, the other bodies before the semicolon participate, those after it implement;</item>
/// <item><c>text</c>: roles the sentence states: "地方各级工业和信息化主管部门要履职尽责" (implementer),
/// "…要发挥牵头作用" (lead), "会同相关部门" (participant), "鼓励各地出台…" (implementer), and the shared
/// head noun of "各级工业和信息化、发展改革、科技…等主管部门要" expanded to one body per item.</item>
/// </list>
/// Bodies merely mentioned ("配合交通运输等部门", "争取工业和信息化部…支持") get no tag.
/// Document-wide rules (001's "以下均需…落实，不再列出") are found by <see cref="FindBlanketImplementer"/>
/// and applied by <see cref="DocumentTagger"/>.
/// </summary>
public sealed partial class DepartmentTagger
{
    private readonly Taxonomies _tax;
    private readonly string _jurisdiction;
    private readonly Lexicon<string> _bodies = new();

    public DepartmentTagger(Taxonomies tax, string jurisdiction)
    {
        _tax = tax;
        _jurisdiction = jurisdiction;
        foreach (var a in tax.DepartmentAliases(jurisdiction))
            _bodies.Add(a, a);
    }

    public IReadOnlyList<DepartmentTag> Tag(string text)
    {
        var tags = new List<DepartmentTag>();
        var consumed = new List<(int Start, int End)>();

        foreach (Match m in Annotation().Matches(text))
        {
            consumed.Add((m.Index, m.Index + m.Length));
            tags.AddRange(ParseAnnotation(m.Groups["body"].Value, m.Groups["body"].Index));
        }
        foreach (var (start, end, body, bodyStart) in ResponsibilityLists(text))
        {
            consumed.Add((start, end));
            tags.AddRange(ParseResponsibilityList(body, bodyStart));
        }
        tags.AddRange(TextRoles(text, consumed));
        return tags.Count <= 1 ? tags : tags.Distinct().ToList();
    }

    /// <summary>
    /// 001: "以下均需地方工业和信息化主管部门落实，不再列出" names a body that implements every later clause.
    /// Returns that body as an implementer tag (span in this text), or null.
    /// </summary>
    public DepartmentTag? FindBlanketImplementer(string text)
    {
        var m = Blanket().Match(text);
        if (!m.Success)
            return null;
        var g = m.Groups["body"];
        return Make(g.Value, Roles.Implementer, new TextSpan(g.Index, g.Length), "blanket-rule");
    }

    // ---- 部内 annotations ---------------------------------------------------------------------

    private IEnumerable<DepartmentTag> ParseAnnotation(string body, int offset)
    {
        // "产业司负责，地方工业和信息化主管部门负责落实。以下均需…不再列出": the blanket sentence is handled elsewhere.
        var pos = 0;
        foreach (var sentence in body.Split('。', '；', ';'))
        {
            var sentenceStart = pos;
            pos += sentence.Length + 1;
            if (Blanket().IsMatch(sentence))
                continue;
            var segPos = sentenceStart;
            foreach (var segment in sentence.Split('，', ','))
            {
                var segStart = segPos;
                segPos += segment.Length + 1;
                var m = AnnotationSegment().Match(segment);
                if (!m.Success)
                    continue;
                var role = m.Groups["verb"].Value switch
                {
                    "负责" or "牵头" => Roles.Lead,
                    "参与" or "配合" => Roles.Participant,
                    _ => Roles.Implementer,
                };
                foreach (var (name, at) in SplitNames(m.Groups["names"].Value, m.Groups["names"].Index))
                    yield return Make(name, role, new TextSpan(offset + segStart + at, name.Length), "annotation", inMinistry: true);
            }
        }
    }

    // ---- 责任单位 lists -------------------------------------------------------------------------

    private static IEnumerable<(int Start, int End, string Body, int BodyStart)> ResponsibilityLists(string text)
    {
        foreach (Match m in ListOpen().Matches(text))
        {
            // The list may itself hold brackets (各市〔州〕, or 各市(州) with half-width ones), so find the
            // bracket that closes the one before 责任单位 by counting.
            var depth = 1;
            var i = m.Index + m.Length;
            for (; i < text.Length && depth > 0; i++)
            {
                if (text[i] is '（' or '(')
                    depth++;
                else if (text[i] is '）' or ')')
                    depth--;
            }
            var bodyStart = m.Index + m.Length;
            var bodyEnd = depth == 0 ? i - 1 : text.Length;
            yield return (m.Index, bodyEnd + 1, text[bodyStart..bodyEnd], bodyStart);
        }
    }

    private IEnumerable<DepartmentTag> ParseResponsibilityList(string body, int offset)
    {
        // Labelled form: "（牵头单位：A、B；配合单位：C、D）": every body of a labelled part takes that label's role.
        var labels = ListLabel().Matches(body);
        if (labels.Count > 0 && labels[0].Index == 0)
        {
            for (var k = 0; k < labels.Count; k++)
            {
                var start = labels[k].Index + labels[k].Length;
                var end = k + 1 < labels.Count ? labels[k + 1].Index : body.Length;
                var role = labels[k].Groups["label"].Value switch
                {
                    "牵头单位" or "主办单位" => Roles.Lead,
                    "配合单位" or "参与单位" or "协办单位" => Roles.Participant,
                    _ => Roles.Implementer,
                };
                foreach (var (name, at) in SplitNames(body[start..end].TrimEnd(';', '；', ' '), start))
                    yield return Make(name, role, new TextSpan(offset + at, name.Length), "responsibility-list");
            }
            yield break;
        }
        var semi = body.IndexOfAny([';', '；']);
        var provincial = semi < 0 ? body : body[..semi];
        var first = true;
        foreach (var (name, at) in SplitNames(provincial, 0))
        {
            yield return Make(name, first ? Roles.Lead : Roles.Participant, new TextSpan(offset + at, name.Length), "responsibility-list");
            first = false;
        }
        if (semi < 0)
            yield break;
        foreach (var (name, at) in JoinLevels(SplitNames(body[(semi + 1)..], semi + 1).ToList()))
            yield return Make(name, Roles.Implementer, new TextSpan(offset + at, name.Length), "responsibility-list");
    }

    /// <summary>"各州、市人民政府" is one body (the governments of every prefecture and city), not 各州 + 市人民政府.</summary>
    private static IEnumerable<(string Name, int At)> JoinLevels(List<(string Name, int At)> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var (name, at) = items[i];
            while (i + 1 < items.Count && BareLevel().IsMatch(name))
                name = name + "、" + items[++i].Name;
            yield return (name, at);
        }
    }

    [GeneratedRegex(@"^各[州市县区盟旗]{1,2}$")]
    private static partial Regex BareLevel();

    // ---- roles stated in the text --------------------------------------------------------------

    private IEnumerable<DepartmentTag> TextRoles(string text, List<(int Start, int End)> consumed)
    {
        bool Inside(int pos) => consumed.Any(c => pos >= c.Start && pos < c.End);

        // "各级工业和信息化、发展改革、科技、财政、环境保护等主管部门要…": one body per item.
        var covered = new List<(int Start, int End)>();
        foreach (Match m in SharedHead().Matches(text))
        {
            if (Inside(m.Index))
                continue;
            var role = RoleFrom(text.AsSpan(0, m.Index), text.AsSpan(m.Index + m.Length));
            covered.Add((m.Index, m.Index + m.Length));
            if (role is null)
                continue;
            var items = m.Groups["items"];
            foreach (var (item, at) in SplitNames(items.Value, 0))
            {
                var name = item + "主管部门";
                var scope = m.Groups["scope"].Value;
                var resolved = _tax.ResolveDepartment(scope + name, _jurisdiction) ?? _tax.ResolveDepartment(name, _jurisdiction);
                var canonical = resolved?.Canonical ?? "地方各级" + name;
                yield return new DepartmentTag(name, canonical, role, new TextSpan(items.Index + at, item.Length), "text:shared-head");
            }
        }

        foreach (var h in _bodies.Scan(text))
        {
            if (Inside(h.Start) || covered.Any(c => h.Start >= c.Start && h.Start < c.End))
                continue;
            var role = RoleFrom(text.AsSpan(0, h.Start), text.AsSpan(h.End));
            if (role is not null)
                yield return Make(h.Term, role, new TextSpan(h.Start, h.Length), "text");
        }
    }

    /// <summary>The role the words around a body give it, or null when it is only mentioned.</summary>
    /// <remarks>Spans, not substrings, of the text: the regexes are anchored (^, $), and anchors hold at a span's ends.</remarks>
    private static string? RoleFrom(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        if (LeadAfter().IsMatch(after))
            return Roles.Lead;
        if (before.EndsWith("会同", StringComparison.Ordinal) || before.EndsWith("会同其他", StringComparison.Ordinal)
            || ParticipantAfter().IsMatch(after))
            return Roles.Participant;
        if (DutyAfter().IsMatch(after) || AddressedBefore().IsMatch(before))
            return Roles.Implementer;
        return null;
    }

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>
    /// Splits "部内政法司、人教司等相关司局" into 政法司, 人教司, 相关司局 with their offsets in <paramref name="s"/>
    /// plus <paramref name="offset"/>. Only 、 and commas separate names: 和 is part of 工业和信息化主管部门.
    /// </summary>
    private static IEnumerable<(string Name, int At)> SplitNames(string s, int offset)
    {
        foreach (Match m in NameItem().Matches(s))
        {
            var name = m.Value;
            var at = m.Index;
            var trimmed = name.TrimStart();
            at += name.Length - trimmed.Length;
            name = trimmed.TrimEnd();
            if (name.StartsWith("部内", StringComparison.Ordinal))
            {
                name = name[2..];
                at += 2;
            }
            if (name.EndsWith('等'))
                name = name[..^1];
            if (name.Length < 2 || name == "不再列出")
                continue;
            yield return (name, offset + at);
        }
    }

    private DepartmentTag Make(string name, string role, TextSpan span, string rule, bool inMinistry = false)
    {
        var d = _tax.ResolveDepartment(name, _jurisdiction);
        // An unknown 司 inside a 部内 note still belongs to the ministry that wrote it; an unknown 省… body
        // belongs to the document's province (云南: 省工业和信息化厅 → 云南省工业和信息化厅).
        var province = _tax.ProvinceName(_jurisdiction);
        var canonical = d?.Canonical
            ?? (inMinistry ? "工业和信息化部" + name
                : province is not null && name.StartsWith('省') ? province + name[1..]
                : province is not null && name.StartsWith("各市", StringComparison.Ordinal) ? province + TextNorm.Brackets(name)
                : name);
        return new DepartmentTag(name, canonical, role, span, rule);
    }

    [GeneratedRegex(@"[（(]部内(?<body>[^（）()]+)[）)]")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"^\s*(?<names>.+?)(?<verb>负责落实|牵头|负责|参与|配合|落实)\s*$")]
    private static partial Regex AnnotationSegment();

    // "以下均需X落实，不再列出", and the same rule worded "以下各项任务均由X负责落实/实施".
    [GeneratedRegex(@"以下(?:各项)?(?:任务)?均(?:需|须|由)(?<body>[^，。,；;）)]{2,40}?)(?:负责)?(?:落实|实施|组织实施)")]
    private static partial Regex Blanket();

    // "(责任单位：" or, labelled, "（牵头单位：" — the labelled form is read by ListLabel.
    [GeneratedRegex(@"[（(]\s*(?:责任单位\s*[：:]|(?=牵头单位\s*[：:]))")]
    private static partial Regex ListOpen();

    [GeneratedRegex(@"(?:^|[；;，,]\s*)(?<label>牵头单位|主办单位|配合单位|参与单位|协办单位|落实单位)\s*[：:]")]
    private static partial Regex ListLabel();

    // Items separated by 、 or commas, or by 等 before 相关/有关/其他 ("人教司等相关司局" → 人教司, 相关司局).
    [GeneratedRegex(@"(?:[^、，,等]|等(?!相关|有关|其他))+")]
    private static partial Regex NameItem();

    [GeneratedRegex(@"(?<scope>地方各级|各级|地方|省级|市级)(?<items>(?:[\p{IsCJKUnifiedIdeographs}]{2,8}、)+[\p{IsCJKUnifiedIdeographs}]{2,8})等?主管部门")]
    private static partial Regex SharedHead();

    // "…要发挥牵头作用", "X牵头", "由X负责组织" (but "X负责落实" is carrying out: implementer).
    [GeneratedRegex(@"^\s*(?:要|应|应当)?(?:充分)?发挥牵头作用|^\s*牵头|^\s*负责(?!落实|实施|执行)")]
    private static partial Regex LeadAfter();

    // "地方各级工业和信息化主管部门要…", "各地各部门要…", "省级工业和信息化主管部门分别于每年1月15日…前报送".
    [GeneratedRegex(@"^\s*(?:等|等相关部门|等部门|、?各(?:有关)?部门(?:和单位)?)?\s*(?:要|应当|应于|应|必须|务必|负责落实|负责实施|负责执行|分别于)")]
    private static partial Regex DutyAfter();

    [GeneratedRegex(@"^\s*(?:等部门)?\s*(?:配合|参与|协助)")]
    private static partial Regex ParticipantAfter();

    [GeneratedRegex(@"(?:鼓励|指导和督促|督促|指导|要求)$")]
    private static partial Regex AddressedBefore();
}
