namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// Tags topics (from their trigger terms) or places (from their aliases) by leftmost-longest match:
/// 长江经济带 is one place, not also 长江. One tag per label, at its first occurrence.
/// </summary>
public sealed class LabelTagger
{
    private readonly Lexicon<Label> _lexicon = new();
    // One rule name per term ("topic:节能"), shared by every tag it makes.
    private readonly RuleNames _rules;

    // Matches of a mask label are skipped: they hide what is inside them.
    private static readonly Label Mask = new("", null, []);

    private LabelTagger(IEnumerable<Label> labels, string rulePrefix, IEnumerable<string> masks)
    {
        _rules = new RuleNames(rulePrefix);
        foreach (var l in labels)
        {
            foreach (var t in l.Terms)
                _lexicon.Add(t, l);
        }
        foreach (var m in masks)
            _lexicon.Add(m, Mask);
    }

    public static LabelTagger Topics(Taxonomies tax) => new(tax.Topics, "topic:", []);

    /// <summary>Places; a body's name is not a place mention (贵安新区管委会, 人行贵阳中心支行).</summary>
    public static LabelTagger Places(Taxonomies tax) => new(tax.Places, "place:",
        tax.Departments.SelectMany(d => d.Aliases.Append(d.Canonical)).Where(a => a.Length >= 4));

    public IReadOnlyList<LabelTag> Tag(string text)
    {
        var hits = _lexicon.Scan(text);
        if (hits.Count == 0)
            return [];
        var seen = new HashSet<string>();
        var tags = new List<LabelTag>();
        foreach (var h in hits)
        {
            foreach (var l in h.Values)
            {
                if (!ReferenceEquals(l, Mask) && seen.Add(l.Name))
                    tags.Add(new LabelTag(l.Name, new TextSpan(h.Start, h.Length), _rules.For(h.Term)));
            }
        }
        return tags;
    }
}
