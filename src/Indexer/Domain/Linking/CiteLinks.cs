using System.Text.RegularExpressions;
using GreenPolicy.Domain.Citations;

namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Explicit links: 《title》 and 文号 references (cites), in-document box references ("见专栏1"), and the
/// implements relation declared in front matter. A reference to a whole document is anchored at that
/// document's first clause (its opening, which states what the document is for), so that it is visible
/// from both ends; the reference itself keeps the document id in ParsedDocument.References.
/// References to documents outside the corpus (《中国制造2025》) are kept there with TargetDocId null.
/// </summary>
internal static partial class CiteLinks
{
    [GeneratedRegex(@"专栏\s*(\d+)")]
    private static partial Regex BoxRx();

    /// <param name="catalog">The documents as the citation resolver reads them (their outlines locate 三（一）).</param>
    public static void Add(ClauseTable c, ICitationCatalog catalog, LinkSink sink, List<DocumentReference>[] references, LinkerOptions o)
    {
        var finder = new ReferenceFinder(c.Docs.Select(d => d.Meta));
        var resolver = new CitationResolver(catalog);
        var first = new int[c.Docs.Count];
        Array.Fill(first, -1);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < c.Docs.Count; d++)
        {
            byId.TryAdd(c.Docs[d].Meta.Id, d);
            if (c.Docs[d].Clauses.Count > 0)
                first[d] = c.Index(d, c.Docs[d].Clauses.Select((cl, k) => (cl.Order, k)).Min().k);
        }

        // References are found in every clause on every core. The same reference recurs across documents (every
        // provincial plan cites 《工业绿色发展规划（2016-2020年）》), and resolving it compares its title with every
        // document's: each distinct one is resolved once, on every core too; links are then added in clause order.
        var mentions = new (CitationMention Mention, Reference Key)[c.Count][];
        Parallel.For(0, c.Count, i =>
        {
            var text = c.Text(i);
            mentions[i] = CitationParser.FindInText(text).Select(m =>
            {
                var written = text.Substring(m.Span.Start, m.Span.Length);
                var title = m.TitleSpan is { } ts ? text.Substring(ts.Start, ts.Length)
                    : m.DocNumberSpan is { } ns ? text.Substring(ns.Start, ns.Length) : written;
                return (m, new Reference(written, title, m.DocNumber is not null));
            }).ToArray();
        });
        var distinct = mentions.SelectMany(ms => ms.Select(m => m.Key)).Distinct().ToArray();
        var targets = new (int Doc, int Clause)[distinct.Length];
        Parallel.For(0, distinct.Length, k => targets[k] = Resolve(c, resolver, finder, byId, first, distinct[k]));
        var resolved = distinct.Zip(targets).ToDictionary(p => p.First, p => p.Second);
        for (var i = 0; i < c.Count; i++)
        {
            var clause = c.Clauses[i];
            var doc = c.DocOf[i];
            foreach (var (m, key) in mentions[i])
            {
                var (written, title) = (key.Written, key.Title);
                var (targetDoc, targetClause) = resolved[key];
                references[doc].Add(new DocumentReference(c.Id(i), title, targetDoc < 0 ? null : c.Docs[targetDoc].Meta.Id, m.Span));
                // A plan naming itself (贵州's notice quoting 《贵州省绿色制造三年行动计划》) is not a link.
                if (targetDoc < 0 || targetDoc == doc || targetClause < 0) continue;
                Pair(c, sink, i, targetClause, Relations.Cites, written);
            }
            // "（见专栏1）": a clause pointing at a box of its own document cites it — the one case where
            // clauses of the same document are linked.
            foreach (Match m in BoxRx().Matches(c.Text(i)))
            {
                var box = "box_" + m.Groups[1].Value;
                if (clause.EId.Split("__").Contains(box)) continue;
                var k = c.Docs[doc].Clauses.ToList().FindIndex(x => x.EId.Split("__").Contains(box));
                if (k >= 0) Pair(c, sink, i, c.Index(doc, k), Relations.Cites, m.Value);
            }
        }

        for (var d = 0; d < c.Docs.Count; d++)
        {
            if (first[d] < 0) continue;
            foreach (var declared in c.Docs[d].Meta.Implements)
            {
                var target = byId.ContainsKey(declared) ? declared
                    : finder.Resolve(new FoundReference(declared.Trim('《', '》'), null, default));
                if (target is null || !byId.TryGetValue(target, out var td) || td == d || first[td] < 0) continue;
                Pair(c, sink, first[d], first[td], Relations.Implements, "front matter: implements " + target);
            }
        }
    }

    /// <summary>
    /// The cited document and clause: the citations helper's resolver first (it reads locators, so
    /// 《工业绿色发展规划》三（一） lands on that item); when it cannot identify the document, the linker's own
    /// folded-title match. A whole document, part or box is represented by its first clause.
    /// </summary>
    private static (int Doc, int Clause) Resolve(ClauseTable c, CitationResolver resolver, ReferenceFinder finder,
        Dictionary<string, int> byId, int[] first, Reference reference)
    {
        var (written, title, isNumber) = reference;
        var resolution = resolver.Locate(written);
        if (resolution.Target is { } t && byId.TryGetValue(t.DocId, out var d))
        {
            var clauses = c.Docs[d].Clauses;
            var k = -1;
            if (t.Kind == CitationKinds.Clause) k = clauses.ToList().FindIndex(x => Clause.IdOf(t.DocId, x.EId) == t.Id);
            else if (t.EId is { } eid)
                k = clauses.Select((x, n) => (x, n)).Where(p => p.x.EId == eid || p.x.EId.StartsWith(eid + "__", StringComparison.Ordinal))
                    .OrderBy(p => p.x.Order).Select(p => p.n).DefaultIfEmpty(-1).First();
            return (d, k >= 0 ? c.Index(d, k) : first[d]);
        }
        var fallback = finder.Resolve(new FoundReference(title.Trim('《', '》'), isNumber ? title : null, default));
        return fallback is not null && byId.TryGetValue(fallback, out var fd) ? (fd, first[fd]) : (-1, -1);
    }

    /// <summary>A reference as written, its title (or 文号) part, and whether it carries a 文号.</summary>
    private readonly record struct Reference(string Written, string Title, bool IsNumber);

    private static void Pair(ClauseTable c, LinkSink sink, int from, int to, string relation, string common)
    {
        sink.AddExplicit(from, new ClauseLink(c.Id(to), relation, 1.0, Linker.Direction(c.Level(from), c.Level(to)),
            new LinkEvidence { Common = common }));
        sink.AddExplicit(to, new ClauseLink(c.Id(from), relation, 1.0, Linker.Direction(c.Level(to), c.Level(from)),
            new LinkEvidence { Common = common, Note = relation == Relations.Cites ? "被引用" : "被落实" }));
    }
}
