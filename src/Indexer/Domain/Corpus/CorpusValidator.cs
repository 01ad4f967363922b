namespace GreenPolicy.Domain.Corpus;

/// <summary>Problems no single file shows: two files claiming the same id, relations to documents that do not exist.</summary>
public static class CorpusValidator
{
    public static IReadOnlyList<CorpusDiagnostic> Validate(IEnumerable<CorpusFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        var diagnostics = new List<CorpusDiagnostic>();

        var withMeta = list.Where(f => f.Meta is not null).ToList();
        foreach (var group in withMeta.GroupBy(f => f.Meta!.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", group.Select(f => f.FileName));
            foreach (var f in group)
                diagnostics.Add(new(f.FileName, 0, DiagnosticSeverity.Error, $"duplicate id '{group.Key}' (in {names})"));
        }

        // implements: [miit-2016-225] must name a document of the corpus; a typo would silently drop the relation.
        var ids = withMeta.Select(f => f.Meta!.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var f in withMeta)
        {
            foreach (var target in f.Meta!.Implements.Where(t => !ids.Contains(t)))
                diagnostics.Add(new(f.FileName, 0, DiagnosticSeverity.Warning, $"implements '{target}', which is not in the corpus"));
            if (f.Meta.Implements.Contains(f.Meta.Id))
                diagnostics.Add(new(f.FileName, 0, DiagnosticSeverity.Error, "a document cannot implement itself"));
        }
        return diagnostics;
    }
}
