using System.Text.RegularExpressions;

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

    public static void Add(CorpusFeatures c, LinkSink sink, List<DocumentReference>[] references, LinkerOptions o)
    {
        var finder = new ReferenceFinder(c.Docs.Select(d => d.Meta));
        var first = new int[c.Docs.Count];
        Array.Fill(first, -1);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < c.Docs.Count; d++)
        {
            byId.TryAdd(c.Docs[d].Meta.Id, d);
            if (c.Docs[d].Clauses.Count > 0)
                first[d] = c.Index(d, c.Docs[d].Clauses.Select((cl, k) => (cl.Order, k)).Min().k);
        }

        for (var i = 0; i < c.Count; i++)
        {
            var clause = c.Clauses[i];
            var doc = c.DocOf[i];
            foreach (var r in ReferenceFinder.Find(clause.Text))
            {
                var target = finder.Resolve(r);
                var targetDoc = target is not null && byId.TryGetValue(target, out var td) ? td : -1;
                references[doc].Add(new DocumentReference(clause.Id, r.Title, target, r.Span));
                // A plan naming itself (贵州's notice quoting 《贵州省绿色制造三年行动计划》) is not a link.
                if (targetDoc < 0 || targetDoc == doc || first[targetDoc] < 0) continue;
                Pair(c, sink, i, first[targetDoc], Relations.Cites, clause.Text.Substring(r.Span.Start, r.Span.Length));
            }
            // "（见专栏1）": a clause pointing at a box of its own document cites it — the one case where
            // clauses of the same document are linked.
            foreach (Match m in BoxRx().Matches(clause.Text))
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

    private static void Pair(CorpusFeatures c, LinkSink sink, int from, int to, string relation, string common)
    {
        sink.AddExplicit(from, new ClauseLink(c.Clauses[to].Id, relation, 1.0, Linker.Direction(c.Level(from), c.Level(to)),
            new LinkEvidence { Common = common }));
        sink.AddExplicit(to, new ClauseLink(c.Clauses[from].Id, relation, 1.0, Linker.Direction(c.Level(to), c.Level(from)),
            new LinkEvidence { Common = common, Note = relation == Relations.Cites ? "被引用" : "被落实" }));
    }
}
