using System.Text;

namespace GreenPolicy.Indexer.Tests.Structure;

/// <summary>
/// A small approve/received helper for golden files: when the text differs from the approved file, the new
/// text is written beside it as &lt;name&gt;.received.txt (diff the two to review) and the test fails.
/// GREENPOLICY_APPROVE=1 overwrites the approved file instead, after you have reviewed the change.
/// </summary>
internal static class Approvals
{
    public static bool ApproveMode => Environment.GetEnvironmentVariable("GREENPOLICY_APPROVE") == "1";

    public static void Verify(string approvedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        var receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
        if (ApproveMode)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approvedPath)!);
            File.WriteAllText(approvedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var first = FirstDifference(approved ?? "", actual);
        Assert.Fail(approved is null
            ? $"no approved file {approvedPath}; review {receivedPath} and rename it (or run with GREENPOLICY_APPROVE=1)"
            : $"{Path.GetFileName(approvedPath)} differs at line {first.Line}:\n  approved: {first.Approved}\n  received: {first.Received}\n" +
              $"diff {approvedPath} {receivedPath}; approve with GREENPOLICY_APPROVE=1 once reviewed");
    }

    private static (int Line, string Approved, string Received) FirstDifference(string approved, string actual)
    {
        var a = approved.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "<end>";
            var y = i < b.Length ? b[i] : "<end>";
            if (x != y)
                return (i + 1, x, y);
        }
        return (0, "", "");
    }
}
