using GreenPolicy.Domain.Structure;

namespace GreenPolicy.Indexer.Tests.Structure;

public class TopicTests
{
    [Theory]
    [InlineData("推进结构节能。把优化工业结构和能源消费结构作为新时期推进工业节能的重要途径", false, "推进结构节能")]
    [InlineData("以供给侧结构性改革为导向，推进结构节能。把优化工业结构…", false, "以供给侧结构性改革为导向，推进结构节能")]
    [InlineData("成都平原经济区：树立更高标准的绿色发展目标，降低高耗能…", false, "成都平原经济区")] // a label before a colon
    [InlineData("重点行业系统改造。钢铁行业实施高温高压干熄焦…", true, "重点行业系统改造")]
    [InlineData("加强人才培养和国际交流合作。组织实施…", true, "加强人才培养和国际交流合作")]
    // No heading: the first sentence is an ordinary long sentence, has digits, lists with 、, or has two commas.
    [InlineData("坚持节约优先，大力推进能源消费革命，提高工业能源利用效率，促进企业降本增效。", false, null)]
    [InlineData("到2020年，绿色发展理念成为工业全领域全过程的普遍要求。", false, null)]
    [InlineData("实施自我评价、社会评价与政府引导相结合的绿色制造评价机制。开展…", false, null)]
    [InlineData("现将《坚决打好工业和通信业污染防治攻坚战三年行动计划》印发给你们，请结合实际，认真贯彻执行。", false, null)]
    [InlineData("其中。", false, null)]
    public void Finds_topic_headings(string text, bool numbered, string? expected) =>
        Assert.Equal(expected, Topic.Heading(text, numbered));

    [Theory]
    [InlineData("落实“51025”园区绿色发展工程。推动园区…", "落实“51025”园区绿色发展工程")] // a clause's inline title may hold digits
    [InlineData("推广新能源汽车。2020年新能源汽车产销量达到200万辆左右。", "推广新能源汽车")]
    public void Inline_titles_after_a_number_may_hold_digits(string rest, string expected) =>
        Assert.Equal(expected, Topic.Heading(rest, numbered: true, title: true));
}
