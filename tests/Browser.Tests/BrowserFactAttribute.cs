namespace GreenPolicy.Browser.Tests;

/// <summary>
/// A browser journey: skipped, with the reason, where Debian's Chromium is not installed (a developer's
/// `dotnet test`), but run — and failing — when GREENPOLICY_REQUIRE_BROWSER=1 (.ci/run sets it).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        var required = Environment.GetEnvironmentVariable("GREENPOLICY_REQUIRE_BROWSER") == "1";
        if (!File.Exists(ChromiumPath) && !required)
        {
            Skip = $"{ChromiumPath} not found: install Debian's chromium and fonts-wqy-microhei to run the browser journeys " +
                   "(set GREENPOLICY_REQUIRE_BROWSER=1 to make this a failure).";
        }
    }
}
