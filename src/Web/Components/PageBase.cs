using GreenPolicy.Domain;
using GreenPolicy.Search;
using Microsoft.AspNetCore.Components;

namespace GreenPolicy.Web.Components;

/// <summary>What every page needs: the request's store, its HttpContext (status codes) and navigation (redirects).</summary>
public abstract class PageBase : ComponentBase
{
    [Inject] protected IPolicyStore Store { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    /// <summary>Pages render statically: the status set while initialising is the response's status.</summary>
    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } ctx)
        {
            ctx.Response.StatusCode = status;
        }
    }

    protected IQueryCollection Query => HttpContext?.Request.Query ?? new QueryCollection();

    /// <summary>Only same-site paths are followed ("/clauses/…"); anything else ("//evil", "https://…") is not.</summary>
    protected static bool IsLocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    protected Dictionary<string, DocumentSummary> DocumentsById() =>
        Store.Documents().ToDictionary(d => d.Meta.Id, StringComparer.Ordinal);

    protected static string ShortTitle(DocumentMeta meta) => meta.ShortTitles.Count > 0 ? meta.ShortTitles[0] : meta.Title;
}
