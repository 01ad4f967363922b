using System.Text;

namespace GreenPolicy.Domain.Linking;

/// <summary>
/// Character-level diff (Myers' O(ND) algorithm) from an old text to a new one, as equal / delete /
/// insert runs. Bounded: once the edit distance passes <c>maxEdits</c> (800) the middle is reported as one
/// delete and one insert, so two unrelated 3,000-character clauses cost no more than a few milliseconds.
/// Example: "以铸造、热处理、焊接" → "以热处理、焊接" is [equal 以] [delete 铸造、] [equal 热处理、焊接].
/// </summary>
public static class CharDiff
{
    public const string Equal = "equal";
    public const string Insert = "insert";
    public const string Delete = "delete";

    public static IReadOnlyList<DiffOp> Diff(string oldText, string newText, int maxEdits = 800)
    {
        var ops = new List<DiffOp>();
        var prefix = 0;
        var min = Math.Min(oldText.Length, newText.Length);
        while (prefix < min && oldText[prefix] == newText[prefix]) prefix++;
        var suffix = 0;
        while (suffix < min - prefix && oldText[^(suffix + 1)] == newText[^(suffix + 1)]) suffix++;
        if (prefix > 0) Add(ops, Equal, oldText[..prefix]);
        var a = oldText[prefix..(oldText.Length - suffix)];
        var b = newText[prefix..(newText.Length - suffix)];
        Middle(ops, a, b, maxEdits);
        if (suffix > 0) Add(ops, Equal, oldText[^suffix..]);
        return ops;
    }

    private static void Middle(List<DiffOp> ops, string a, string b, int maxEdits)
    {
        int n = a.Length, m = b.Length;
        if (n == 0 && m == 0) return;
        if (n == 0) { Add(ops, Insert, b); return; }
        if (m == 0) { Add(ops, Delete, a); return; }
        var max = Math.Min(n + m, maxEdits);
        var offset = max + 1;
        var v = new int[2 * max + 3];
        // trace[d] keeps only the diagonals -d-1 … d+1 that round d reads: memory O(D²), not O(D·(n+m)).
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= max && found < 0; d++)
        {
            trace.Add(v.AsSpan(offset - d - 1, 2 * d + 3).ToArray());
            for (var k = -d; k <= d; k += 2)
            {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
                else x = v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y]) { x++; y++; }
                v[offset + k] = x;
                if (x >= n && y >= m) { found = d; break; }
            }
        }
        if (found < 0)
        {
            // Too different to align within the bound: report a replacement.
            Add(ops, Delete, a);
            Add(ops, Insert, b);
            return;
        }
        // Walk the trace back from (n, m), collecting single-character steps in reverse.
        var steps = new List<(string Op, char C)>();
        int cx = n, cy = m;
        for (var d = found; d > 0; d--)
        {
            var vp = trace[d];
            int At(int k) => vp[k + d + 1];
            var k = cx - cy;
            var prevK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var px = At(prevK);
            var py = px - prevK;
            while (cx > px && cy > py) { cx--; cy--; steps.Add((Equal, a[cx])); }
            if (cx == px) { cy--; steps.Add((Insert, b[cy])); }
            else { cx--; steps.Add((Delete, a[cx])); }
        }
        while (cx > 0 && cy > 0) { cx--; cy--; steps.Add((Equal, a[cx])); }
        steps.Reverse();
        var sb = new StringBuilder();
        string? cur = null;
        foreach (var (op, c) in steps)
        {
            if (op != cur && cur is not null) { Add(ops, cur, sb.ToString()); sb.Clear(); }
            cur = op;
            sb.Append(c);
        }
        if (cur is not null) Add(ops, cur, sb.ToString());
    }

    private static void Add(List<DiffOp> ops, string op, string text)
    {
        if (text.Length == 0) return;
        if (ops.Count > 0 && ops[^1].Op == op) ops[^1] = ops[^1] with { Text = ops[^1].Text + text };
        else ops.Add(new DiffOp(op, text));
    }

    /// <summary>The diff read the other way (new → old): inserts become deletes and vice versa.</summary>
    public static IReadOnlyList<DiffOp> Invert(IReadOnlyList<DiffOp> ops) =>
        ops.Select(o => o.Op switch
        {
            Insert => o with { Op = Delete },
            Delete => o with { Op = Insert },
            _ => o,
        }).ToList();

    /// <summary>Rebuilds the old (<paramref name="newSide"/> false) or new text from a diff.</summary>
    public static string Apply(IReadOnlyList<DiffOp> ops, bool newSide) =>
        string.Concat(ops.Where(o => o.Op == Equal || o.Op == (newSide ? Insert : Delete)).Select(o => o.Text));

    /// <summary>Number of content characters (Han, digits, letters) in the equal runs.</summary>
    public static int CommonContentChars(IReadOnlyList<DiffOp> ops) =>
        ops.Where(o => o.Op == Equal).Sum(o => o.Text.Count(c => TextFeatures.IsContent(TextFeatures.Fold(c))));

    /// <summary>The aligned common text: equal runs of at least <paramref name="minRun"/> characters joined by "…", bounded.</summary>
    public static string CommonText(IReadOnlyList<DiffOp> ops, int minRun = 4, int maxLength = 400)
    {
        var parts = ops.Where(o => o.Op == Equal && o.Text.Length >= minRun).Select(o => o.Text);
        var s = string.Join("…", parts);
        return s.Length <= maxLength ? s : s[..maxLength] + "…";
    }
}
