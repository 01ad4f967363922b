using Lucene.Net.Search.Similarities;

namespace GreenPolicy.Index;

/// <summary>
/// BM25 with a coordination factor: a clause holding two of the query's three concepts scores
/// (2/3)² of what its matches add up to, so clauses with every word come first ("钢铁 产能置换":
/// 严格执行钢铁…产能置换 before a clause that only says 钢铁) without running the query twice.
/// Only the query's top-level "any concept" clause has coordination enabled.
/// </summary>
public sealed class PolicySimilarity : BM25Similarity
{
    public const float CoordExponent = 2f;

    public override float Coord(int overlap, int maxOverlap) =>
        maxOverlap <= 1 ? 1f : MathF.Pow((float)overlap / maxOverlap, CoordExponent);
}
