using GreenPolicy.Web.Apis;
using GreenPolicy.Web.Components;
using GreenPolicy.Web.Infrastructure;
using GreenPolicy.Web.Store;

// The site: a JSON API (one MapXxxApi per area) and Blazor pages rendered on the server (static SSR).
// Everything reads the index through IPolicyStore, resolved once per request from the current generation.
var builder = WebApplication.CreateBuilder(args);
builder.AddPolicyStore();   // builds the index from corpus/ when missing or stale
builder.AddSiteServices();  // JSON and HTML encoders, problem details, OpenAPI, limits, rate limiter
builder.Services.AddRazorComponents();

var app = builder.Build();
if (!app.WarmUpPolicyStore())  // build/open the index before the first request
{
    // No index and no corpus to build one from: the reason is logged. Disposing flushes the console
    // logger, whose queue is otherwise dropped at exit (the test of this message failed now and then).
    await app.DisposeAsync();
    return 2;
}
app.UseSitePipeline();      // errors as problem+json, security headers, encoding guard, 404 page, rate limiter
app.UseStaticFiles();
app.UseAntiforgery();

app.MapOpenApi();
app.MapGet("/healthz", (GreenPolicy.Search.IPolicyStore store) =>
    TypedResults.Ok(new { status = "ok", generation = store.Generation })).WithName("Health");
app.MapDocumentsApi();
app.MapClausesApi();
app.MapSearchApi();
app.MapCiteApi();
app.MapTaxonomyApi();
app.MapCompareApi();
app.MapApiFallback();
app.MapRazorComponents<App>();

app.Run();
return 0;

public partial class Program;
