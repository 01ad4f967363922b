using GreenPolicy.Domain.Linking;

namespace GreenPolicy.Domain.Compare;

/// <summary>A clause as the comparison shows it.</summary>
public sealed record ClauseRef(string Id, string DocId, string Locator, string Citation, string Text)
{
    public static ClauseRef Of(Clause c) => new(c.Id, c.DocId, c.Locator, c.Citation, c.Text);
}

/// <summary>
/// One row of an aligned section: a clause of each side (either may be missing). Relation is the link
/// between them, "via-national" when both follow the same national clause (Via), or null when the two
/// clauses only share the section's topic or industry.
/// </summary>
public sealed record AlignedRow(ClauseRef? Left, ClauseRef? Right, string? Relation, double? Score, string? Via);

/// <summary>A topic (Key = topic name) or an industry (Key = GB/T 4754 code) with both sides' clauses.</summary>
public sealed record CompareSection(string Kind, string Key, string Label, int LeftCount, int RightCount, IReadOnlyList<AlignedRow> Rows);

public sealed record CoverageColumn(string DocId, string Title, string Level);

/// <summary>Clause counts: Counts[row][column], rows are topics or industries, columns documents.</summary>
public sealed record CoverageMatrix(IReadOnlyList<string> Rows, IReadOnlyList<string> RowLabels, IReadOnlyList<CoverageColumn> Columns, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    public int Max => Counts.SelectMany(r => r).DefaultIfEmpty(0).Max();
}

public sealed record TargetValue(string DocId, string ClauseId, string Citation, decimal? BaseValue, int? BaseYear, decimal? Value, int? TargetYear, string Direction, string? Unit);

/// <summary>The same metric in the national plan (the reference), the left and the right document.</summary>
public sealed record TargetComparison(string Metric, string? Unit, TargetValue? National, TargetValue? Left, TargetValue? Right);

public sealed record FollowingPlace(string Section, int Clauses, int Following);

/// <summary>How much of a plan follows the national documents: the share of its clauses with a near-verbatim or paraphrase link to a national clause, and where.</summary>
public sealed record NationalFollowing(string DocId, int Clauses, int Following, double Share, IReadOnlyList<FollowingPlace> Where, IReadOnlyDictionary<string, int> ByNationalDocument);

public sealed record PlanComparison
{
    public required DocumentMeta Left { get; init; }
    public required DocumentMeta Right { get; init; }
    public IReadOnlyList<CompareSection> Topics { get; init; } = [];
    public IReadOnlyList<CompareSection> Industries { get; init; } = [];
    public required CoverageMatrix TopicCoverage { get; init; }
    public required CoverageMatrix IndustryCoverage { get; init; }
    public IReadOnlyList<TargetComparison> Targets { get; init; } = [];
    public required NationalFollowing LeftFollowing { get; init; }
    public required NationalFollowing RightFollowing { get; init; }

    /// <summary>
    /// Compares two documents (tagged and linked) topic by topic and industry by industry, against the
    /// national documents. Pure: the caller supplies the documents (the site from IPolicyStore).
    /// </summary>
    public static PlanComparison Build(ParsedDocument left, ParsedDocument right, IReadOnlyList<ParsedDocument> national)
    {
        var nationalDocs = national.Where(d => d.Meta.Id != left.Meta.Id && d.Meta.Id != right.Meta.Id).ToList();
        var nationalIds = national.Select(d => d.Meta.Id).ToHashSet(StringComparer.Ordinal);
        var nationalClauses = nationalDocs.SelectMany(d => d.Clauses).ToDictionary(c => c.Id, StringComparer.Ordinal);

        var topics = Sections("topic", left, right, c => c.Topics.Select(t => (t.Name, t.Name)), nationalIds);
        var industries = Sections("industry", left, right, c => c.Industries.Select(t => (t.Code, t.Name)), nationalIds);

        // The national columns of the heat maps: the national documents the two plans follow most (at most 3).
        var followed = nationalDocs
            .Select(d => (Doc: d, Links: left.Clauses.Concat(right.Clauses).Sum(c => c.Links.Count(l => l.Id.StartsWith(d.Meta.Id + "/", StringComparison.Ordinal)))))
            .OrderByDescending(x => x.Links).ThenBy(x => x.Doc.Meta.Id, StringComparer.Ordinal)
            .Take(3).Select(x => x.Doc).ToList();
        var columns = new[] { left, right }.Concat(followed).DistinctBy(d => d.Meta.Id).ToList();

        return new PlanComparison
        {
            Left = left.Meta,
            Right = right.Meta,
            Topics = topics,
            Industries = industries,
            TopicCoverage = Coverage(columns, c => c.Topics.Select(t => (t.Name, t.Name))),
            IndustryCoverage = Coverage(columns, c => c.Industries.Select(t => (t.Code, t.Name))),
            Targets = CompareTargets(left, right, nationalDocs),
            LeftFollowing = Following(left, nationalIds),
            RightFollowing = Following(right, nationalIds),
        };
    }

