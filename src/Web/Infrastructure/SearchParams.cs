using System.Globalization;
using System.Text;
using GreenPolicy.Domain;
using GreenPolicy.Search;
using Microsoft.Extensions.Primitives;

namespace GreenPolicy.Web.Infrastructure;

/// <summary>A parsed request, or why it was refused (Chinese and English).</summary>
public sealed record SearchParse(SearchRequest? Request, string? ErrorZh = null, string? ErrorEn = null)
{
    public bool Ok => Request is not null;
}

// The search state lives in the URL (/search?q=电解铝&industry=C32&year=2020&page=2) so every result
// page can be shared. The API, the CSV export and the pages all read it through this one parser,
// and links that add or remove a filter are built by the same code.
public static class SearchParams
{
    public const int MaxQueryLength = 500;
    public const int MaxPage = 1000;
    public const int MaxSize = SearchLimits.MaxPageSize;
    public const int DefaultSize = 20;
    public const int MaxValuesPerFilter = 20;
    public const int MaxValueLength = 100;

    /// <summary>Filter parameters in the order the UI shows them; each may repeat.</summary>
    public static readonly IReadOnlyList<string> FilterKeys =
        ["doc", "level", "jurisdiction", "status", "industry", "department", "year", "modality", "topic"];

    /// <summary>
    /// Filters whose values form a closed set: a value outside it is refused, where searching for it would list nothing
    /// and not say why. (Documents, places, industries, departments and topics are open: the store notes a value that no
    /// clause carries.)
    /// </summary>
    private static readonly (string Key, Func<string, string?> Parse, string Zh, string En)[] ClosedFilters =
    [
        ("level", Levels.Parse, "level（层级）应为 national（国家级）或 provincial（省级）", "level must be national or provincial"),
        ("status", DocumentStatus.Parse, "status（时效）应为 现行（current）或 已到期（expired）", "status must be 现行 (current) or 已到期 (expired)"),
        ("modality", Modalities.Parse, "modality（规范类型）应为 prohibit（禁止）、require（约束）或 encourage（鼓励）",
            "modality must be prohibit, require or encourage"),
    ];

    public static SearchParse Parse(IQueryCollection query, int defaultSize = DefaultSize, int maxSize = MaxSize)
    {
        var q = Clean(query["q"].ToString());
        if (q.Length > MaxQueryLength)
        {
            return Fail($"查询过长（{q.Length} 个字符，最多 {MaxQueryLength} 个）",
                $"Query too long ({q.Length} characters, at most {MaxQueryLength})");
        }

        var lists = new Dictionary<string, List<string>>();
        foreach (var key in FilterKeys)
        {
            var values = Values(query[key]);
            if (values.Count > MaxValuesPerFilter)
            {
                return Fail($"参数 {key} 的取值过多（最多 {MaxValuesPerFilter} 个）", $"Too many values for {key} (at most {MaxValuesPerFilter})");
            }
            if (values.Any(v => v.Length > MaxValueLength))
            {
                return Fail($"参数 {key} 的取值过长", $"A value of {key} is too long");
            }
            lists[key] = values;
        }

        foreach (var (key, parse, zh, en) in ClosedFilters)
        {
            if (lists[key].FirstOrDefault(v => parse(v) is null) is { } bad)
            {
                return Fail($"{zh}，而不是“{bad}”", $"{en}, not \"{bad}\"");
            }
        }

        var years = new List<int>();
        foreach (var y in lists["year"])
        {
            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2200)
            {
                return Fail($"年份无效：{y}", $"Invalid year: {y}");
            }
            years.Add(year);
        }

        var role = Clean(query["role"].ToString());
        if (role.Length > 0 && role is not (Roles.Lead or Roles.Participant or Roles.Implementer or Roles.Issuer))
        {
            return Fail("角色应为 lead、participant、implementer 或 issuer", "role must be lead, participant, implementer or issuer");
        }

        var sort = Clean(query["sort"].ToString());
        if (sort is not ("" or "relevance" or "order"))
        {
            return Fail($"排序应为 relevance（相关度）或 order（原文顺序），而不是“{sort}”", $"sort must be relevance or order, not \"{sort}\"");
        }

        var (page, size, pagingZh, paging) = Paging(query["page"], query["size"], defaultSize, maxSize);
        if (paging is not null)
        {
            return Fail(pagingZh!, paging);
        }

        bool facets;
        switch (Clean(query["facets"].ToString()).ToLowerInvariant())
        {
            case "" or "true" or "1":
                facets = true;
                break;
            case "false" or "0":
                facets = false;
                break;
            default:
                return Fail("facets 应为 true 或 false", "facets must be true or false");
        }

