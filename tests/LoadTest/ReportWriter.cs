using System.Globalization;
using System.Text;

namespace GreenPolicy.LoadTest;

/// <summary>docs/reliability.md from one run's figures.</summary>
public static class ReportWriter
{
    private static string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => F(bytes / (1024.0 * 1024.0)) + " MB";

    public static string Markdown(RunReport r)
    {
        var s = new StringBuilder();
        s.AppendLine("# Reliability: bad input, faults while serving, load");
        s.AppendLine();
        s.AppendLine("Written by the load-and-fault runner (`dotnet run -c Release --project tests/LoadTest -- --out docs/reliability.md`),");
        s.AppendLine($"run {r.StartedUtc} on {r.Machine}. The site ran as its own process (GreenPolicy.Web on 127.0.0.1, a free port) over a");
        s.AppendLine("temporary copy of corpus/; the indexer ran as separate processes (GreenPolicy.Indexer build), one of them killed with SIGKILL.");
        s.AppendLine("Figures are from that one run on a shared, loaded 2-core machine: compare them with each other, not with a production box.");
        s.AppendLine();
        s.AppendLine($"**Unintended errors: {r.UnintendedErrors}** (hostile inputs answered outside their expected statuses, failed or mixed answers under re-index, failures around the SIGKILL, failures in the memory run).");
        s.AppendLine();

        s.AppendLine("## Hostile inputs");
        s.AppendLine();
        var byKind = r.Inputs.GroupBy(i => i.Kind).ToList();
        s.AppendLine($"{r.Inputs.Count} requests. Expected: 200 with a sane answer, or 400/404 (problem+json in Chinese and English on the API); never 5xx; a CSP header on every answer; no Access-Control-Allow-Origin for a foreign origin; no file content.");
        s.AppendLine();
        s.AppendLine("| kind | requests | statuses | slowest | unintended |");
        s.AppendLine("|---|---:|---|---:|---:|");
        foreach (var g in byKind)
        {
            var statuses = string.Join(", ", g.GroupBy(i => i.Status).OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Count()}"));
            s.AppendLine($"| {g.Key} | {g.Count()} | {statuses} | {F(g.Max(i => i.Ms), "0")} ms | {g.Count(i => !i.Intended)} |");
        }
        s.AppendLine();
        s.AppendLine("<details><summary>Every input tried</summary>");
        s.AppendLine();
        s.AppendLine("| kind | input | url | status | ms | ok |");
        s.AppendLine("|---|---|---|---:|---:|---|");
        foreach (var i in r.Inputs)
        {
            s.AppendLine($"| {i.Kind} | `{Cell(i.Input)}` | `{Cell(i.Url)}` | {i.Status} | {F(i.Ms, "0")} | {(i.Intended ? "yes" : "**NO**")} |");
        }
        s.AppendLine();
        s.AppendLine("</details>");
        s.AppendLine();

        if (r.Load is { } l)
        {
            s.AppendLine("## Re-index under load");
            s.AppendLine();
            s.AppendLine($"8 clients looped over five URLs (documents, a search filtered to the new document, a search, a clause, a search page). After a third of the run a document was added to the corpus and `GreenPolicy.Indexer build` ran in another process; the site (polling CURRENT every 2 s) switched from `{l.OldGeneration}` to `{l.NewGeneration}` without a restart.");
            s.AppendLine();
            s.AppendLine($"- requests served: **{l.Requests}**; failed: **{l.Failed}**; answers mixing two generations or going back to the old one after the new: **{l.MixedOrBackwards}**");
            s.AppendLine($"- build: {F(l.BuildSeconds)} s; switch seen {F(l.SwitchSecondsAfterBuild)} s after the build finished");
            s.AppendLine();
            s.AppendLine("| window | requests | p50 | p95 | p99 | max |");
            s.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (name, st) in new[] { ("before the build", l.Before), ("during the build and switch", l.DuringReindex), ("after the switch", l.After) })
            {
                s.AppendLine($"| {name} | {st.Count} | {F(st.P50)} ms | {F(st.P95)} ms | {F(st.P99)} ms | {F(st.Max)} ms |");
            }
            s.AppendLine();
        }

