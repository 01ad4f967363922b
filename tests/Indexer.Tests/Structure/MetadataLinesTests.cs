using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

public class MetadataLinesTests
{
    [Theory]
    [InlineData("工信部联节〔2017〕178号", MetadataKinds.DocNumber)]
    [InlineData("黔府办发〔2018〕14号", MetadataKinds.DocNumber)]
    [InlineData("工信部节[2018]136号", MetadataKinds.DocNumber)]   // brackets people type
    [InlineData("2018年7月23日", MetadataKinds.Date)]
    [InlineData("2017 年 6 月 30 日", MetadataKinds.Date)]         // 000 spaces its date
    [InlineData("二〇一八年四月四日", MetadataKinds.Date)]
    [InlineData("(此件公开发布)", MetadataKinds.PublicationNote)]
    [InlineData("（联系电话：010-68205359）", MetadataKinds.Contact)]
    [InlineData("原文地址：<http://www.china-nengyuan.com/news/126835.html>", MetadataKinds.SourceUrl)]
    [InlineData("信息公开选项：不予公开", MetadataKinds.Disclosure)]
    [InlineData("到2020年，规模以上企业单位工业增加值能耗比2015年下降18%。", null)]
    [InlineData("2018年底前完成。", null)]
    public void Classifies_frame_and_trailer_lines(string line, string? kind) =>
        Assert.Equal(kind, MetadataLines.Classify(line));

    [Theory]
    [InlineData("各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门：", true)]
    [InlineData("各市、自治州人民政府，贵安新区管委会，各县(市、区、特区)人民政府，省政府各部门、各直属机构：", true)]
    [InlineData("为贯彻落实党中央、国务院关于长江经济带发展重大战略部署，…实现绿色增长，现提出以下意见：", false)] // the opening sentence, not the addressee
    public void Recognizes_addressees(string line, bool expected) => Assert.Equal(expected, MetadataLines.IsAddressee(line));

    [Theory]
    [InlineData("贵州省绿色制造三年行动计划", true)]
    [InlineData("工业和信息化部 发展改革委 科技部 财政部 环境保护部", true)]
    [InlineData("(2018—2020年)", true)]
    [InlineData("推广绿色照明。", false)]
    public void Recognizes_title_like_lines(string line, bool expected) => Assert.Equal(expected, MetadataLines.IsTitleLike(line));
}
