using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// The deontic force of a clause: prohibit (严禁/禁止/不得), require (duties: 要/应/必须/严格执行/确保/
/// 实施/落实/加快/推进 …, and stated targets), encourage (鼓励/支持/引导/扶持/培育).
/// <list type="bullet">
/// <item>An encouragement governs the rest of its phrase (up to the next comma): in "支持利用物联网、大数据
/// 开展信息采集，" the 开展 is what is supported, not a duty, so verbs there do not make a requirement.</item>
/// <item>Nominal uses are not modal: "明确禁止和限制发展的行业" names a list, "发挥政府的引导作用", "加大
/// 政策支持力度", "培育500家绿色示范工厂" (a quantified target, a requirement), "推广国家鼓励的工业节水工艺"
/// (the state's list, not an encouragement by this clause).</item>
/// <item>Descriptive clauses (a plan's review of the past, 面临的形势, 取得的成绩) and purpose clauses
/// ("为…，制定本规划。") have no modality: the caller passes <c>descriptive</c>.</item>
/// </list>
/// </summary>
public static partial class ModalityTagger
{
    public static IReadOnlyList<ModalityTag> Tag(string text, bool descriptive = false, bool statesTarget = false)
    {
        if (descriptive || Purpose().IsMatch(text))
            return [];
        var tags = new List<ModalityTag>();
        var scopes = new List<(int Start, int End)>();
        // What a prohibition or an encouragement governs is not a duty: "严禁国家明令淘汰的落后生产能力…转移".
        void Scope(int index)
        {
            var end = text.AsSpan(index).IndexOfAny(PhraseEnds);
            scopes.Add((index, end < 0 ? text.Length : index + end));
        }
        foreach (var m in Prohibit().EnumerateMatches(text))
        {
            tags.Add(new ModalityTag(Modalities.Prohibit, new TextSpan(m.Index, m.Length), ProhibitRules.For(text.AsSpan(m.Index, m.Length))));
            Scope(m.Index);
        }

        foreach (var m in Encourage().EnumerateMatches(text))
        {
            tags.Add(new ModalityTag(Modalities.Encourage, new TextSpan(m.Index, m.Length), EncourageRules.For(text.AsSpan(m.Index, m.Length))));
            Scope(m.Index);
        }

        var anyRequire = false;
        foreach (var m in Require().EnumerateMatches(text))
        {
            if (InScope(scopes, m.Index))
                continue;
            tags.Add(new ModalityTag(Modalities.Require, new TextSpan(m.Index, m.Length), RequireRules.For(text.AsSpan(m.Index, m.Length))));
            anyRequire = true;
        }
        if (statesTarget && !anyRequire)
            tags.Add(new ModalityTag(Modalities.Require, new TextSpan(0, 0), "require:stated-target"));
        return TagOrder.ByStart(tags, t => t.Span.Start);
    }

    /// <summary>Distinct modalities in the order prohibit, require, encourage.</summary>
    public static IReadOnlyList<string> Summarise(IEnumerable<ModalityTag> tags)
    {
        bool prohibit = false, require = false, encourage = false;
        foreach (var t in tags)
        {
            prohibit |= t.Modality == Modalities.Prohibit;
            require |= t.Modality == Modalities.Require;
            encourage |= t.Modality == Modalities.Encourage;
        }
        var list = new List<string>(3);
        if (prohibit)
            list.Add(Modalities.Prohibit);
        if (require)
            list.Add(Modalities.Require);
        if (encourage)
            list.Add(Modalities.Encourage);
        return list;
    }

    private static bool InScope(List<(int Start, int End)> scopes, int index)
    {
        foreach (var (start, end) in scopes)
        {
            if (index >= start && index < end)
                return true;
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> PhraseEnds = System.Buffers.SearchValues.Create("。；;！，,");
    private static readonly RuleNames ProhibitRules = new("prohibit:");
    private static readonly RuleNames EncourageRules = new("encourage:");
    private static readonly RuleNames RequireRules = new("require:");

    [GeneratedRegex(@"严禁|不得|(?<!明确)禁止(?!和限制|类|开发区域|的|性)|不准|不允许")]
    private static partial Regex Prohibit();

    [GeneratedRegex(@"鼓励(?!的)|(?<!争取[^，。；]{0,30}|政策|资金|财税|金融|技术)支持(?!力度|政策|作用|下)|引导(?!作用)|扶持|培育(?![\d一两百千万几]{1,3}[家个种项])")]
    private static partial Regex Encourage();

    // Modal 要/应 only as verbs: not 主要 重要 需要 要求 必要, not 应用 供应 相应 效应 适应 对应 响应.
    [GeneratedRegex(@"(?<![主重需必纲摘首只])要(?![求素点害件闻])|(?<![相供效适对响顺反呼])应(?![用对急变])|必须|严格|确保|实施|落实|加快|推进|加强|强化|加大|完善|建立|健全|开展|严控|严防|推广|淘汰|控制|组织|制定|深入|持续|全面|坚持|贯彻|执行|成立|力争|构建|打造|创建|促进|优化|规范|提高|提升|严厉打击|督促|配合|实行|推行|研究|探索|发布|修订|突破|研发|研制")]
    private static partial Regex Require();

    [GeneratedRegex(@"^\s*为[^。]{4,200}(?:制定|特制定|现提出|提出)(?:本|以下)[^。]{0,10}[。：:]?\s*$")]
    private static partial Regex Purpose();
}
