using System.Text.RegularExpressions;

namespace GreenPolicy.Index;

/// <summary>Lookups over a <see cref="QueryVocabulary"/>: entries by key, ancestors, every written form.</summary>
public sealed partial class VocabularyIndex
{
    private readonly Dictionary<(string Kind, string Key), VocabularyEntry> byKey = [];
    private readonly Dictionary<string, List<VocabularyEntry>> byName = new(StringComparer.OrdinalIgnoreCase);

    public VocabularyIndex(QueryVocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        foreach (var entry in vocabulary.Entries)
        {
            if (!byKey.TryGetValue((entry.Kind, entry.Key), out var existing))
            {
                byKey[(entry.Kind, entry.Key)] = entry;
            }
            else
            {
                // Two sources for one concept (taxonomy + tags seen in the corpus): merge their aliases.
                byKey[(entry.Kind, entry.Key)] = existing with
                {
                    Aliases = existing.Aliases.Concat(entry.Names()).Where(a => a != existing.Name).Distinct().ToList(),
                    Parent = existing.Parent ?? entry.Parent,
                };
            }
        }
        foreach (var entry in byKey.Values)
        {
            foreach (var name in entry.Names().Append(entry.Key))
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }
                if (!list.Contains(entry))
                {
                    list.Add(entry);
                }
            }
        }
    }

    public QueryVocabulary Vocabulary { get; }

    public IEnumerable<VocabularyEntry> Entries => byKey.Values;

    public VocabularyEntry? Find(string kind, string key) => byKey.GetValueOrDefault((kind, key));

    /// <summary>Entries one of whose names (or whose key) is exactly <paramref name="name"/>.</summary>
    public IReadOnlyList<VocabularyEntry> Lookup(string name) =>
        byName.TryGetValue(name, out var list) ? list : [];

    public IEnumerable<string> AllNames => byName.Keys;

    /// <summary>
    /// The industry and its ancestors, nearest first: the taxonomy's parents, and for a GB/T 4754 code
    /// its shorter prefixes (C3216 → C321 → C32), so a filter on 有色金属 (C32) finds 电解铝 (C3216).
    /// </summary>
    public IReadOnlyList<string> IndustryWithAncestors(string code)
    {
        var result = new List<string> { code };
        var seen = new HashSet<string> { code };
        var current = code;
        while (Find(VocabularyKinds.Industry, current)?.Parent is { } parent && seen.Add(parent))
        {
            result.Add(parent);
            current = parent;
        }
        foreach (var c in result.ToList())
        {
            var m = GbCode().Match(c);
            if (!m.Success)
            {
                continue;
            }
            for (var len = c.Length - 1; len >= 3; len--)
            {
                var prefix = c[..len];
                if (seen.Add(prefix))
                {
                    result.Add(prefix);
                }
            }
        }
        return result;
    }

    /// <summary>Only the ancestors a person would recognise: those the taxonomy names.</summary>
    public IReadOnlyList<string> KnownIndustryWithAncestors(string code) =>
        IndustryWithAncestors(code).Where((c, i) => i == 0 || Find(VocabularyKinds.Industry, c) is not null).ToList();

    public string Label(string kind, string key) => Find(kind, key)?.Name ?? key;

    [GeneratedRegex(@"^[A-T]\d{2,4}$")]
    private static partial Regex GbCode();
}
