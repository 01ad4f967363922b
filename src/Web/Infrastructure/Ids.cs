using System.Text.RegularExpressions;

namespace GreenPolicy.Web.Infrastructure;

// Ids arrive in URLs; they are checked here before they reach the store, so a traversal attempt
// such as "../../etc/passwd" or "%2e%2e" is a 400, never a lookup (let alone a file read).
// A clause id is "<doc-id>/<eId>": "guizhou-2018-14/part_3__item_2".
public static partial class Ids
{
    public const int MaxDocIdLength = 100;
    public const int MaxClauseIdLength = 300;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex DocIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*/[a-z0-9_]+$")]
    private static partial Regex ClauseIdPattern();

    public static bool IsDocId(string? id) =>
        id is { Length: > 0 and <= MaxDocIdLength } && DocIdPattern().IsMatch(id);

    public static bool IsClauseId(string? id) =>
        id is { Length: > 0 and <= MaxClauseIdLength } && ClauseIdPattern().IsMatch(id);
}
