using GreenPolicy.Domain;
using GreenPolicy.Domain.Tagging;
using GreenPolicy.Index;

namespace GreenPolicy.Pipeline;

/// <summary>
/// The query vocabulary of an index generation, from the taxonomies (every alias a policy specialist
/// wrote: 节能司, 环保部 ↔ 生态环境部, 有色 ↔ 有色金属, VOCs ↔ 挥发性有机物) and the names the tagger
/// actually met in the corpus.
/// </summary>
public static class VocabularyBuilder
{
    /// <param name="departmentNames">Department names as the tagger met them where they differ from the canonical name
    /// (<see cref="DepartmentTag.Name"/>, <see cref="DepartmentTag.Canonical"/>), in corpus order, repeats allowed.</param>
    public static QueryVocabulary Build(Taxonomies taxonomies, IEnumerable<(string Canonical, string Name)> departmentNames)
    {
        var entries = new List<VocabularyEntry>();
        foreach (var i in taxonomies.Industries)
        {
            entries.Add(new VocabularyEntry
            {
                Kind = VocabularyKinds.Industry,
                Key = i.Code,
                Name = i.Name,
                Aliases = i.Aliases.Concat(i.ListOnly).Concat(taxonomies.AliasGroup(i.Name)).Where(a => a != i.Name).Distinct().ToList(),
                Parent = i.ParentCode,
            });
        }
        foreach (var d in taxonomies.Departments)
        {
            entries.Add(new VocabularyEntry
            {
                Kind = VocabularyKinds.Department,
                Key = d.Canonical,
                Name = d.Canonical,
                Aliases = d.Aliases.Concat(taxonomies.AliasGroup(d.Canonical)).Where(a => a != d.Canonical).Distinct().ToList(),
                Jurisdiction = d.Jurisdiction,
            });
        }
        foreach (var t in taxonomies.Topics)
        {
            // A topic's triggers are evidence for tagging, not names of the topic: only the name and its synonyms.
            entries.Add(new VocabularyEntry
            {
                Kind = VocabularyKinds.Topic,
                Key = t.Name,
                Name = t.Name,
                Aliases = taxonomies.AliasGroup(t.Name).Where(a => a != t.Name).ToList(),
            });
        }
        foreach (var p in taxonomies.Places)
        {
            entries.Add(new VocabularyEntry
            {
                Kind = VocabularyKinds.Place,
                Key = p.Name,
                Name = p.Name,
                Aliases = p.Terms.Where(a => a != p.Name).ToList(),
                Parent = p.Parent,
            });
        }
        foreach (var group in taxonomies.SynonymGroups)
        {
            entries.Add(new VocabularyEntry { Kind = VocabularyKinds.Synonym, Key = group[0], Name = group[0], Aliases = group.Skip(1).ToList() });
        }
        foreach (var word in taxonomies.IndustryFalseFriendWords)
        {
            entries.Add(new VocabularyEntry { Kind = VocabularyKinds.Word, Key = word, Name = word });
        }
        // Names as the tagger met them (a department written differently from every alias): one entry per
        // (department, name), not one per mention — at 1,000 documents that was 70,040 entries for 624 names.
        var met = new HashSet<(string Canonical, string Name)>();
        foreach (var (canonical, name) in departmentNames)
        {
            if (met.Add((canonical, name)))
            {
                entries.Add(new VocabularyEntry { Kind = VocabularyKinds.Department, Key = canonical, Name = canonical, Aliases = [name] });
            }
        }
        return new QueryVocabulary { Entries = entries };
    }
}
