using System.Text.RegularExpressions;

namespace GreenPolicy.Benchmarks.Corpus;

/// <summary>One real corpus document as the generator sees it: a few front-matter fields and the body cut into blocks.</summary>
internal sealed record SeedDocument(string Id, string Level, int PeriodStart, SeedLayout Layout);

/// <summary>
/// A seed body cut at its top-level headings (一、 or 第一章) into sections, and each section at its
/// second-level headings (（一）/(一) or 第一节) into sub-blocks, so that the generator can sample,
/// shuffle and renumber them. Lines are kept byte for byte (full-width indents, tabs of the 专栏
/// tables, Markdown ### in 000), because that mess is what the parser must cope with.
/// </summary>
internal sealed record SeedLayout(
    bool Chapters,
    bool ContinuousItems,
    IReadOnlyList<string> HeaderLines,
    IReadOnlyList<SeedSection> Sections);

internal sealed record SeedSection(IReadOnlyList<IReadOnlyList<string>> Blocks);

internal static partial class SeedCorpus
{
    [GeneratedRegex(@"^[\s\u3000#]*[一二三四五六七八九十]+、")]
    internal static partial Regex PartHeading();

    [GeneratedRegex(@"^[\s\u3000]*第[一二三四五六七八九十]+章")]
    internal static partial Regex ChapterHeading();

    [GeneratedRegex(@"^[\s\u3000]*第[一二三四五六七八九十]+节")]
    internal static partial Regex SectionHeading();

    [GeneratedRegex(@"^[\s\u3000]*[（(][一二三四五六七八九十]+[）)]")]
    internal static partial Regex ItemHeading();

    /// <summary>Reads corpus/*.md (front matter + body). Taxonomy files are not documents.</summary>
    public static IReadOnlyList<SeedDocument> Read(string corpusDir)
    {
        var docs = new List<SeedDocument>();
        foreach (var path in Directory.GetFiles(corpusDir, "*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            var (front, body) = SplitFrontMatter(text);
            var id = front.GetValueOrDefault("id") ?? Path.GetFileNameWithoutExtension(path);
            var level = front.GetValueOrDefault("level") ?? "national";
            var period = Regex.Match(front.GetValueOrDefault("period") ?? "", @"\d{4}");
            docs.Add(new SeedDocument(id, level, period.Success ? int.Parse(period.Value) : 2016, Cut(body)));
        }
        if (docs.Count == 0)
        {
            throw new InvalidOperationException($"no corpus documents in {corpusDir}");
        }
        return docs;
    }

    /// <summary>The scalar front-matter fields (key: value) and the body after the closing ---.</summary>
    internal static (Dictionary<string, string> Front, string Body) SplitFrontMatter(string text)
    {
        var front = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (front, text);
        }
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (front, text);
        }
        foreach (var line in text[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(line[0]))
            {
                front[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return (front, text[(end + 5)..]);
    }

    internal static SeedLayout Cut(string body)
    {
        var lines = body.Split('\n');
        var chapters = lines.Any(l => ChapterHeading().IsMatch(l));
        var top = chapters ? ChapterHeading() : PartHeading();
        var second = chapters ? SectionHeading() : ItemHeading();

        var header = new List<string>();
        var sections = new List<SeedSection>();
        List<List<string>>? blocks = null;
        foreach (var line in lines)
        {
            if (top.IsMatch(line))
            {
                blocks = [[line]];
                sections.Add(new SeedSection(blocks));
            }
            else if (blocks is null)
            {
                header.Add(line);
            }
            else if (second.IsMatch(line))
            {
                blocks.Add([line]);
            }
            else
            {
                blocks[^1].Add(line);
            }
        }

        // 000 numbers its items （一）…（二十一） straight through the parts; 002 restarts at （一） in each part.
        var continuous = false;
        if (!chapters && sections.Count > 2)
        {
            continuous = sections.Skip(2).Any(s => s.Blocks.Count > 1 && !Regex.IsMatch(s.Blocks[1][0], @"^[\s\u3000]*[（(]一[）)]"));
        }
        return new SeedLayout(chapters, continuous, header, sections);
    }
}
