using System.Collections.Concurrent;

namespace GreenPolicy.Domain.Tagging;

/// <summary>
/// The dictionary taggers of one <see cref="Taxonomies"/>, built once and shared: building their lexicons
/// (every industry alias, body name, topic trigger and place) costs more than tagging a short document, so
/// <see cref="DocumentTagger"/> must not rebuild them per document. Department lexicons depend on the
/// jurisdiction (a CN-GZ document knows 省经济和信息化委), so there is one per jurisdiction met.
/// Every tagger here is read-only after construction, so documents may be tagged on several threads at once.
/// </summary>
internal sealed class TaxonomyTaggers
{
    private readonly Taxonomies _tax;
    private readonly ConcurrentDictionary<string, DepartmentTagger> _departments = new(StringComparer.Ordinal);

    public TaxonomyTaggers(Taxonomies tax)
    {
        _tax = tax;
        Industries = new IndustryTagger(tax);
        Topics = LabelTagger.Topics(tax);
        Places = LabelTagger.Places(tax);
    }

    public IndustryTagger Industries { get; }
    public LabelTagger Topics { get; }
    public LabelTagger Places { get; }

    public DepartmentTagger Departments(string jurisdiction) =>
        _departments.GetOrAdd(jurisdiction, static (j, tax) => new DepartmentTagger(tax, j), _tax);
}
