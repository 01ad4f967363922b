using System.Net;
using GreenPolicy.Index;
using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;
using GreenPolicy.Web.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace GreenPolicy.Browser.Tests;

/// <summary>
/// The real site on Kestrel at 127.0.0.1 (a free port), over the corpus indexed into a temp folder,
/// and one headless Debian Chromium shared by the journeys.
/// </summary>
public sealed class SiteServer : IAsyncLifetime
{
    private Factory? factory;
    private IPlaywright? playwright;
    private IndexManager? manager;
    private string? indexDir;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    public string RepoRoot { get; } = RepoPaths.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("GreenPolicy.sln not found");
    public string ScreenshotDir => Path.Combine(RepoRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("GREENPOLICY_REQUIRE_BROWSER") != "1")
            {
                return; // every journey is skipped with its reason; nothing to start
            }
            throw new InvalidOperationException($"{BrowserFactAttribute.ChromiumPath} is not installed (GREENPOLICY_REQUIRE_BROWSER=1 requires it)");
        }
        indexDir = Path.Combine(Path.GetTempPath(), "greenpolicy-browser-" + Guid.NewGuid().ToString("N"));
        manager = IndexManager.EnsureBuiltAndOpen(Path.Combine(RepoRoot, "corpus"), indexDir,
            () => DateOnly.FromDateTime(DateTime.Today), log: null, pollInterval: TimeSpan.Zero);
        factory = new Factory(new FixedPolicyStoreProvider(manager));
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        Directory.CreateDirectory(ScreenshotDir);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        manager?.Dispose();
        if (indexDir is not null && Directory.Exists(indexDir))
        {
            try { Directory.Delete(indexDir, true); } catch (IOException) { }
        }
    }

    private sealed class Factory(IPolicyStoreProvider provider) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IPolicyStoreProvider>();
                services.AddSingleton(provider);
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteServer>
{
    public const string Name = "site on kestrel";
}
