using System.Diagnostics;

namespace GreenPolicy.Web.Tests.Reliability;

/// <summary>With no usable index and no corpus to build one from, the site says why in one line and exits 2 (it used to die with 134 and a stack trace).</summary>
public class StartupFailureTests
{
    [Fact]
    public async Task No_index_and_no_corpus_is_a_clear_message_and_exit_code_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "greenpolicy-missing-" + Guid.NewGuid().ToString("N"));
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "GreenPolicy.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["GreenPolicy__Corpus"] = Path.Combine(missing, "corpus");
        psi.Environment["GreenPolicy__Index"] = Path.Combine(missing, "index");
        try
        {
            await AssertExitsWithMessage(psi, missing);
        }
        finally
        {
            // The site makes the index directory (for its lock) before it finds no corpus to build from.
            if (Directory.Exists(missing))
            {
                Directory.Delete(missing, recursive: true);
            }
        }
    }

    private static async Task AssertExitsWithMessage(ProcessStartInfo psi, string missing)
    {
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the site kept running without an index or a corpus");
        }
        var output = await stdout + await stderr;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("GreenPolicy cannot start", output);
        Assert.Contains("corpus directory not found", output);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.False(Directory.Exists(Path.Combine(missing, "index", "CURRENT")));
    }
}
