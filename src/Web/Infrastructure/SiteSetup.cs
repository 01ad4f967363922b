using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;

namespace GreenPolicy.Web.Infrastructure;

public static class SiteSetup
{
    public const string CorsPolicy = "configured-origins";

    // default-src 'self' and no 'unsafe-inline': the pages carry no inline script or style attribute
    // (the copy button's behaviour lives in wwwroot/js/site.js).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplicationBuilder AddSiteServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration.GetSection("GreenPolicy");

        // Chinese as characters, not \uXXXX (JSON) or &#x…; (HTML): "工业绿色发展规划", readable in a browser's source view.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

        services.AddProblemDetails();
        services.AddOpenApi();

        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            var origins = config.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            // Closed unless origins are configured: no Access-Control-Allow-Origin header at all.
            if (origins.Length > 0)
            {
                p.WithOrigins(origins).WithMethods("GET").AllowAnyHeader();
            }
        }));

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = config.GetValue("Limits:MaxRequestBodyBytes", 64 * 1024);
            // Long enough that a 10,000-character query reaches the validator and gets a problem+json 400.
            k.Limits.MaxRequestLineSize = config.GetValue("Limits:MaxRequestLineBytes", 64 * 1024);
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
            k.AddServerHeader = false;
        });

        services.AddRateLimiter(o =>
        {
            // Read when the options are first needed, so configuration added by a host or test is seen.
            var permits = Math.Max(1, config.GetValue("RateLimit:PermitLimit", 600));
            var window = TimeSpan.FromSeconds(Math.Max(1, config.GetValue("RateLimit:WindowSeconds", 60)));
            var queue = Math.Max(0, config.GetValue("RateLimit:QueueLimit", 0));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                RateLimitPartition.GetFixedWindowLimiter(
                    ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = queue }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, token) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                ctx.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(ctx.HttpContext, 429,
                    $"请求过于频繁，请在 {seconds} 秒后重试", $"Too many requests, retry after {seconds} seconds");
            };
        });
        return builder;
    }

    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        // Unexpected exceptions: a problem+json 500 without internals (and logged), never a stack trace.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : 500,
            ExceptionHandler = ctx =>
            {
                var status = ctx.Response.StatusCode;
                var (zh, en) = status == 500 ? ("服务器内部错误", "Internal server error") : Problems.DefaultMessage(status);
                return Problems.Create(status, zh, en).ExecuteAsync(ctx);
            },
        });

        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next();
        });

        // Pages get the 404 page; the API answers problem+json (the status-code page is switched off for it).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use(async (ctx, next) =>
        {
            var isApi = IsApi(ctx.Request.Path);
            if (isApi && ctx.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            if (!QueryEncodingGuard.IsWellFormed(ctx.Request.QueryString.Value))
            {
                if (!isApi && ctx.Features.Get<IStatusCodePagesFeature>() is { } p)
                {
                    p.Enabled = false;
                }
                await Problems.WriteAsync(ctx, 400, "查询字符串的百分号编码无效（不是合法的 UTF-8）",
                    "Invalid percent-encoding in the query string (not valid UTF-8)");
                return;
            }
            await next();
            if (isApi && ctx.Response.StatusCode >= 400 && !ctx.Response.HasStarted && ctx.Response.ContentLength is null or 0
                && string.IsNullOrEmpty(ctx.Response.ContentType))
            {
                var (zh, en) = Problems.DefaultMessage(ctx.Response.StatusCode);
                await Problems.WriteAsync(ctx, ctx.Response.StatusCode, zh, en);
            }
        });

        app.UseRouting();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        return app;
    }

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/openapi");

    /// <summary>Unknown /api/… paths answer a problem+json 404 rather than the HTML page.</summary>
    public static void MapApiFallback(this WebApplication app) =>
        app.MapFallback("/api/{**rest}", () => Problems.NotFound("没有这个 API 地址", "No such API endpoint"))
            .WithName("ApiNotFound").ExcludeFromDescription();
}
