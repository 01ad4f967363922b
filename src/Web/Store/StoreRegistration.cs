using GreenPolicy.Index;
using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;

namespace GreenPolicy.Web.Store;

public static class StoreRegistration
{
    /// <summary>
    /// Registers the index under {repo}/data/index (GreenPolicy:Index overrides), built from {repo}/corpus
    /// (GreenPolicy:Corpus) when missing or stale, at first use. Tests replace IPolicyStoreProvider.
    /// </summary>
    public static WebApplicationBuilder AddPolicyStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPolicyStoreProvider>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var env = sp.GetRequiredService<IWebHostEnvironment>();
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("GreenPolicy.Index");
            var clock = sp.GetRequiredService<TimeProvider>();
            var root = RepoPaths.FindRoot(env.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
            var corpus = config["GreenPolicy:Corpus"] is { Length: > 0 } c ? c
                : root is null ? null : Path.Combine(root, "corpus");
            var index = config["GreenPolicy:Index"] is { Length: > 0 } i ? i
                : root is null ? null : Path.Combine(root, "data", "index");
            if (corpus is null || index is null)
            {
                throw new InvalidOperationException(
                    "Cannot find corpus/ (no GreenPolicy.sln above the content root): set GreenPolicy:Corpus and GreenPolicy:Index.");
            }
            var manager = IndexManager.EnsureBuiltAndOpen(corpus, index,
                () => DateOnly.FromDateTime(clock.GetLocalNow().DateTime), line => log.LogInformation("{Line}", line));
            return new IndexStoreProvider(manager);
        });
        // One lease per request, released by the request scope; the wrapper keeps DI from disposing the store itself.
        services.AddScoped(sp => sp.GetRequiredService<IPolicyStoreProvider>().Acquire());
        services.AddScoped<IPolicyStore>(sp => new RequestStore(sp.GetRequiredService<StoreLease>().Store));
        return builder;
    }

    /// <summary>
    /// Builds (or opens) the index at start-up rather than on the first request. False, with the reason
    /// logged in one line, when there is neither a usable index nor a corpus to build one from.
    /// </summary>
    public static bool WarmUpPolicyStore(this WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IPolicyStoreProvider>();
            return true;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException
                                      or ArgumentException)
        {
            app.Logger.LogCritical("GreenPolicy cannot start: {Reason}", e.Message);
            return false;
        }
    }
}