        return new SearchParse(new SearchRequest
        {
            Q = q.Length == 0 ? null : q,
            Doc = lists["doc"],
            Level = lists["level"],
            Jurisdiction = lists["jurisdiction"],
            Status = lists["status"],
            Industry = lists["industry"],
            Department = lists["department"],
            Role = role.Length == 0 ? null : role,
            Year = years,
            Modality = lists["modality"],
            Topic = lists["topic"],
            Sort = sort.Length == 0 ? "relevance" : sort,
            Page = page,
            Size = size,
            Facets = facets,
        });
    }

    /// <summary>Control characters (NUL, bidi overrides are kept as text but C0/C1 controls are dropped) and outer spaces removed.</summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsControl(ch))
            {
                sb.Append(ch is '\t' or '\n' or '\r' ? ' ' : "");
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString().Trim();
    }

    private static List<string> Values(StringValues raw) =>
        raw.Select(v => Clean(v)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>page (1 to <paramref name="maxPage"/>) and size (1 to <paramref name="maxSize"/>), or the error in Chinese and English.</summary>
    public static (int Page, int Size, string? ErrorZh, string? Error) Paging(StringValues page, StringValues size, int defaultSize, int maxSize, int maxPage = MaxPage)
    {
        if (!TryNumber(page, 1, maxPage, 1, out var p))
        {
            return (0, 0, "页码应为正整数", "page must be a positive integer");
        }
        if (!TryNumber(size, 1, maxSize, defaultSize, out var n))
        {
            return (0, 0, "每页条数应为正整数", "size must be a positive integer");
        }
        return (p, n, null, null);
    }

    // "page=999999999999" is clamped (a huge page is not an error, just past the end); "page=abc" is refused.
    public static bool TryNumber(StringValues raw, int min, int max, int fallback, out int value)
    {
        var s = Clean(raw.ToString());
        value = fallback;
        if (s.Length == 0)
        {
            return true;
        }
        if (!s.All(char.IsAsciiDigit))
        {
            return false;
        }
        var trimmed = s.TrimStart('0');
        value = trimmed.Length == 0 ? min
            : trimmed.Length > 9 ? max
            : Math.Clamp(int.Parse(trimmed, CultureInfo.InvariantCulture), min, max);
        return true;
    }

    private static SearchParse Fail(string zh, string en) => new(null, zh, en);

    // ---- building URLs -------------------------------------------------------------------------

    /// <summary>The request's values by parameter name, in a stable order (q, filters, role, sort, page, size, facets).</summary>
    public static List<KeyValuePair<string, string>> Pairs(SearchRequest r, bool withPage = true)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(r.Q))
        {
            pairs.Add(new("q", r.Q));
        }
        foreach (var key in FilterKeys)
        {
            pairs.AddRange(FilterValues(r, key).Select(v => new KeyValuePair<string, string>(key, v)));
        }
        if (!string.IsNullOrEmpty(r.Role))
        {
            pairs.Add(new("role", r.Role));
        }
        if (r.Sort == "order")
        {
            pairs.Add(new("sort", "order"));
        }
        if (withPage && r.Page > 1)
        {
            pairs.Add(new("page", r.Page.ToString(CultureInfo.InvariantCulture)));
        }
        if (r.Size != DefaultSize)
        {
            pairs.Add(new("size", r.Size.ToString(CultureInfo.InvariantCulture)));
        }
        if (!r.Facets)
        {
            pairs.Add(new("facets", "false"));
        }
        return pairs;
    }

    public static IReadOnlyList<string> FilterValues(SearchRequest r, string key) => key switch
    {
        "doc" => r.Doc,
        "level" => r.Level,
        "jurisdiction" => r.Jurisdiction,
        "status" => r.Status,
        "industry" => r.Industry,
        "department" => r.Department,
        "year" => r.Year.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
        "modality" => r.Modality,
        "topic" => r.Topic,
        _ => [],
    };

    public static bool HasFilters(SearchRequest r) => FilterKeys.Any(k => FilterValues(r, k).Count > 0) || r.Role is not null;

    public static string Url(string path, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var qs = string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return qs.Length == 0 ? path : path + "?" + qs;
    }

    public static string Url(string path, SearchRequest r) => Url(path, Pairs(r));

    /// <summary>The same search with one more filter value, back on page 1.</summary>
    public static string WithFilter(string path, SearchRequest r, string key, string value)
    {
        var pairs = Pairs(r, withPage: false);
        if (!pairs.Any(p => p.Key == key && p.Value == value))
        {
            pairs.Add(new(key, value));
        }
        return Url(path, pairs);
    }

    /// <summary>The same search without one filter value, back on page 1.</summary>
    public static string WithoutFilter(string path, SearchRequest r, string key, string value) =>
        Url(path, Pairs(r, withPage: false).Where(p => !(p.Key == key && p.Value == value)));

    public static string WithPage(string path, SearchRequest r, int page) =>
        Url(path, Pairs(r with { Page = page }));

    public static string WithSort(string path, SearchRequest r, string sort) =>
        Url(path, Pairs(r with { Sort = sort, Page = 1 }));
}
