using System.Text.Json;
using GreenPolicy.Indexer.Tests.Corpus;
using GreenPolicy.Search;
using Xunit.Abstractions;

namespace GreenPolicy.Indexer.Tests.Search;

/// <summary>The store's Cite and search-box citations, over the index's own document records and clauses.</summary>
public class CitationThroughStoreTests(ITestOutputHelper output)
{
    private static IPolicyStore Store => CorpusStore.Instance;

    [Fact]
    public void CitationResolvesToTheExactClause()
    {
        var r = Store.Cite("黔府办发〔2018〕14号 三（二）");
        Assert.True(r.Resolved, r.Reason);
        Assert.Equal("guizhou-2018-14/part_3__item_2", r.Target!.Id);
    }

    [Fact]
    public void AUnitThatDoesNotExistIsUnresolvedWithAReason()
    {
        var r = Store.Cite("黔府办发〔2018〕14号 三（九十九）");
        Assert.False(r.Resolved);
        Assert.False(string.IsNullOrEmpty(r.Reason));
    }

    [Fact]
    public void ACitationTypedIntoTheSearchBoxGoesStraightToItsClause()
    {
        var result = Store.Search(new SearchRequest { Q = "工信部节〔2018〕136号 三（六）" });
        Assert.NotNull(result.Citation);
        Assert.StartsWith("miit-2018-136/", result.Citation!.Id);
        // A plain keyword is a search, not a citation, even where a title contains it.
        Assert.Null(Store.Search(new SearchRequest { Q = "绿色制造" }).Citation);
        Assert.Null(Store.Search(new SearchRequest { Q = "钢铁" }).Citation);
    }

    [Fact]
    public void DevCitationsResolveThroughTheStoreAsScorePyChecksThem()
    {
        var path = RepoPaths.SharedDir is { } shared ? Path.Combine(shared, "eval", "citations.json") : null;
        if (path is null || !File.Exists(path))
        {
            output.WriteLine("skipped: ../shared/eval/citations.json is absent (CI has it)");
            return;
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        int ok = 0, n = 0;
        foreach (var item in doc.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("split").GetString() == "dev"))
        {
            n++;
            var input = item.GetProperty("input").GetString()!;
            var r = Store.Cite(input);
            var expect = item.GetProperty("expect");
            bool good;
            if (expect.ValueKind == JsonValueKind.String)
            {
                good = !r.Resolved;
            }
            else
            {
                var t = r.Target;
                var hay = SearchEval.Norm((t?.Title ?? "") + (t?.Heading ?? "") + (t?.Text ?? "") + (t?.Citation ?? ""));
                good = r.Resolved && hay.Contains(SearchEval.Norm(expect.GetProperty("snippet").GetString()));
            }
            ok += good ? 1 : 0;
            if (!good)
            {
                output.WriteLine($"failed: {input} → {r.Target?.Id ?? r.Reason}");
            }
        }
        output.WriteLine($"citation accuracy through the store: {ok}/{n}");
        Assert.True(ok >= 0.95 * n, $"{ok}/{n}");
    }
}
