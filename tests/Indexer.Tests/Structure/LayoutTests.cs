using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

public class LayoutTests
{
    [Theory]
    [InlineData("　　一、面临的形势", "一、面临的形势")]                           // full-width indentation (002)
    [InlineData("\t专栏2 能效提升工程", "专栏2 能效提升工程")]                     // tab-laid-out boxes
    [InlineData("#### **四、推进传统制造业绿色化改造**", "四、推进传统制造业绿色化改造")] // Markdown heading + emphasis (000)
    [InlineData("### 一、总体要求", "一、总体要求")]
    [InlineData("[bookmark: _GoBack]为落实《规划纲要》", "为落实《规划纲要》")]      // Word artefact (002 line 1)
    [InlineData("第二节  基本原则", "第二节 基本原则")]                             // runs of spaces collapse
    [InlineData("指\u3000\u3000标", "指 标")]
    [InlineData("资源循环利用。\u3000\u3000\u3000", "资源循环利用。")]               // trailing full-width spaces (004)
    public void Cleans_layout(string raw, string expected) => Assert.Equal(expected, Layout.Clean(raw));

    [Theory]
    [InlineData(new[] { "在重庆、无锡等地，在上", "海临港、合肥等地" }, "在重庆、无锡等地，在上海临港、合肥等地")] // no space between CJK
    [InlineData(new[] { "鼓励各地", "出台最严格的绿色发展标准。" }, "鼓励各地出台最严格的绿色发展标准。")]
    [InlineData(new[] { "到 2020", "年" }, "到 2020年")]
    [InlineData(new[] { "the page", "break" }, "the page break")]                                            // Latin words keep a space
    public void Joins_page_break_parts(string[] parts, string expected) => Assert.Equal(expected, Layout.Join(parts));

    [Theory]
    [InlineData("…引领行业发展。", true)]
    [InlineData("…现提出以下意见：", true)]
    [InlineData("…推动绿色制造和绿色服务率先“走出去”。", true)]
    [InlineData("…重点区域达到80%。（部内装备司负责）。", true)]
    [InlineData("…在上", false)]                                  // 000 （九） cut by a page break
    [InlineData("…各地针对钢铁、建材、焦化、铸造、电解铝、化工", false)] // 001 （四）
    [InlineData("…（部内节能司牵头，相关司局参与）", false)]         // a bracket alone does not end a sentence
    public void Knows_sentence_ends(string text, bool ends) => Assert.Equal(ends, Layout.EndsSentence(text));
}