        if (r.Kill is { } k)
        {
            s.AppendLine("## Indexer killed mid-build (SIGKILL)");
            s.AppendLine();
            s.AppendLine($"A document was added and `GreenPolicy.Indexer build` started as a child process; it was killed with SIGKILL while **{k.KilledDuring}** ({F(k.KilledAfterSeconds)} s in), while a client kept searching.");
            s.AppendLine();
            s.AppendLine($"- CURRENT unchanged: **{Yes(k.CurrentUnchanged)}**; the site kept serving its generation: **{Yes(k.SiteKeptGeneration)}**");
            s.AppendLine($"- requests during the kill: {k.RequestsDuringKill}, failed: **{k.FailedDuringKill}**");
            s.AppendLine($"- broken generations left by the kill: {k.BrokenGenerationsLeft}; the next build succeeded: **{Yes(k.NextBuildSucceeded)}**, removed them: **{Yes(k.BrokenRemovedByNextBuild)}**; the site switched to it: **{Yes(k.SiteSwitchedAfterNextBuild)}**");
            s.AppendLine();
        }

        if (r.Memory is { } m)
        {
            s.AppendLine("## Memory over many requests");
            s.AppendLine();
            s.AppendLine($"{m.Requests} requests (8 clients; searches, a document, a clause, a citation, health, a 404) in {F(m.Seconds)} s ({F(m.Requests / Math.Max(0.001, m.Seconds), "0")} requests/s), failed: **{m.Failed}**. Working set of the site process after a 2,000-request warm-up:");
            s.AppendLine();
            s.AppendLine($"| before | peak during | after | change |");
            s.AppendLine("|---:|---:|---:|---:|");
            s.AppendLine($"| {Mb(m.WorkingSetBeforeBytes)} | {Mb(m.WorkingSetPeakDuringBytes)} | {Mb(m.WorkingSetAfterBytes)} | {(m.WorkingSetAfterBytes >= m.WorkingSetBeforeBytes ? "+" : "")}{Mb(m.WorkingSetAfterBytes - m.WorkingSetBeforeBytes)} |");
            s.AppendLine();
            if (m.Samples.Count > 0)
            {
                s.AppendLine("Every 10,000 requests: " + string.Join(" · ", m.Samples.Select(x => $"{x.Requests / 1000}k {Mb(x.Bytes)}")));
                s.AppendLine();
            }
        }

        if (r.Startup.Count > 0)
        {
            s.AppendLine("## Index missing or damaged at start");
            s.AppendLine();
            s.AppendLine("| case | exit code | outcome |");
            s.AppendLine("|---|---:|---|");
            foreach (var st in r.Startup)
            {
                s.AppendLine($"| {st.Case} | {(st.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "(kept running)")} | {Cell(st.Outcome)} |");
            }
            s.AppendLine();
        }
        foreach (var n in r.Notes)
        {
            s.AppendLine("- note: " + n);
        }
        s.AppendLine(Decisions);
        return s.ToString();
    }

    private static string Yes(bool b) => b ? "yes" : "NO";

    private static string Cell(string v) => v.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);

    // The decisions and the scope, kept with the figures so the report stands alone.
    private const string Decisions = """
        ## Decisions

        - **GB18030/GBK files are rejected, not decoded.** `validate` and `build` report `corpus/<file>.md:<line>: not UTF-8 (save the
          file as UTF-8)` with the line of the first byte that is not UTF-8, and exit 1. Guessing an encoding is unreliable on short
          files (a GBK byte pair can be valid Big5 or Shift-JIS), and a wrong guess is silent mojibake in the index; converting once
          (`iconv -f GB18030 -t UTF-8`) is cheap and visible in review.
        - **Files over 4 MB are refused** with their size (the longest real plan in the corpus is 60 KB); a 20 MB file had held a
          build for 7 minutes before the limit.
        - **A file with only headings is an error**: no clause ends a sentence (。；！？), so there is nothing anyone could cite.
        - **Jurisdictions** are `CN` or one of the 34 ISO 3166-2:CN codes; `CN-ZZ` (a typo of `CN-GZ`) is an error, not a new province.
        - **A damaged serving generation** (Lucene files truncated or deleted, a manifest that is not JSON) is rebuilt from corpus/ at
          start; with no corpus and no index the site exits non-zero and says which folder it looked in.
        - **Queries** never reach Lucene's query parser: `*:*`, `field:x`, `*`, `电*` are text; a trailing `*` is not a prefix query, so
          no term expansion over the index. Queries over 500 characters are a 400 problem; filter lists over 20 values are refused.

        ## Out of scope, and why

        - Authentication and authorisation: the site is read-only and public; the index is written only by the indexer on the host.
        - TLS, HSTS and a per-client limit behind a proxy (X-Forwarded-For): they belong to the reverse proxy in front of the site;
          the rate limiter partitions by the connection's address, which behind a proxy is the proxy's.
        - Distributed denial of service: a per-client fixed window protects against one noisy client, not against many.
        - Duplicate ids are reported with both file names but without a line (the validator sees parsed files, not their lines).
        """;
}
