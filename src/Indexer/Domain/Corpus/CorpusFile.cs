using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GreenPolicy.Domain.Corpus;

/// <summary>
/// One corpus file, <c>corpus/&lt;id&gt;.md</c>, read: YAML front matter (DESIGN.md §3) between <c>---</c> lines,
/// then the body exactly as published. Expected failures (bad YAML, a missing field, an unknown level …)
/// come back as diagnostics with the file and line, never as exceptions, so <c>validate</c> can list every
/// problem of every file in one run.
/// </summary>
public sealed partial record CorpusFile
{
    public required string FileName { get; init; }

    /// <summary>The front matter; null when it could not be read or lacks a required field.</summary>
    public DocumentMeta? Meta { get; init; }

    /// <summary>The text after the closing <c>---</c> line, untouched (line endings, indentation, trailing spaces).</summary>
    public string Body { get; init; } = "";

    /// <summary>1-based line of the file on which the body starts: file line = BodyStartLine + body line − 1.</summary>
    public int BodyStartLine { get; init; }

    public IReadOnlyList<CorpusDiagnostic> Diagnostics { get; init; } = [];

    public bool IsValid => Meta is not null && !Diagnostics.Any(d => d.IsError);

    public static readonly IReadOnlyList<string> KnownLevels = [Levels.National, Levels.Provincial];

    private static readonly HashSet<string> KnownKeys =
    [
        "id", "title", "short_titles", "doc_number", "issuers", "drafted_by", "date", "level", "jurisdiction",
        "scope", "type", "period", "implements", "source", "notes",
    ];

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex UrlSafeId();

    // CN for national documents; ISO 3166-2:CN for provinces (CN-GZ Guizhou, CN-SC Sichuan).
    [GeneratedRegex("^CN(?:-[A-Z]{2})?$")]
    private static partial Regex JurisdictionCode();

    // The 34 province-level codes of ISO 3166-2:CN: a typo such as CN-ZZ for CN-GZ must not create a province.
    private static readonly HashSet<string> ProvinceCodes =
    [
        "CN-AH", "CN-BJ", "CN-CQ", "CN-FJ", "CN-GD", "CN-GS", "CN-GX", "CN-GZ", "CN-HA", "CN-HB", "CN-HE", "CN-HI",
        "CN-HK", "CN-HL", "CN-HN", "CN-JL", "CN-JS", "CN-JX", "CN-LN", "CN-MO", "CN-NM", "CN-NX", "CN-QH", "CN-SC",
        "CN-SD", "CN-SH", "CN-SN", "CN-SX", "CN-TJ", "CN-TW", "CN-XJ", "CN-XZ", "CN-YN", "CN-ZJ",
    ];

