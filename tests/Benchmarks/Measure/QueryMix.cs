namespace GreenPolicy.Benchmarks.Measure;

/// <summary>One benchmark query: text, optional industry and year filters, or a citation to resolve.</summary>
internal sealed record BenchQuery(string Kind, string Text, string? Industry = null, int? Year = null)
{
    public override string ToString() => Industry is null && Year is null ? Text : $"{Text} [industry={Industry}, year={Year}]";
}

/// <summary>
/// The fixed query mix (issue 7): one-character (汞, 铝: metals the national plan names alone),
/// two-character (industry names), phrases, multi-word queries, queries filtered by industry and year,
/// and citation lookups. The words are what officials type; the filters and citations are drawn from
/// the clauses actually indexed, so every filtered query and every citation has an answer.
/// </summary>
internal static class QueryMix
{
    public const string OneChar = "1-char";
    public const string TwoChar = "2-char";
    public const string Phrase = "phrase";
    public const string MultiWord = "multi-word";
    public const string Filtered = "filtered";
    public const string Citation = "citation";

    public static readonly string[] Kinds = [OneChar, TwoChar, Phrase, MultiWord, Filtered, Citation];

    private static readonly string[] OneCharTerms = ["汞", "铅", "铝", "煤", "镉", "铬", "砷", "氨"];
    private static readonly string[] TwoCharTerms = ["钢铁", "水泥", "造纸", "园区", "节水", "焦化", "印染", "光伏"];
    private static readonly string[] Phrases =
        ["绿色制造体系", "工业固体废物", "单位工业增加值能耗", "清洁生产审核", "超低排放", "余热余压", "再生资源", "绿色供应链"];
    private static readonly string[] MultiWords =
        ["钢铁 超低排放", "水泥 错峰生产", "电解铝 能效", "园区 循环化改造", "造纸 节水", "化工 搬迁", "绿色工厂 标准", "燃煤锅炉 淘汰"];
    private static readonly string[] FilterTerms = ["节能", "清洁生产", "淘汰落后产能", "能效", "超低排放", "资源综合利用"];

    public static IReadOnlyList<BenchQuery> Build(IEnumerable<Engines.ClauseRow> rows, int seed)
    {
        var rng = new Random(seed);
        // One streaming pass: (industry, year) pair counts and a reservoir of citable clauses.
        var pairCounts = new Dictionary<(string Industry, int Year), int>();
        var citable = new List<Engines.ClauseRow>();
        long seen = 0;
        foreach (var r in rows)
        {
            foreach (var industry in r.Industries.Where(i => i.Length >= 3 && i[0] is >= 'A' and <= 'Z'))
            {
                foreach (var y in r.Years)
                {
                    pairCounts[(industry, y)] = pairCounts.GetValueOrDefault((industry, y)) + 1;
                }
            }
            if (r.DocNumber is not null && r.Locator.Length > 0)
            {
                seen++;
                if (citable.Count < 12)
                {
                    citable.Add(r with { Text = "" });
                }
                else if (rng.NextInt64(seen) < 12)
                {
                    citable[rng.Next(12)] = r with { Text = "" };
                }
            }
        }
        var queries = new List<BenchQuery>();
        queries.AddRange(OneCharTerms.Select(t => new BenchQuery(OneChar, t)));
        queries.AddRange(TwoCharTerms.Select(t => new BenchQuery(TwoChar, t)));
        queries.AddRange(Phrases.Select(t => new BenchQuery(Phrase, t)));
        queries.AddRange(MultiWords.Select(t => new BenchQuery(MultiWord, t)));

        // The most frequent (industry, target year) pairs among the indexed clauses, with a common term.
        var pairs = pairCounts
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key.Industry, StringComparer.Ordinal)
            .ThenBy(p => p.Key.Year)
            .Take(8)
            .Select(p => p.Key)
            .ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            queries.Add(new BenchQuery(Filtered, FilterTerms[i % FilterTerms.Length], pairs[i].Industry, pairs[i].Year));
        }

        // Citations as people paste them: 文号, a space, the locator (黔府办发〔2018〕14号 三（二）).
        queries.AddRange(citable.Select(r => new BenchQuery(Citation, $"{r.DocNumber} {r.Locator}")));
        return queries;
    }

    /// <summary>Splits `文号 locator` for the baseline's indexed lookup (文号 ends at its 号).</summary>
    public static (string DocNumber, string Locator) SplitCitation(string text)
    {
        var end = text.IndexOf('号', StringComparison.Ordinal);
        return end < 0 ? (text.Trim(), "") : (text[..(end + 1)].Trim(), text[(end + 1)..].Trim());
    }
}
