using System.Text.RegularExpressions;

namespace GreenPolicy.Domain.Structure;

/// <summary>The kinds of <see cref="MetadataLine"/>: lines of a document that are not policy text.</summary>
public static class MetadataKinds
{
    public const string Title = "title";
    public const string DocNumber = "doc-number";
    public const string Addressee = "addressee";
    public const string Signature = "signature";
    public const string Date = "date";
    public const string PublicationNote = "publication-note";
    public const string Artefact = "artefact";
    public const string SourceUrl = "source-url";
    public const string Disclosure = "disclosure";
    public const string Contact = "contact";
    public const string Attachments = "attachments";
    public const string Heading = "heading";
    public const string TableHeader = "table-header";
    public const string Imprint = "imprint";
}

/// <summary>
/// Recognises the lines of the GB/T 9704 document frame (文号, 主送机关, 落款, 成文日期, 附件说明) and the trailers
/// that web copies add (<c>原文地址：…</c>, <c>信息公开选项：…</c>, <c>（联系电话：…）</c>). These are structural
/// words of every official document, not subject vocabulary, so they live here rather than in a taxonomy.
/// </summary>
public static partial class MetadataLines
{
    // 工信部联节〔2017〕178号, 黔府办发〔2018〕14号, and the brackets people type instead of 〔〕.
    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}]{1,12}\s*[〔\[［【(（﹝]\s*[0-9]{4}\s*[〕\]］】)）﹞]\s*第?\s*[0-9]{1,4}\s*号$")]
    private static partial Regex DocNumberLine();

    // 2018年7月23日, 2017 年 6 月 30 日, 二〇一八年四月四日
    [GeneratedRegex(@"^[（(]?\s*[0-9〇零一二三四五六七八九]{4}\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*[）)]?$")]
    private static partial Regex DateLine();

    // (此件公开发布) / （此件不公开） / （此件主动公开）
    [GeneratedRegex(@"^[（(]此件[^）)]{1,10}[）)]$")]
    private static partial Regex PublicationNoteLine();

    [GeneratedRegex(@"^[（(]?\s*联系(?:电话|人|方式)\s*[：:].*$")]
    private static partial Regex ContactLine();

    [GeneratedRegex(@"^(?:原文地址|原文链接|来源|文章来源|信息来源)\s*[：:]")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^(?:信息公开选项|公开方式|公开属性)\s*[：:]")]
    private static partial Regex DisclosureLine();

    // 版记: 抄送：…, 主题词：…, and the imprint "贵州省人民政府办公厅 2018年4月8日印发".
    [GeneratedRegex(@"^(?:抄送|抄报|主题词|关键词)\s*[：:]|[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*印发$")]
    private static partial Regex ImprintLine();

    // 附件：1.长江经济带 11 省市危险化学品搬迁改造重点项目 — the list of attachments, not the attachments themselves.
    [GeneratedRegex(@"^附件\s*[：:]\s*\S")]
    private static partial Regex AttachmentListLine();

    // 主送机关: "各省、自治区、直辖市…工业和信息化主管部门：" ends with a body's name and a colon, whereas an
    // opening sentence such as "…现提出以下意见：" ends with a verb's object.
    [GeneratedRegex(@"(?:部门|机构|单位|政府|委员会|管委会|委|厅|局|办公室|办|部|公司|企业|院|会|中心|兵团)\s*[：:]$")]
    private static partial Regex AddresseeEnding();

    /// <summary>A frame or trailer line recognisable on its own, with its kind; null otherwise.</summary>
    /// <remarks>
    /// Every line of the body passes here, and nearly all are policy text, so each pattern runs only where a
    /// literal it cannot match without is present (the 号 it ends with, the 日 of a date, its first character…).
    /// </remarks>
    public static string? Classify(string line)
    {
        if (line.Length == 0)
            return null;
        var first = line[0];
        if (EndsWith(line, '号') && DocNumberLine().IsMatch(line))
            return MetadataKinds.DocNumber;
        if (line.Contains('日') && DateLine().IsMatch(line))
            return MetadataKinds.Date;
        if (first is '（' or '(' && PublicationNoteLine().IsMatch(line))
            return MetadataKinds.PublicationNote;
        if (line.Contains("联系", StringComparison.Ordinal) && ContactLine().IsMatch(line))
            return MetadataKinds.Contact;
        if (first is '原' or '来' or '文' or '信' && SourceLine().IsMatch(line))
            return MetadataKinds.SourceUrl;
        if (first is '信' or '公' && DisclosureLine().IsMatch(line))
            return MetadataKinds.Disclosure;
        if ((first is '抄' or '主' or '关' || line.Contains("印发", StringComparison.Ordinal)) && ImprintLine().IsMatch(line))
            return MetadataKinds.Imprint;
        return null;
    }

    // The last character, or the one before a final \n (where the regex's $ also matches).
    private static bool EndsWith(string line, char c) =>
        line[^1] == c || (line.Length >= 2 && line[^1] == '\n' && line[^2] == c);

    public static bool IsAttachmentList(string line) => AttachmentListLine().IsMatch(line);

    public static bool IsAddressee(string line) =>
        line.Length <= 200 && AddresseeEnding().IsMatch(line) && line.IndexOf('。') < 0;

    /// <summary>
    /// A title-like line: short and without sentence punctuation, e.g. a title (<c>贵州省绿色制造三年行动计划</c>,
    /// <c>(2018—2020年)</c>), an issuer or a signature (<c>工业和信息化部</c>). Policy text always has punctuation.
    /// </summary>
    public static bool IsTitleLike(string line) =>
        line.Length is > 0 and <= 60 && line.IndexOfAny(['。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?']) < 0;
}
