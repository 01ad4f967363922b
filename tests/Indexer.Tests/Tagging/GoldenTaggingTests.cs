using GreenPolicy.Domain.Tagging;
using GreenPolicy.Indexer.Tests.Structure;

namespace GreenPolicy.Indexer.Tests.Tagging;

/// <summary>
/// Every corpus document's tags, one clause per line (eId | departments(role) | industries | years | modality |
/// first chars), compared with the reviewed file under Tagging/golden. A document without an approved file fails.
/// </summary>
public class GoldenTaggingTests
{
    [Theory]
    [MemberData(nameof(CorpusDocuments.Ids), MemberType = typeof(CorpusDocuments))]
    public void TagsMatchTheApprovedGolden(string id)
    {
        var doc = DocumentTagger.Tag(CorpusDocuments.Get(id), TaggingTestData.Taxonomies);
        var path = Path.Combine(TaggingTestData.RepoRoot, "tests", "Indexer.Tests", "Tagging", "golden", id + ".txt");
        Approvals.Verify(path, TaggingGolden.Render(doc));
    }
}
