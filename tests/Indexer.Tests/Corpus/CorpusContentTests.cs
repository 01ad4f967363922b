using System.Text;
using GreenPolicy.Domain.Corpus;

namespace GreenPolicy.Indexer.Tests.Corpus;

/// <summary>The real corpus: every file valid, ids unique, and every body the published seed text byte for byte.</summary>
public class CorpusContentTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static CorpusFile Read(string path) =>
        CorpusFile.Parse(Path.GetFileName(path), File.ReadAllText(path, StrictUtf8));

    [Fact]
    public void Corpus_files_are_valid_and_ids_unique()
    {
        var files = RepoPaths.CorpusFiles().Select(Read).ToList();
        Assert.NotEmpty(files);
        var problems = files.SelectMany(f => f.Diagnostics).Concat(CorpusValidator.Validate(files)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [RequiresSharedFact]
    public void Every_corpus_body_equals_its_seed_byte_for_byte()
    {
        var shared = RepoPaths.SharedDir!;
        // Seeds are named NNN_<hash>.txt; the corpus names them by id.
        var seedOf = new Dictionary<string, string>
        {
            ["miit-2016-225"] = "002", ["miit-2017-178"] = "000", ["miit-2018-136"] = "001",
            ["guizhou-2018-14"] = "003", ["sichuan-13fyp"] = "004",
        };
        var seeds = Directory.GetFiles(Path.Combine(shared, "seeds"), "*.txt");
        foreach (var (id, number) in seedOf)
        {
            var seed = File.ReadAllBytes(seeds.Single(s => Path.GetFileName(s).StartsWith(number + "_", StringComparison.Ordinal)));
            var file = Read(Path.Combine(RepoPaths.CorpusDir, id + ".md"));
            var body = Encoding.UTF8.GetBytes(file.Body);
            Assert.True(seed.AsSpan().SequenceEqual(body), $"{id}.md body differs from seed {number} (lengths {body.Length} vs {seed.Length})");
        }
    }
}
