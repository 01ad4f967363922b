using System.Text;
using GreenPolicy.Domain;
using GreenPolicy.Indexer.Tests.Corpus;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>
/// The segmentation of every corpus document against its reviewed golden file (golden/&lt;doc-id&gt;.txt):
/// one clause per line, <c>eId | locator | kind | first 24 characters</c>, then the units and the metadata
/// lines, so a diff in review shows exactly which clause moved, split or merged.
/// </summary>
public class GoldenSegmentationTests
{
    private static string GoldenDir => Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Structure", "golden");

    public static TheoryData<string> Ids() => CorpusDocuments.Ids();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Segmentation_matches_the_approved_golden_file(string id)
    {
        var doc = CorpusDocuments.Get(id);
        Approvals.Verify(Path.Combine(GoldenDir, id + ".txt"), Render(doc));
    }

    [Fact]
    public void Every_corpus_document_has_an_approved_golden_file()
    {
        var missing = RepoPaths.CorpusFiles()
            .Select(Path.GetFileNameWithoutExtension)
            .Where(id => !File.Exists(Path.Combine(GoldenDir, id + ".txt")))
            .ToList();
        Assert.True(missing.Count == 0, "corpus documents without a reviewed golden file: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_corpus_document()
    {
        var ids = RepoPaths.CorpusFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var orphans = Directory.GetFiles(GoldenDir, "*.txt")
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".received.txt", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(id => !ids.Contains(id))
            .ToList();
        Assert.Empty(orphans);
    }

    internal static string Render(ParsedDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(doc.Meta.Id).Append(": ").Append(doc.Clauses.Count).Append(" clauses, ")
          .Append(doc.Units.Count).Append(" units, ").Append(doc.Metadata.Count).Append(" metadata lines\n");
        sb.Append("# eId | locator | kind | first 24 characters\n");
        foreach (var c in doc.Clauses)
            sb.Append(c.EId).Append(" | ").Append(c.Locator).Append(" | ").Append(c.Kind).Append(" | ").Append(First(c.Text, 24)).Append('\n');
        sb.Append("\n## units: eId | locator | kind | line | heading\n");
        foreach (var u in doc.Units)
            sb.Append(u.EId).Append(" | ").Append(u.Locator).Append(" | ").Append(u.Kind).Append(" | ").Append(u.Line).Append(" | ").Append(u.Heading).Append('\n');
        sb.Append("\n## metadata: line | kind | first 24 characters\n");
        foreach (var m in doc.Metadata)
            sb.Append(m.Line).Append(" | ").Append(m.Kind).Append(" | ").Append(First(m.Text, 24)).Append('\n');
        return sb.ToString();
    }

    private static string First(string s, int n)
    {
        // Count text elements, not UTF-16 units, so a character outside the BMP is never cut in half.
        var e = System.Globalization.StringInfo.GetTextElementEnumerator(s);
        var sb = new StringBuilder();
        for (var k = 0; k < n && e.MoveNext(); k++)
            sb.Append(e.GetTextElement());
        return sb.ToString();
    }
}