    /// <summary>
    /// Reads a corpus file from its bytes: they must be UTF-8 (a UTF-8 BOM is allowed). A file in another encoding
    /// (GBK, UTF-16) is reported with the line of its first invalid byte instead of being read as mojibake.
    /// </summary>
    public static CorpusFile Parse(string fileName, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
            return Failed(fileName, 1, "the file is UTF-16: corpus files must be UTF-8");
        var line = 1;
        for (var i = 0; i < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return Failed(fileName, line, $"invalid UTF-8 at byte {i}: corpus files must be UTF-8 (GBK or GB18030 text must be converted)");
            if (bytes[i] == (byte)'\n')
                line++;
            i += consumed;
        }
        return Parse(fileName, System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static CorpusFile Failed(string fileName, int line, string message) => new()
    {
        FileName = fileName,
        Diagnostics = [new CorpusDiagnostic(fileName, line, DiagnosticSeverity.Error, message)],
    };

    public static CorpusFile Parse(string fileName, string content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var diagnostics = new List<CorpusDiagnostic>();
        void Error(int line, string message) => diagnostics.Add(new(fileName, line, DiagnosticSeverity.Error, message));
        void Warning(int line, string message) => diagnostics.Add(new(fileName, line, DiagnosticSeverity.Warning, message));

        // A file saved with a BOM starts with U+FEFF before the "---": it belongs to the file, not to the text.
        if (content.StartsWith('\uFEFF'))
            content = content[1..];

        if (FindBinary(content) is { } bad)
        {
            Error(bad.Line, bad.Message);
            return new CorpusFile { FileName = fileName, Diagnostics = diagnostics };
        }

        // Lines with their terminators ([start, end) of the content), found one at a time: only the front matter's
        // are looked at, and the body is the rest of the content as it is.
        int LineEnd(int start) => content.IndexOf('\n', start) is var nl and >= 0 ? nl + 1 : content.Length;
        var firstEnd = LineEnd(0);
        if (content.Length == 0 || !IsFence(content.AsSpan(0, firstEnd)))
        {
            Error(1, "missing front matter: the file must start with a '---' line");
            return new CorpusFile { FileName = fileName, Body = content, BodyStartLine = 1, Diagnostics = diagnostics };
        }
        var close = -1;
        int closeStart = 0, closeEnd = 0;
        for (int i = 1, start = firstEnd; start < content.Length; i++)
        {
            var end = LineEnd(start);
            var line = content.AsSpan(start, end - start);
            if (IsFence(line) || line.TrimEnd("\r\n \t").SequenceEqual("..."))
            {
                (close, closeStart, closeEnd) = (i, start, end);
                break;
            }
            start = end;
        }
        if (close < 0)
        {
            Error(1, "front matter is not closed: no second '---' line");
            return new CorpusFile { FileName = fileName, Diagnostics = diagnostics };
        }

        var yaml = content[firstEnd..closeStart];
        var body = content[closeEnd..];
        var bodyStart = close + 2;
        if (string.IsNullOrWhiteSpace(body))
            Error(bodyStart, "empty body: the document text must follow the front matter");

        var meta = ReadMeta(fileName, yaml, firstYamlLine: 2, Error, Warning);
        return new CorpusFile
        {
            FileName = fileName,
            Meta = meta,
            Body = body,
            BodyStartLine = bodyStart,
            Diagnostics = diagnostics,
        };
    }

    private static DocumentMeta? ReadMeta(string fileName, string yaml, int firstYamlLine,
        Action<int, string> error, Action<int, string> warning)
    {
        // YamlDotNet counts lines from 1 within the text it is given; the YAML starts on file line 2.
        int FileLine(YamlNode node) => (int)node.Start.Line + firstYamlLine - 1;

        // Front matter that loads is read from that one load; only front matter that fails goes through the
        // diagnosing path below (a scan of the events, then the load), whose messages say where the trouble is.
        YamlStream? stream = new();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception)
        {
            stream = null;
        }
        if (stream is null)
        {
            stream = Diagnose(yaml, firstYamlLine, error);
            if (stream is null)
                return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error(firstYamlLine, "front matter must be a YAML mapping of fields (id: …, title: …)");
            return null;
        }

        var fields = new Dictionary<string, (YamlNode Node, int Line)>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!KnownKeys.Contains(key))
                warning(FileLine(keyNode), $"unknown field '{key}' (ignored)");
            fields[key] = (valueNode, FileLine(keyNode));
        }

        string? Scalar(string key)
        {
            if (!fields.TryGetValue(key, out var f))
                return null;
            if (f.Node is YamlScalarNode s)
                return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim();
            error(f.Line, $"'{key}' must be a single value");
            return null;
        }

        IReadOnlyList<string> List(string key)
        {
            if (!fields.TryGetValue(key, out var f))
                return [];
            switch (f.Node)
            {
                case YamlSequenceNode seq:
                    var items = new List<string>();
                    foreach (var item in seq.Children)
                    {
                        if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
                            items.Add(v.Trim());
                        else
                            error(FileLine(item), $"'{key}' must be a list of plain values");
                    }
                    return items;
                case YamlScalarNode s:
                    // `issuers: 工业和信息化部` is a one-element list as far as a reader is concerned.
                    return string.IsNullOrWhiteSpace(s.Value) ? [] : [s.Value.Trim()];
                default:
                    error(f.Line, $"'{key}' must be a list");
                    return [];
            }
        }

        // A missing field is reported on the front matter's opening '---' line.
        int LineOf(string key) => fields.TryGetValue(key, out var f) ? f.Line : 1;

