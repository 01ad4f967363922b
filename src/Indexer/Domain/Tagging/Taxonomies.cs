using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GreenPolicy.Domain.Tagging;

/// <summary>An industry of corpus/taxonomy/industries.yaml, keyed by GB/T 4754-2017 code (or an X- key).</summary>
public sealed record Industry(
    string Code, string Name, string? ParentCode, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> ListOnly, IReadOnlyList<string> FalseFriends, string? Note);

/// <summary>A body of corpus/taxonomy/departments.yaml.</summary>
public sealed record Department(
    string Canonical, string Jurisdiction, IReadOnlyList<string> Aliases, string? Parent, string? Successor);

/// <summary>A topic (with its trigger terms) or a place (with its aliases and parent).</summary>
public sealed record Label(string Name, string? Parent, IReadOnlyList<string> Terms);

/// <summary>
/// The tagging vocabularies, loaded from the YAML files under corpus/taxonomy. Pure: the caller reads
/// the files and passes their text, so the domain never touches the file system.
/// </summary>
public sealed class Taxonomies
{
    /// <summary>File names under corpus/taxonomy, in the order <see cref="Load"/> takes them.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["industries.yaml", "departments.yaml", "topics.yaml", "places.yaml", "synonyms.yaml"];

    public const string AnyJurisdiction = "*";

    public IReadOnlyList<Industry> Industries { get; }
    public IReadOnlyList<Department> Departments { get; }
    public IReadOnlyList<Label> Topics { get; }
    public IReadOnlyList<Label> Places { get; }
    public IReadOnlyList<IReadOnlyList<string>> SynonymGroups { get; }
    /// <summary>Phrases that are never an industry (电子标签, 废钢铁, 优化工业 …), global and per industry.</summary>
    public IReadOnlyList<string> IndustryFalseFriends { get; }
    /// <summary>The false friends that are words (废钢铁, 电子商务), not strings read across a word boundary (优化|工业).</summary>
    public IReadOnlyList<string> IndustryFalseFriendWords { get; }

    private readonly Dictionary<string, string> _provinces;
    private readonly Dictionary<string, Industry> _industryByCode;
    private readonly Dictionary<string, List<Department>> _departmentsByAlias;
    private readonly Dictionary<string, HashSet<string>> _aliasGroups;
    private readonly Lazy<TaxonomyTaggers> _taggers;

