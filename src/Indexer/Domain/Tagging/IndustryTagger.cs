using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Tags the industries a clause concerns. Rules, in order:
/// 1. leftmost-longest match over aliases, false friends and body names (so 废钢铁, 电子标签 and
///    省食品药品监管局 hide the 钢铁, 电子 and 食品 inside them);
/// 2. a list-only form (冶金, 有色, 装备, 电子, 煤炭 …) counts only as an item of an enumeration of
///    industries: "以煤炭、电力、化工、冶金、有色、建材等传统行业" is six industries, "冶金尘泥" none;
/// 3. an industry word that is an item of a list of things to be recycled is a waste stream, not the
///    industry: "推动废旧机电产品、…、汽车、家电、手机、电池、塑料、橡胶、玻璃、废弃油脂等再生资源利用",
///    "汽车回收拆解", "家用电器与电子产品回收处理" (the list runs on to 等再生资源 / 回收 / 拆解 / 废弃);
/// 4. one tag per industry, at its first occurrence that counts.
/// </summary>
public sealed partial class IndustryTagger
{
    private enum Kind { Alias, ListOnly, FalseFriend }

    private readonly record struct Entry(Kind Kind, Industry? Industry);

    private readonly Lexicon<Entry> _lexicon = new();
    // Every form a search for an industry looks for (the query vocabulary's: aliases, list-only forms, synonyms).
    private readonly Lexicon<Industry> _forms = new();
    // Rule names ("alias:钢铁") made once per term, not once per tag.
    private static readonly RuleNames ListRules = new("list:");
    private static readonly RuleNames AliasRules = new("alias:");

    public IndustryTagger(Taxonomies tax)
    {
        foreach (var i in tax.Industries)
        {
            // The name is an alias too, unless it is a list-only form (煤炭, 电力, 电子 as written alone).
            foreach (var a in i.Aliases.Append(i.Name).Where(a => !i.ListOnly.Contains(a)))
                _lexicon.Add(a, new Entry(Kind.Alias, i));
            foreach (var a in i.ListOnly)
                _lexicon.Add(a, new Entry(Kind.ListOnly, i));
            foreach (var a in i.Aliases.Concat(i.ListOnly).Concat(tax.AliasGroup(i.Name)).Append(i.Name))
                _forms.Add(a, i);
        }
        foreach (var f in tax.IndustryFalseFriends)
            _lexicon.Add(f, new Entry(Kind.FalseFriend, null));
        // A body's name is never an industry mention: 省大数据发展管理局, 消费品司, 省食品药品监管局.
        foreach (var d in tax.Departments)
        {
            foreach (var a in d.Aliases.Append(d.Canonical).Where(a => a.Length >= 3))
                _lexicon.Add(a, new Entry(Kind.FalseFriend, null));
        }
    }

    /// <summary>
    /// The industries the text names, as a search for their forms finds them (one string inside another: 有色金属 in
    /// 再生有色金属, 钢铁 in 废钢铁, 冶金 in 冶金尘泥), that are not among <paramref name="tags"/>: the rules above ruled
    /// those mentions out. A search still finds such a clause by its words, after the clauses about the industry.
    /// </summary>
    public IReadOnlyList<string> PassedOver(string text, IReadOnlyList<IndustryTag> tags)
    {
        var named = _forms.Occurring(text);
        return named.Count == 0 ? [] : named.Select(i => i.Code).Where(code => !tags.Any(t => t.Code == code)).Distinct().ToArray();
    }

    public IReadOnlyList<IndustryTag> Tag(string text)
    {
        var scanned = _lexicon.Scan(text);
        if (scanned.Count == 0)
            return [];
        var hits = new List<LexiconHit<Entry>>(scanned.Count);
        foreach (var h in scanned)
        {
            if (!AllFalseFriends(h.Values))
                hits.Add(h);
        }
        var tags = new List<IndustryTag>();
        HashSet<string>? seen = null;
        for (var k = 0; k < hits.Count; k++)
        {
            var h = hits[k];
            var listOnly = AllListOnly(h.Values);
            if (listOnly && !InEnumeration(text, hits, k))
                continue;
            if (IsRecycledStream(text, h))
                continue;
            foreach (var v in h.Values)
            {
                if (v.Industry is null)
                    continue;
                if ((seen ??= []).Add(v.Industry.Code))
                    tags.Add(new IndustryTag(v.Industry.Code, v.Industry.Name, new TextSpan(h.Start, h.Length),
                        (listOnly ? ListRules : AliasRules).For(h.Term)));
            }
        }
        return tags;
    }

    private static bool AllFalseFriends(IReadOnlyList<Entry> values)
    {
        foreach (var v in values)
        {
            if (v.Kind != Kind.FalseFriend)
                return false;
        }
        return true;
    }

    private static bool AllListOnly(IReadOnlyList<Entry> values)
    {
        foreach (var v in values)
        {
            if (v.Kind != Kind.ListOnly)
                return false;
        }
        return true;
    }

    // Neighbours in a list are separated by 、 (or 和/与/及, or a slash), optionally after a
    // 行业/产业 suffix: "钢铁、冶金", "石化和化工", "有色行业、冶金".
    // A list-only form glued to another industry word is part of a longer name, not an item:
    // "新能源装备、新能源汽车" lists 新能源装备, not 装备.
    private static bool InEnumeration(string text, List<LexiconHit<Entry>> hits, int k)
    {
        var h = hits[k];
        if ((k > 0 && hits[k - 1].End == h.Start) || (k + 1 < hits.Count && hits[k + 1].Start == h.End))
            return false;
        if (k > 0 && IsListGap(text.AsSpan(hits[k - 1].End, h.Start - hits[k - 1].End)))
            return true;
        return k + 1 < hits.Count && IsListGap(text.AsSpan(h.End, hits[k + 1].Start - h.End));
    }

    private static bool IsListGap(ReadOnlySpan<char> gap) => ListGap().IsMatch(gap);

    // The hit, and the short list items after it, end in a recycling head: "橡胶、玻璃、废弃油脂等再生资源",
    // "电子产品回收". A term that is itself about recycling (再生资源, 废旧…) is the recycling industry.
    // (Spans, not substrings: the regexes are anchored with ^ and $, which hold at a span's ends as at a string's.)
    private static bool IsRecycledStream(string text, LexiconHit<Entry> h) =>
        !RecyclingWord().IsMatch(h.Term) && RecyclingTail().IsMatch(text.AsSpan(h.End));

    [GeneratedRegex(@"^(?:[、与和及][^，。；;：、等,与和及]{1,8}?)*等?(?:再生资源|废旧|废弃|回收|拆解)")]
    private static partial Regex RecyclingTail();

    [GeneratedRegex(@"再生|回收|废|再制造")]
    private static partial Regex RecyclingWord();

    [GeneratedRegex(@"^(行业|产业|工业)?\s?[、和与及/]\s?$")]
    private static partial Regex ListGap();
}
