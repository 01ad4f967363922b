using GreenPolicy.Search;
using GreenPolicy.Web.Infrastructure;

namespace GreenPolicy.Web.Store;

public static class StoreRegistration
{
    public static WebApplicationBuilder AddPolicyStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IPolicyStoreProvider>(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var env = sp.GetRequiredService<IWebHostEnvironment>();
            var root = RepoPaths.FindRoot(env.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
            var corpus = config["GreenPolicy:Corpus"] is { Length: > 0 } c ? c
                : root is null ? null : Path.Combine(root, "corpus");
            var index = config["GreenPolicy:Index"] is { Length: > 0 } i ? i
                : root is null ? null : Path.Combine(root, "data", "index");
            throw new StoreUnavailableException($"No index implementation yet (corpus: {corpus}, index: {index})");
        });
        // One store per request: the generation current when the request started answers all of it.
        // The wrapper keeps DI from disposing the shared store at the end of the request.
        services.AddScoped<IPolicyStore>(sp => new RequestStore(sp.GetRequiredService<IPolicyStoreProvider>().Current));
        return builder;
    }
}