    private Taxonomies(
        IReadOnlyList<Industry> industries, IReadOnlyList<string> globalFalseFriends, IReadOnlyList<string> acrossWords,
        IReadOnlyList<Department> departments, IReadOnlyList<Label> topics, IReadOnlyList<Label> places,
        IReadOnlyList<IReadOnlyList<string>> synonyms, Dictionary<string, string> provinces)
    {
        _provinces = provinces;
        Industries = industries;
        Departments = departments;
        Topics = topics;
        Places = places;
        SynonymGroups = synonyms;
        IndustryFalseFriendWords = globalFalseFriends.Concat(industries.SelectMany(i => i.FalseFriends)).Except(acrossWords).Distinct().ToList();
        IndustryFalseFriends = IndustryFalseFriendWords.Concat(acrossWords).Distinct().ToList();
        _industryByCode = industries.ToDictionary(i => i.Code);
        _departmentsByAlias = new Dictionary<string, List<Department>>(StringComparer.Ordinal);
        foreach (var d in departments)
        {
            foreach (var a in d.Aliases.Append(d.Canonical).Select(TextNorm.Brackets).Distinct())
            {
                if (!_departmentsByAlias.TryGetValue(a, out var list))
                    _departmentsByAlias[a] = list = [];
                list.Add(d);
            }
        }
        _aliasGroups = BuildAliasGroups();
        _taggers = new Lazy<TaxonomyTaggers>(() => new TaxonomyTaggers(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The taggers built from these vocabularies, shared by every document tagged with them.</summary>
    internal TaxonomyTaggers Taggers => _taggers.Value;

    /// <summary>Parses the taxonomy files' text. Throws <see cref="TaxonomyException"/> naming the file on bad YAML or references.</summary>
    public static Taxonomies Load(string industriesYaml, string departmentsYaml, string topicsYaml, string placesYaml,
        string? synonymsYaml = null)
    {
        var yaml = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();

        var ind = Parse<IndustriesFile>(yaml, industriesYaml, "industries.yaml");
        var industries = (ind.Industries ?? []).Select(kv => new Industry(
            kv.Key, kv.Value.Name ?? throw new TaxonomyException($"industries.yaml: {kv.Key} has no name"),
            kv.Value.Parent, Clean(kv.Value.Aliases), Clean(kv.Value.ListOnly), Clean(kv.Value.FalseFriends),
            kv.Value.Note)).ToList();
        var codes = industries.Select(i => i.Code).ToHashSet();
        foreach (var i in industries.Where(i => i.ParentCode is not null && !codes.Contains(i.ParentCode)))
            throw new TaxonomyException($"industries.yaml: {i.Code} ({i.Name}) has unknown parent {i.ParentCode}");

        var dep = Parse<DepartmentsFile>(yaml, departmentsYaml, "departments.yaml");
        var departments = (dep.Departments ?? []).Select(d => new Department(
            d.Canonical ?? throw new TaxonomyException("departments.yaml: an entry has no canonical name"),
            d.Jurisdiction ?? "CN", Clean(d.Aliases), d.Parent, d.Successor)).ToList();

        var top = Parse<TopicsFile>(yaml, topicsYaml, "topics.yaml");
        var topics = (top.Topics ?? []).Select(t => new Label(
            t.Name ?? throw new TaxonomyException("topics.yaml: a topic has no name"), null, Clean(t.Triggers))).ToList();

        var pl = Parse<PlacesFile>(yaml, placesYaml, "places.yaml");
        var places = (pl.Places ?? []).Select(p => new Label(
            p.Name ?? throw new TaxonomyException("places.yaml: a place has no name"), p.Parent,
            Clean(p.Aliases).Prepend(p.Name).Distinct().ToList())).ToList();

        var syn = synonymsYaml is null ? new SynonymsFile() : Parse<SynonymsFile>(yaml, synonymsYaml, "synonyms.yaml");
        var groups = (syn.Groups ?? []).Select(g => (IReadOnlyList<string>)Clean(g)).Where(g => g.Count > 1).ToList();

        return new Taxonomies(industries, Clean(ind.FalseFriends), Clean(ind.AcrossWords), departments, topics, places, groups,
            dep.Jurisdictions ?? []);
    }

    /// <summary>
    /// Loads the files named in <see cref="FileNames"/> through <paramref name="read"/> (file name → text, null when
    /// absent; synonyms.yaml is optional). The caller decides where they come from:
    /// <c>Taxonomies.Load(name => File.Exists(Path.Combine(dir, name)) ? File.ReadAllText(Path.Combine(dir, name)) : null)</c>.
    /// </summary>
    public static Taxonomies Load(Func<string, string?> read)
    {
        string Required(string name) => read(name) ?? throw new TaxonomyException($"{name}: missing");
        return Load(Required(FileNames[0]), Required(FileNames[1]), Required(FileNames[2]), Required(FileNames[3]), read(FileNames[4]));
    }

    public Industry? IndustryByCode(string code) => _industryByCode.GetValueOrDefault(code);

    /// <summary>The industry and its ancestors, nearest first.</summary>
    public IEnumerable<Industry> Ancestors(Industry industry)
    {
        var seen = new HashSet<string>();
        for (var p = industry.ParentCode; p is not null && seen.Add(p) && _industryByCode.TryGetValue(p, out var parent); p = parent.ParentCode)
            yield return parent;
    }

    /// <summary>
    /// Resolves a body as written, preferring the document's jurisdiction, then central (CN), then generic ("*"):
    /// in a Guizhou (CN-GZ) document 省经济和信息化委 is 贵州省经济和信息化委员会.
    /// </summary>
    public Department? ResolveDepartment(string written, string jurisdiction)
    {
        if (!_departmentsByAlias.TryGetValue(TextNorm.Brackets(written), out var candidates))
            return null;
        return First(candidates, jurisdiction) ?? First(candidates, "CN") ?? First(candidates, AnyJurisdiction);

        static Department? First(List<Department> candidates, string jurisdiction)
        {
            foreach (var d in candidates)
            {
                if (d.Jurisdiction == jurisdiction)
                    return d;
            }
            return null;
        }
    }

    /// <summary>The province a jurisdiction code names (CN-GZ → 贵州省), or null.</summary>
    public string? ProvinceName(string jurisdiction) => _provinces.GetValueOrDefault(jurisdiction);

    /// <summary>Every department alias (bracket-normalised) usable in a document of this jurisdiction.</summary>
    public IEnumerable<string> DepartmentAliases(string jurisdiction) =>
        _departmentsByAlias.Where(kv => kv.Value.Any(d => d.Jurisdiction == jurisdiction || d.Jurisdiction is "CN" or AnyJurisdiction))
            .Select(kv => kv.Key);

    /// <summary>
    /// All the ways of writing the concept <paramref name="term"/> belongs to, for query expansion:
    /// an industry's name and aliases (电解铝, 铝电解 …), a body's canonical name, aliases, successor and
    /// predecessors (环境保护部 ↔ 生态环境部), a place's aliases, a synonym group (VOCs ↔ 挥发性有机物).
    /// The term itself is always included; an unknown term gives just itself.
    /// </summary>
    public IReadOnlyList<string> AliasGroup(string term)
    {
        var key = TextNorm.Brackets(term.Trim());
        if (_aliasGroups.TryGetValue(key, out var g))
            return g.Prepend(term.Trim()).Distinct().ToList();
        var upper = key.ToUpperInvariant();
        var hit = _aliasGroups.FirstOrDefault(kv => kv.Key.ToUpperInvariant() == upper);
        return hit.Value is null ? [term.Trim()] : hit.Value.Prepend(term.Trim()).Distinct().ToList();
    }

    private Dictionary<string, HashSet<string>> BuildAliasGroups()
    {
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(IEnumerable<string> terms)
        {
            var set = terms.Select(TextNorm.Brackets).Where(t => t.Length > 0).ToHashSet();
            foreach (var t in set)
            {
                if (groups.TryGetValue(t, out var existing))
                    existing.UnionWith(set);
                else
                    groups[t] = [.. set];
            }
        }
        // Industries: name + aliases (list-only forms like 有色 are still ways of writing the industry).
        foreach (var i in Industries)
            Add(i.Aliases.Concat(i.ListOnly).Append(i.Name));
        // Departments: a body with its successor and predecessors, so 生态环境部 finds 环境保护部.
        foreach (var d in Departments)
        {
            var related = Departments.Where(o => o.Successor == d.Canonical).SelectMany(o => o.Aliases.Append(o.Canonical));
            Add(d.Aliases.Append(d.Canonical).Concat(related).Concat(d.Successor is null ? [] : [d.Successor]));
        }
        foreach (var p in Places)
            Add(p.Terms);
        foreach (var s in SynonymGroups)
            Add(s);
        return groups;
    }

    private static T Parse<T>(IDeserializer yaml, string text, string file) where T : new()
    {
        try
        {
            return yaml.Deserialize<T?>(text) ?? new T();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new TaxonomyException($"{file}: line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static List<string> Clean(IEnumerable<string?>? items) =>
        (items ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct().ToList();

    // YAML shapes (underscored names: list_only, false_friends, across_words).
    private sealed class IndustriesFile
    {
        public List<string?>? FalseFriends { get; set; }
        public List<string?>? AcrossWords { get; set; }
        public Dictionary<string, IndustryEntry>? Industries { get; set; }
    }

    private sealed class IndustryEntry
    {
        public string? Name { get; set; }
        public string? Parent { get; set; }
        public string? Note { get; set; }
        public List<string?>? Aliases { get; set; }
        public List<string?>? ListOnly { get; set; }
        public List<string?>? FalseFriends { get; set; }
    }

    private sealed class DepartmentsFile
    {
        public Dictionary<string, string>? Jurisdictions { get; set; }
        public List<DepartmentEntry>? Departments { get; set; }
    }

    private sealed class DepartmentEntry
    {
        public string? Canonical { get; set; }
        public string? Jurisdiction { get; set; }
        public string? Parent { get; set; }
        public string? Successor { get; set; }
        public List<string?>? Aliases { get; set; }
    }

    private sealed class TopicsFile
    {
        public List<TopicEntry>? Topics { get; set; }
    }

    private sealed class TopicEntry
    {
        public string? Name { get; set; }
        public List<string?>? Triggers { get; set; }
    }

    private sealed class PlacesFile
    {
        public List<PlaceEntry>? Places { get; set; }
    }

    private sealed class PlaceEntry
    {
        public string? Name { get; set; }
        public string? Parent { get; set; }
        public List<string?>? Aliases { get; set; }
    }

    private sealed class SynonymsFile
    {
        public List<List<string?>>? Groups { get; set; }
    }
}

public sealed class TaxonomyException(string message, Exception? inner = null) : Exception(message, inner);
