using GreenPolicy.Domain;
using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Web.Infrastructure;

// The UI's words for the model's codes (levels, roles, modalities, facet names). These are interface
// vocabulary, not taxonomy: industry and department names come from corpus/taxonomy via the store.
public static class Labels
{
    public static string Level(string? level) => level switch
    {
        Levels.National => "国家级",
        Levels.Provincial => "省级",
        _ => level ?? "",
    };

    public static string Role(string? role) => role switch
    {
        Roles.Lead => "牵头",
        Roles.Participant => "参与",
        Roles.Implementer => "落实",
        Roles.Issuer => "发文",
        _ => role ?? "",
    };

    public static string Modality(string? modality) => modality switch
    {
        Modalities.Prohibit => "禁止",
        Modalities.Require => "要求",
        Modalities.Encourage => "鼓励",
        _ => modality ?? "",
    };

    public static string Facet(string key) => key switch
    {
        "doc" => "文件",
        "level" => "层级",
        "jurisdiction" => "地区",
        "status" => "时效性",
        "industry" => "产业",
        "department" => "部门",
        "year" => "目标年份",
        "modality" => "约束类型",
        "topic" => "主题",
        "role" => "部门角色",
        _ => key,
    };

    public static string Kind(string? kind) => kind switch
    {
        "document" => "文件",
        "part" => "部分",
        "chapter" => "章",
        "section" => "节",
        "box" => "专栏",
        "item" => "条",
        "clause" => "条款",
        "annex" => "附件",
        _ => kind ?? "",
    };

    public static string Direction(string? direction) => direction switch
    {
        "decrease" => "下降",
        "increase" => "提高",
        "reach" => "达到",
        "cap" => "不超过",
        "floor" => "不低于",
        _ => direction ?? "",
    };

    /// <summary>What a line of the original that is no clause is.</summary>
    public static string MetadataKind(string kind) => kind switch
    {
        MetadataKinds.Title => "标题",
        MetadataKinds.DocNumber => "文号",
        MetadataKinds.Addressee => "主送机关",
        MetadataKinds.Signature => "落款",
        MetadataKinds.Date => "成文日期",
        MetadataKinds.PublicationNote => "发布说明",
        MetadataKinds.Artefact => "排版残留",
        MetadataKinds.SourceUrl => "原文地址",
        MetadataKinds.Disclosure => "公开方式",
        MetadataKinds.Contact => "联系方式",
        MetadataKinds.Attachments => "附件说明",
        MetadataKinds.Heading => "标题行",
        MetadataKinds.TableHeader => "表头",
        MetadataKinds.Imprint => "印发说明",
        _ => kind,
    };

    /// <summary>Where a document applies: its declared scope, else 全国 for national documents.</summary>
    public static string Place(DocumentMeta meta) =>
        meta.Scope.Count > 0 ? string.Join("、", meta.Scope)
        : meta.Level == Levels.National ? "全国"
        : meta.Jurisdiction;

    /// <summary>A facet value's label: the store's label, else the UI word for the code.</summary>
    public static string FacetValue(string key, string value, string? label = null)
    {
        if (!string.IsNullOrEmpty(label) && label != value)
        {
            return label;
        }
        return key switch
        {
            "level" => Level(value),
            "modality" => Modality(value),
            "role" => Role(value),
            _ => value,
        };
    }
}
