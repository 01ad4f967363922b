using GreenPolicy.Benchmarks.Corpus;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Citations;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Indexer.Tests.Corpus;

namespace GreenPolicy.Indexer.Tests.Citations;

/// <summary>
/// Every clause's own citation resolves back to it on documents the seed corpus does not have: the benchmark's
/// generator recombines the seeds into new layouts (annexes followed by more parts, a part number printed twice,
/// items numbered straight through), the shapes a province's next plan may take.
/// </summary>
public sealed class GeneratedCorpusCitationTests
{
    [Fact]
    public void Every_clause_of_generated_documents_is_found_by_its_own_citation()
    {
        var generator = new CorpusGenerator(SeedCorpus.Read(RepoPaths.CorpusDir), seed: 20260401, scale: 1.0);
        var docs = new List<ParsedDocument>();
        for (var i = 0; i < 150; i++)
        {
            var (fileName, content) = generator.Generate(i);
            var file = CorpusFile.Parse(fileName, content);
            Assert.True(file.Meta is not null, $"{fileName}: {string.Join("; ", file.Diagnostics)}");
            docs.Add(StructureParser.Parse(file.Meta!, file.Body));
        }
        var resolver = new CitationResolver(new InMemoryCitationCatalog(docs.Select(DocumentOutline.From)));
        var misses = new List<string>();
        var ambiguous = 0;
        var total = 0;
        foreach (var c in docs.SelectMany(d => d.Clauses))
        {
            total++;
            var res = resolver.Resolve(c.Citation);
            if (res.Target?.Id == c.Id)
                continue;
            // A document printing 四、 twice with （一） restarting in each really has two 四（三）: the answer is
            // "ambiguous, here are both", never the wrong one.
            if (res.Target is null && res.Candidates.Count > 1 && res.Candidates.Any(t => t.Id == c.Id))
                ambiguous++;
            else
                misses.Add($"{c.Citation} → {res.Target?.Id ?? res.Reason}");
        }
        Assert.True(total > 5_000, $"only {total} clauses");
        Assert.True(misses.Count == 0, $"{misses.Count} of {total} not found by their own citation:\n" + string.Join("\n", misses.Take(20)));
        Assert.True(ambiguous * 200 < total, $"{ambiguous} of {total} citations ambiguous");
    }
}
