using System.Text;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Domain.Citations;

/// <summary>What one step of a typed locator names. Each maps onto eId segments (COMMON.md), not onto locator strings.</summary>
public enum LocatorStepKind
{
    /// <summary>一、 / 第三部分 → part_N.</summary>
    Part,
    /// <summary>第四章 → chp_N.</summary>
    Chapter,
    /// <summary>第一节 → sec_N.</summary>
    Section,
    /// <summary>（三） / (三) / 第（三）条 → item_N.</summary>
    Item,
    /// <summary>第十四条: item_N in continuously numbered documents; under a named part, its N-th bullet or paragraph.</summary>
    Article,
    /// <summary>第2段 → para_N, counted within the enclosing unit.</summary>
    Paragraph,
    /// <summary>第1项 / 第1点: the N-th item of a box, or sub-item / bullet of a clause.</summary>
    Entry,
    /// <summary>第3行 → row_N of an indicator table.</summary>
    Row,
    /// <summary>专栏4 → box_N.</summary>
    Box,
    /// <summary>附件 / 附件1 → annex_N.</summary>
    Annex,
    /// <summary>——2: the N-th —— bullet → point_N.</summary>
    Point,
    /// <summary>A unit named by its heading: 主要目标 → 二、主要目标.</summary>
    Heading,
    /// <summary>专栏1注: the note under a box's table (注：本专栏均为指导性指标…), its unnumbered paragraph.</summary>
    Note,
    /// <summary>序言 → preamble: the text before the first numbered heading (序言第2段 is its second paragraph).</summary>
    Preamble,
}

/// <summary>One step of a locator: 三, （二）, 第2段, 专栏4, 主要目标 …; Span is on the text the user typed.</summary>
public sealed record LocatorStep(LocatorStepKind Kind, int? Number, string? Name, TextSpan Span)
{
    /// <summary>The step as a person writes it in a locator: 三, （二）, 第四章, 专栏4, 第2段.</summary>
    public override string ToString() => Kind switch
    {
        LocatorStepKind.Part => Cn(),
        LocatorStepKind.Chapter => $"第{Cn()}章",
        LocatorStepKind.Section => $"第{Cn()}节",
        LocatorStepKind.Item => $"（{Cn()}）",
        LocatorStepKind.Article => $"第{Cn()}条",
        LocatorStepKind.Paragraph => $"第{Number}段",
        LocatorStepKind.Entry => $"第{Number}项",
        LocatorStepKind.Row => $"第{Number}行",
        LocatorStepKind.Box => $"专栏{Number}",
        LocatorStepKind.Annex => Number is null ? "附件" : $"附件{Number}",
        LocatorStepKind.Point => $"——{Number}",
        LocatorStepKind.Heading => Name ?? "",
        LocatorStepKind.Note => "注",
        LocatorStepKind.Preamble => "序言",
        _ => "",
    };

    private string Cn() => Number is { } n and >= 0 and <= 9999 ? ChineseNumerals.ToChinese(n) : "";
}

/// <summary>A typed locator, outermost step first: 三（一）第2段 = [Part 3, Item 1, Paragraph 2].</summary>
public sealed record ParsedLocator(IReadOnlyList<LocatorStep> Steps, TextSpan Span)
{
    /// <summary>The canonical written form: 第三部分第（六）条 → 三（六）; 第4章第1节第2段 → 第四章第一节第2段.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var step in Steps)
            sb.Append(step);
        return sb.ToString();
    }

    public bool Equals(ParsedLocator? other) =>
        other is not null && Span == other.Span && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode() => HashCode.Combine(Span, Steps.Count);
}
