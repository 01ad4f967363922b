using System.Diagnostics;
using System.Text.Json;

namespace GreenPolicy.Benchmarks.Measure;

/// <summary>
/// Each build runs alone in a fresh child process of this program, so that its peak working set
/// (VmHWM, Process.PeakWorkingSet64) is its own and not the benchmark's or a previous build's. The
/// child prints one line `RESULT {json}` with its figures and its peak.
/// </summary>
internal static class ChildProcess
{
    public const string ResultPrefix = "RESULT ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>`dotnet GreenPolicy.Benchmarks.dll child …` with the same runtime as the parent.</summary>
    public static T Run<T>(string mode, IReadOnlyList<string> args, Action<string> log)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add("child");
        start.ArgumentList.Add(mode);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start child process");
        string? result = null;
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..];
            }
            else
            {
                log("    " + line);
            }
        }
        process.WaitForExit();
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"child {mode} failed (exit {process.ExitCode}): {errors.ToString().Trim()}");
        }
        return JsonSerializer.Deserialize<T>(result, Json)!;
    }

    /// <summary>In the child: print the figures with this process's peak working set.</summary>
    public static void Report<T>(T value) =>
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(value, Json));

    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        return "dotnet";
    }
}