        var id = Scalar("id");
        var title = Scalar("title");
        var level = Scalar("level");
        var jurisdiction = Scalar("jurisdiction");
        var ok = true;
        foreach (var (key, value) in new[] { ("id", id), ("title", title), ("level", level), ("jurisdiction", jurisdiction) })
        {
            if (value is null)
            {
                error(LineOf(key), $"missing required field '{key}'");
                ok = false;
            }
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        if (id is not null)
        {
            if (!UrlSafeId().IsMatch(id))
            {
                error(LineOf("id"), $"id '{id}' is not URL-safe: use lower-case letters, digits and single hyphens (e.g. guizhou-2018-14)");
                ok = false;
            }
            else if (id != stem)
            {
                error(LineOf("id"), $"id '{id}' does not match the file name '{stem}.md'");
            }
        }
        if (level is not null && !KnownLevels.Contains(level))
        {
            error(LineOf("level"), $"unknown level '{level}': expected {string.Join(" or ", KnownLevels)}");
            ok = false;
        }
        if (jurisdiction is not null && (!JurisdictionCode().IsMatch(jurisdiction) || (jurisdiction != "CN" && !ProvinceCodes.Contains(jurisdiction))))
        {
            error(LineOf("jurisdiction"), $"jurisdiction '{jurisdiction}' must be CN or an ISO 3166-2:CN code such as CN-GZ");
            ok = false;
        }
        else if (jurisdiction is not null && level is not null && (level == Levels.National) != (jurisdiction == "CN"))
        {
            warning(LineOf("jurisdiction"), $"level '{level}' with jurisdiction '{jurisdiction}': national documents are CN, provincial ones CN-XX");
        }

        var date = Scalar("date");
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            error(LineOf("date"), $"date '{date}' must be yyyy-MM-dd (成文日期), or left empty when unknown");

        var period = new List<int>();
        foreach (var p in List("period"))
        {
            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1949 and <= 2100)
                period.Add(year);
            else
                error(LineOf("period"), $"period year '{p}' is not a year");
        }
        if (period.Count is not (0 or 2) || (period.Count == 2 && period[0] > period[1]))
            error(LineOf("period"), "period must be [first year, last year]");

        foreach (var implemented in List("implements").Where(i => !UrlSafeId().IsMatch(i)))
            error(LineOf("implements"), $"implements '{implemented}' is not a document id");

        if (!ok)
            return null;
        return new DocumentMeta
        {
            Id = id!,
            Title = title!,
            ShortTitles = List("short_titles"),
            DocNumber = Scalar("doc_number"),
            Issuers = List("issuers"),
            DraftedBy = List("drafted_by"),
            Date = date,
            Level = level!,
            Jurisdiction = jurisdiction!,
            Scope = List("scope"),
            Type = Scalar("type"),
            Period = period.Count == 2 ? period : [],
            Implements = List("implements"),
            Source = Scalar("source"),
            Notes = Scalar("notes"),
        };
    }

    /// <summary>
    /// Loads front matter that failed to load, reporting why and where: YamlDotNet reports most syntax errors as
    /// YamlException with a position, but some (an unclosed flow list "[a, b") as a bare InvalidOperationException;
    /// then the last good event's line is where the trouble is. Null once an error is reported.
    /// </summary>
    private static YamlStream? Diagnose(string yaml, int firstYamlLine, Action<int, string> error)
    {
        var lastLine = 1L;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
                lastLine = parser.Current?.End.Line ?? lastLine;
        }
        catch (YamlException e)
        {
            error((int)e.Start.Line + firstYamlLine - 1, $"invalid YAML: {e.Message}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            error((int)lastLine + firstYamlLine - 1, $"invalid YAML: {e.Message}");
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException e)
        {
            error((int)e.Start.Line + firstYamlLine - 1, $"invalid YAML: {e.Message}");
            return null;
        }
    }

    private static bool IsFence(ReadOnlySpan<char> line) => line.TrimEnd("\r\n \t").SequenceEqual("---");

    // What FindBinary reports: control characters other than tab, CR and LF, and U+FFFD. Most files have none,
    // which one vectorised search tells.
    private static readonly System.Buffers.SearchValues<char> Suspect = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\r' or '\n')).Select(c => (char)c)) + "\uFFFD");

    /// <summary>
    /// A NUL or other control character means a binary or mis-encoded file; U+FFFD means bytes that were not
    /// UTF-8 (the reader replaced them). Either way the text cannot be trusted, so say where.
    /// </summary>
    private static (int Line, string Message)? FindBinary(string content)
    {
        if (!content.AsSpan().ContainsAny(Suspect))
            return null;
        var line = 1;
        foreach (var c in content)
        {
            if (c == '\n')
                line++;
            else if (c == '\0')
                return (line, "NUL character: this looks like a binary file, not UTF-8 text");
            else if (c == '\uFFFD')
                return (line, "invalid UTF-8: the file is not UTF-8 encoded (found a replacement character)");
            else if (c < ' ' && c is not ('\t' or '\r'))
                return (line, $"control character U+{(int)c:X4}: this looks like a binary file, not UTF-8 text");
        }
        return null;
    }
}