    private static IReadOnlyList<CompareSection> Sections(string kind, ParsedDocument left, ParsedDocument right,
        Func<Clause, IEnumerable<(string Key, string Label)>> keys, HashSet<string> nationalIds)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var l = Group(left, keys, labels);
        var r = Group(right, keys, labels);
        return labels.Keys
            .Select(k => (Key: k, L: l.GetValueOrDefault(k) ?? [], R: r.GetValueOrDefault(k) ?? []))
            .OrderByDescending(x => x.L.Count + x.R.Count).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => new CompareSection(kind, x.Key, labels[x.Key], x.L.Count, x.R.Count, Align(x.L, x.R, nationalIds)))
            .ToList();
    }

    private static Dictionary<string, List<Clause>> Group(ParsedDocument doc, Func<Clause, IEnumerable<(string Key, string Label)>> keys, Dictionary<string, string> labels)
    {
        var groups = new Dictionary<string, List<Clause>>(StringComparer.Ordinal);
        foreach (var c in doc.Clauses.OrderBy(c => c.Order))
            foreach (var (key, label) in keys(c).DistinctBy(k => k.Key))
            {
                labels.TryAdd(key, label);
                if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
                list.Add(c);
            }
        return groups;
    }

    /// <summary>
    /// Aligns two lists of clauses: first the pairs linked directly (best score first), then the pairs that
    /// follow the same national clause (Sichuan and Guizhou both carrying out 002's 绿色园区 paragraph), then
    /// the rest side by side in reading order.
    /// </summary>
    internal static IReadOnlyList<AlignedRow> Align(IReadOnlyList<Clause> left, IReadOnlyList<Clause> right, HashSet<string> nationalIds)
    {
        var rows = new List<(int Order, AlignedRow Row)>();
        var usedL = new HashSet<string>(StringComparer.Ordinal);
        var usedR = new HashSet<string>(StringComparer.Ordinal);
        var rightById = right.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var leftById = left.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var direct = left.SelectMany(lc => lc.Links.Where(k => rightById.ContainsKey(k.Id)).Select(k => (L: lc, R: rightById[k.Id], k.Relation, k.Score)))
            .Concat(right.SelectMany(rc => rc.Links.Where(k => leftById.ContainsKey(k.Id)).Select(k => (L: leftById[k.Id], R: rc, k.Relation, k.Score))))
            .OrderByDescending(x => x.Score).ThenBy(x => x.L.Order).ToList();
        foreach (var (l, r, rel, score) in direct)
        {
            if (usedL.Contains(l.Id) || usedR.Contains(r.Id)) continue;
            usedL.Add(l.Id); usedR.Add(r.Id);
            rows.Add((l.Order, new AlignedRow(ClauseRef.Of(l), ClauseRef.Of(r), rel, score, null)));
        }

        static IEnumerable<(string Id, double Score)> NationalTargets(Clause c, HashSet<string> nationalIds) =>
            c.Links.Where(k => k.Relation is Relations.NearVerbatim or Relations.Paraphrase or Relations.SameTopic
                               && nationalIds.Contains(k.Id.Split('/')[0]))
                .Select(k => (k.Id, k.Score));
        var viaRight = right.Where(c => !usedR.Contains(c.Id))
            .SelectMany(c => NationalTargets(c, nationalIds).Select(t => (t.Id, C: c, t.Score)))
            .ToLookup(x => x.Id, StringComparer.Ordinal);
        foreach (var l in left.Where(c => !usedL.Contains(c.Id)))
        {
            var match = NationalTargets(l, nationalIds)
                .SelectMany(t => viaRight[t.Id].Select(r => (Via: t.Id, r.C, Score: Math.Min(t.Score, r.Score))))
                .Where(x => !usedR.Contains(x.C.Id))
                .OrderByDescending(x => x.Score).FirstOrDefault();
            if (match.C is null) continue;
            usedL.Add(l.Id); usedR.Add(match.C.Id);
            rows.Add((l.Order, new AlignedRow(ClauseRef.Of(l), ClauseRef.Of(match.C), "via-national", Math.Round(match.Score, 3), match.Via)));
        }

        var restL = left.Where(c => !usedL.Contains(c.Id)).ToList();
        var restR = right.Where(c => !usedR.Contains(c.Id)).ToList();
        for (var i = 0; i < Math.Max(restL.Count, restR.Count); i++)
        {
            var l = i < restL.Count ? restL[i] : null;
            var r = i < restR.Count ? restR[i] : null;
            rows.Add((l?.Order ?? int.MaxValue, new AlignedRow(l is null ? null : ClauseRef.Of(l), r is null ? null : ClauseRef.Of(r), null, null, null)));
        }
        // Aligned rows first (in the left document's order), then the unaligned ones.
        return rows.OrderBy(x => x.Row.Relation is null).ThenBy(x => x.Order).Select(x => x.Row).ToList();
    }

    private static CoverageMatrix Coverage(IReadOnlyList<ParsedDocument> columns, Func<Clause, IEnumerable<(string Key, string Label)>> keys)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var d = 0; d < columns.Count; d++)
            foreach (var c in columns[d].Clauses)
                foreach (var (key, label) in keys(c).DistinctBy(k => k.Key))
                {
                    labels.TryAdd(key, label);
                    if (!counts.TryGetValue(key, out var row)) counts[key] = row = new int[columns.Count];
                    row[d]++;
                }
        var order = counts.Keys.OrderByDescending(k => counts[k].Sum()).ThenBy(k => k, StringComparer.Ordinal).ToList();
        return new CoverageMatrix(order, order.Select(k => labels[k]).ToList(),
            columns.Select(d => new CoverageColumn(d.Meta.Id, d.Meta.ShortTitles.FirstOrDefault() ?? d.Meta.Title, d.Meta.Level)).ToList(),
            order.Select(k => (IReadOnlyList<int>)counts[k]).ToList());
    }

    /// <summary>
    /// Targets side by side where they measure the same metric (metric compared on its content characters:
    /// "吨钢综合能耗" in 002's 专栏1 and in 004's 专栏1 → national 572→560, Sichuan 549→540).
    /// </summary>
    private static IReadOnlyList<TargetComparison> CompareTargets(ParsedDocument left, ParsedDocument right, IReadOnlyList<ParsedDocument> national)
    {
        static Dictionary<string, TargetValue> ByMetric(IEnumerable<ParsedDocument> docs)
        {
            var map = new Dictionary<string, TargetValue>(StringComparer.Ordinal);
            // An indicator-table row states the plan's target for the metric; prose may mention the same metric
            // for something else (a saving of 60 kg in 吨钢综合能耗 against the row's 549→540): rows first.
            foreach (var d in docs)
                foreach (var c in d.Clauses.OrderBy(c => c.Row is null).ThenBy(c => c.Order))
                    foreach (var t in c.Targets)
                        map.TryAdd(MetricKey(t.Metric), new TargetValue(d.Meta.Id, c.Id, c.Citation, t.BaseValue, t.BaseYear, t.Value, t.TargetYear, t.Direction, t.Unit));
            return map;
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in new[] { left, right }.Concat(national).SelectMany(d => d.Clauses).SelectMany(c => c.Targets))
            names.TryAdd(MetricKey(t.Metric), t.Metric);
        var n = ByMetric(national);
        var l = ByMetric([left]);
        var r = ByMetric([right]);
        return names.Keys
            .Select(k => (k, N: n.GetValueOrDefault(k), L: l.GetValueOrDefault(k), R: r.GetValueOrDefault(k)))
            .Where(x => (x.L is not null || x.R is not null) && new[] { x.N, x.L, x.R }.Count(v => v is not null) >= 2)
            .OrderBy(x => x.N is null).ThenBy(x => x.k, StringComparer.Ordinal)
            .Select(x => new TargetComparison(names[x.k], x.N?.Unit ?? x.L?.Unit ?? x.R?.Unit, x.N, x.L, x.R))
            .ToList();
    }

    public static string MetricKey(string metric) => TextFeatures.Content(metric);

    private static NationalFollowing Following(ParsedDocument doc, HashSet<string> nationalIds)
    {
        bool Follows(Clause c) => FollowedNational(c, doc.Meta.Id, nationalIds).Any();
        var where = doc.Clauses.GroupBy(c => c.Path.FirstOrDefault() ?? "（正文前）")
            .Select(g => new FollowingPlace(g.Key, g.Count(), g.Count(Follows)))
            .ToList();
        var byDoc = doc.Clauses.SelectMany(c => FollowedNational(c, doc.Meta.Id, nationalIds).Select(id => id.Split('/')[0]).Distinct())
            .GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var following = doc.Clauses.Count(Follows);
        return new NationalFollowing(doc.Meta.Id, doc.Clauses.Count, following,
            doc.Clauses.Count == 0 ? 0 : Math.Round(following / (double)doc.Clauses.Count, 3), where, byDoc);
    }

    private static IEnumerable<string> FollowedNational(Clause c, string ownDoc, HashSet<string> nationalIds) =>
        c.Links.Where(l => l.Relation is Relations.NearVerbatim or Relations.Paraphrase)
            .Select(l => l.Id)
            .Where(id => id.Split('/')[0] is var d && d != ownDoc && nationalIds.Contains(d));
}
