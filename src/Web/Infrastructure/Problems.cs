using Microsoft.AspNetCore.Http.HttpResults;

namespace GreenPolicy.Web.Infrastructure;

// Every error the site answers is RFC 7807 problem+json with the message in Chinese and English,
// e.g. 400 "查询过长（最多 500 个字符）/ Query too long (at most 500 characters)".
public static class Problems
{
    public static ProblemHttpResult Create(int status, string zh, string en, string? titleZh = null) =>
        TypedResults.Problem(
            statusCode: status,
            title: titleZh ?? TitleFor(status),
            detail: $"{zh} / {en}",
            extensions: new Dictionary<string, object?> { ["messageZh"] = zh, ["messageEn"] = en });

    public static ProblemHttpResult BadRequest(string zh, string en) => Create(400, zh, en);

    public static ProblemHttpResult NotFound(string zh, string en) => Create(404, zh, en);

    public static string TitleFor(int status) => status switch
    {
        400 => "请求无效 / Bad Request",
        404 => "未找到 / Not Found",
        405 => "不支持的方法 / Method Not Allowed",
        413 => "请求过大 / Payload Too Large",
        414 => "地址过长 / URI Too Long",
        429 => "请求过于频繁 / Too Many Requests",
        503 => "服务暂不可用 / Service Unavailable",
        >= 500 => "服务器错误 / Server Error",
        _ => "错误 / Error",
    };

    /// <summary>Writes a problem directly (middleware paths that have no endpoint result to return).</summary>
    public static Task WriteAsync(HttpContext context, int status, string zh, string en)
    {
        context.Response.StatusCode = status;
        return Create(status, zh, en).ExecuteAsync(context);
    }

    /// <summary>The default message for a status that reached the client without a body.</summary>
    public static (string Zh, string En) DefaultMessage(int status) => status switch
    {
        404 => ("没有这个地址", "No such resource"),
        405 => ("此地址不支持该请求方法", "This resource does not support the request method"),
        413 => ("请求体过大", "Request body too large"),
        _ => ("请求无法处理", "The request could not be processed"),
    };
}
