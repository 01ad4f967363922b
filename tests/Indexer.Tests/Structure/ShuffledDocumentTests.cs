using GreenPolicy.Domain;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Indexer.Tests.Corpus;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>
/// The parser must cope with any text a new document brings: documents stitched from random corpus lines (a
/// fixed seed, so a failure reproduces) must parse without exceptions into well-formed clauses.
/// </summary>
public class ShuffledDocumentTests
{
    [Fact]
    public void Random_documents_from_corpus_lines_parse_into_well_formed_clauses()
    {
        var lines = RepoPaths.CorpusFiles()
            .SelectMany(p => CorpusFile.Parse(Path.GetFileName(p), File.ReadAllText(p)).Body.Split('\n'))
            .ToList();
        var random = new Random(20261123);
        var meta = new DocumentMeta { Id = "shuffled", Title = "S", Level = Levels.National, Jurisdiction = "CN" };
        for (var n = 0; n < 300; n++)
        {
            var picked = Enumerable.Range(0, random.Next(1, 60))
                .Select(_ => lines[random.Next(lines.Count)] + (random.Next(3) == 0 ? "\n" : ""));
            var body = string.Join("\n", picked);
            var d = StructureParser.Parse(meta, body);
            var ids = d.Clauses.Select(c => c.EId).Concat(d.Units.Select(u => u.EId)).ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"duplicate eIds in document {n}:\n{body}");
            Assert.All(d.Clauses, c => Assert.False(string.IsNullOrWhiteSpace(c.Text), $"empty clause {c.EId} in document {n}"));
            Assert.All(d.Clauses, c => Assert.True(c.ParentEId is null || d.Units.Any(u => u.EId == c.ParentEId), $"{c.EId}: no parent unit"));
        }
    }
}
