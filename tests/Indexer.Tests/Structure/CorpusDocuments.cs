using System.Text;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Corpus;
using GreenPolicy.Domain.Structure;
using GreenPolicy.Indexer.Tests.Corpus;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>The corpus documents read and parsed once for all structure tests.</summary>
internal static class CorpusDocuments
{
    private static readonly Lazy<IReadOnlyList<ParsedDocument>> Parsed = new(() =>
        RepoPaths.CorpusFiles().Select(path =>
        {
            var file = CorpusFile.Parse(Path.GetFileName(path), File.ReadAllText(path, new UTF8Encoding(false, true)));
            Assert.True(file.IsValid, string.Join("\n", file.Diagnostics));
            return StructureParser.Parse(file.Meta!, file.Body);
        }).ToList());

    public static IReadOnlyList<ParsedDocument> All => Parsed.Value;

    public static ParsedDocument Get(string id) => All.Single(d => d.Meta.Id == id);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepoPaths.CorpusFiles())
            data.Add(Path.GetFileNameWithoutExtension(path));
        return data;
    }
}
