using System.Text.Json;
using GreenPolicy.Domain.Tagging;

namespace GreenPolicy.Indexer.Tests.Tagging;

public class TaggingDump
{
    [Fact]
    public void Dump()
    {
        var shared = TaggingTestData.SharedDir!;
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "eval", "tags.json")));
        var sb = new System.Text.StringBuilder();
        foreach (var d in SeedClauses.Load(shared, json.RootElement))
            sb.Append(TaggingGolden.Render(DocumentTagger.Tag(d, TaggingTestData.Taxonomies)));
        File.WriteAllText("/tmp/tagdump.txt", sb.ToString());
    }
}
