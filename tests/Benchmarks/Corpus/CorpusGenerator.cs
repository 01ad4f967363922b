using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Benchmarks.Corpus;

/// <summary>
/// Makes a large corpus from the real one, deterministically (seeded): every generated document takes
/// the layout of one real document (its header shape, numbering style, 专栏 boxes and indicator tables)
/// and fills it with sections and items sampled from all documents of that style, shuffled, renumbered
/// (一、…, （一）… straight through or per part, 第N章第N节, 专栏N in order) and varied: industries swapped
/// by a per-document permutation (钢铁 → 水泥 throughout), the province and its cities replaced, years
/// moved to the document's period (and 十三五 → 十四五 with them), percentages changed, and the tail of
/// long paragraphs recombined with sentences of other documents — so the index is not five documents
/// repeated, while the texts keep the shapes and vocabulary the parser and taggers see in real policy.
/// </summary>
/// <remarks>
/// The word lists below are the generator's test data (what to substitute), not product taxonomy: the
/// product reads industries and departments from corpus/taxonomy.
/// </remarks>
internal sealed partial class CorpusGenerator
{
    internal sealed record Province(string Code, string Name, string Slug, string Abbr, string[] Cities);

    internal static readonly Province[] Provinces =
    [
        new("CN-GZ", "贵州", "guizhou", "黔", ["贵阳", "遵义", "六盘水", "安顺", "毕节"]),
        new("CN-SC", "四川", "sichuan", "川", ["成都", "攀枝花", "绵阳", "宜宾", "泸州"]),
        new("CN-YN", "云南", "yunnan", "云", ["昆明", "曲靖", "玉溪", "红河"]),
        new("CN-HB", "湖北", "hubei", "鄂", ["武汉", "宜昌", "襄阳", "黄石"]),
        new("CN-HN", "湖南", "hunan", "湘", ["长沙", "株洲", "湘潭", "岳阳"]),
        new("CN-JS", "江苏", "jiangsu", "苏", ["南京", "苏州", "无锡", "常州"]),
        new("CN-ZJ", "浙江", "zhejiang", "浙", ["杭州", "宁波", "温州", "绍兴"]),
        new("CN-AH", "安徽", "anhui", "皖", ["合肥", "芜湖", "马鞍山", "铜陵"]),
        new("CN-JX", "江西", "jiangxi", "赣", ["南昌", "九江", "赣州", "新余"]),
        new("CN-CQ", "重庆", "chongqing", "渝", ["万州", "涪陵", "长寿", "江津"]),
        new("CN-HE", "河北", "hebei", "冀", ["石家庄", "唐山", "邯郸", "保定"]),
        new("CN-SD", "山东", "shandong", "鲁", ["济南", "青岛", "淄博", "潍坊"]),
        new("CN-GD", "广东", "guangdong", "粤", ["广州", "深圳", "佛山", "东莞"]),
        new("CN-HA", "河南", "henan", "豫", ["郑州", "洛阳", "平顶山", "焦作"]),
        new("CN-SX", "山西", "shanxi", "晋", ["太原", "大同", "长治", "临汾"]),
        new("CN-FJ", "福建", "fujian", "闽", ["福州", "厦门", "泉州", "三明"]),
    ];

    private static readonly string[] Industries =
    [
        "钢铁", "有色金属", "电解铝", "化工", "石化", "水泥", "平板玻璃", "造纸", "印染", "电镀", "焦化",
        "制革", "铸造", "稀土", "氮肥", "农药", "建材", "纺织", "机械", "汽车", "船舶", "铅蓄电池",
    ];

    private static readonly string[] NationalOffices = ["节能司", "产业司", "原材料司", "规划司", "装备司", "科技司", "消费品司"];

    private static readonly string[] ProvincialDepartments =
        ["省工业和信息化厅", "省发展改革委", "省生态环境厅", "省财政厅", "省科技厅", "省水利厅", "省市场监管局", "省能源局"];

    private static readonly string[] NationalIssuers =
        ["工业和信息化部", "国家发展和改革委员会", "科学技术部", "财政部", "生态环境部", "国家市场监督管理总局"];

    private static readonly string[] Periods = ["十二五", "十三五", "十四五", "十五五", "十六五"];

    private readonly IReadOnlyList<SeedDocument> seeds;
    private readonly int seed;
    private readonly double scale;
    private readonly string[] sentencePool;
    private readonly string[] preamblePool;

    /// <param name="scale">Multiplies the number of sections per document (1.0 ≈ the seed's own length).</param>
    public CorpusGenerator(IReadOnlyList<SeedDocument> seeds, int seed, double scale = 1.0)
    {
        this.seeds = seeds;
        this.seed = seed;
        this.scale = scale;
        var bodyLines = seeds.SelectMany(s => s.Layout.Sections).SelectMany(s => s.Blocks).SelectMany(b => b).ToList();
        sentencePool = bodyLines
            .Where(IsProse)
            .SelectMany(l => l.Trim().Trim('\u3000').Split('。', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.Length is >= 12 and <= 160 && !s.Contains('（') && !s.Contains('('))
            .Select(s => s + "。")
            .ToArray();
        preamblePool = seeds.SelectMany(s => s.Layout.HeaderLines)
            .Select(l => l.Trim().Trim('\u3000'))
            .Where(l => l.Length > 40 && l.Contains('，'))
            .ToArray();
        if (preamblePool.Length == 0)
        {
            preamblePool = ["为贯彻落实国家关于推进工业绿色发展的决策部署，加快构建绿色制造体系，制定本方案。"];
        }
    }

    /// <summary>Writes <paramref name="count"/> documents and the taxonomy into <paramref name="outDir"/>; returns the bytes of text written.</summary>
    public long Write(int count, string outDir, string taxonomyDir)
    {
        Directory.CreateDirectory(outDir);
        var taxonomyOut = Path.Combine(outDir, "taxonomy");
        Directory.CreateDirectory(taxonomyOut);
        foreach (var file in Directory.GetFiles(taxonomyDir))
        {
            File.Copy(file, Path.Combine(taxonomyOut, Path.GetFileName(file)), overwrite: true);
        }
        long bytes = 0;
        var utf8 = new UTF8Encoding(false);
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var (name, content) = Generate(i);
            var data = utf8.GetBytes(content);
            File.WriteAllBytes(Path.Combine(outDir, name), data);
            Interlocked.Add(ref bytes, data.Length);
        });
        return bytes;
    }

    /// <summary>Document <paramref name="index"/> of the corpus: a file name and its content. Depends only on (seed, index).</summary>
    public (string FileName, string Content) Generate(int index)
    {
        // Not HashCode.Combine: it is randomised per process, and the corpus must be the same on every run.
        var rng = new Random(unchecked((seed * 1_000_003) ^ (index * 7_919) ^ 0x5eed));
        var basis = seeds[index % seeds.Count];
        var national = rng.NextDouble() < 0.2;
        var province = Provinces[rng.Next(Provinces.Length)];
        var start = 2011 + rng.Next(0, 16);
        var years = rng.NextDouble() < 0.5 ? 5 : 3;
        var ctx = new DocContext(rng, national, province, start - basis.PeriodStart, Permutation(rng));

        var typeAndTitle = Title(rng, national, province, start, start + years - 1, ctx);
        var serial = index + 1;
        var id = national ? $"miit-{start}-{serial}" : $"{province.Slug}-{start}-{serial}";
        var docNumber = national
            ? $"工信部{Pick(rng, ["节", "规", "联节", "原", "联规"])}〔{start}〕{serial}号"
            : $"{province.Abbr}{Pick(rng, ["府办发", "府发", "经信节能", "工信节能", "经信环资"])}〔{start}〕{serial}号";
        var month = rng.Next(1, 13);
        var day = rng.Next(1, 29);
        var date = new DateOnly(start, month, day);
        var issuers = national
            ? NationalIssuers.Take(rng.NextDouble() < 0.6 ? 1 : rng.Next(2, NationalIssuers.Length + 1)).ToArray()
            : [Pick(rng, [$"{province.Name}省人民政府办公厅", $"{province.Name}省人民政府", $"{province.Name}省工业和信息化厅"])];

        var body = new StringBuilder(40_000);
        WriteHeader(body, rng, basis, typeAndTitle.Title, docNumber, issuers, date, ctx);
        WriteSections(body, rng, basis, ctx);
        if (rng.NextDouble() < 0.3)
        {
            body.Append("\n原文地址：<http://www.example.gov.cn/zcwj/").Append(id).Append(".html>\n");
        }

        var front = new StringBuilder();
        front.Append("---\n");
        front.Append("id: ").Append(id).Append('\n');
        front.Append("title: ").Append(typeAndTitle.Title).Append('\n');
        front.Append("short_titles: [").Append(typeAndTitle.Short).Append("]\n");
        front.Append("doc_number: ").Append(docNumber).Append('\n');
        front.Append("issuers: [").Append(string.Join(", ", issuers)).Append("]\n");
        front.Append("drafted_by: []\n");
        front.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        front.Append("level: ").Append(national ? "national" : "provincial").Append('\n');
        front.Append("jurisdiction: ").Append(national ? "CN" : province.Code).Append('\n');
        front.Append("scope: [").Append(national ? "全国" : province.Name + "省").Append("]\n");
        front.Append("type: ").Append(typeAndTitle.Type).Append('\n');
        front.Append("period: [").Append(start).Append(", ").Append(start + years - 1).Append("]\n");
        front.Append("implements: []\n");
        front.Append("source:\n");
        front.Append("notes: Generated by tests/Benchmarks from ").Append(basis.Id).Append(" (seed ").Append(seed).Append(").\n");
        front.Append("---\n");
        return ($"{id}.md", front.Append(body).ToString());
    }

    private sealed class DocContext(Random rng, bool national, Province province, int yearShift, Dictionary<string, string> industries)
    {
        public Random Rng { get; } = rng;
        public bool National { get; } = national;
        public Province Province { get; } = province;
        public int YearShift { get; } = yearShift;
        public Dictionary<string, string> Industries { get; } = industries;
        public int Part { get; set; }
        public int Item { get; set; }
        public int Chapter { get; set; }
        public int Section { get; set; }
        public int Box { get; set; }
    }

    private static Dictionary<string, string> Permutation(Random rng)
    {
        var shuffled = Industries.ToArray();
        rng.Shuffle(shuffled);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Industries.Length; i++)
        {
            map[Industries[i]] = shuffled[i];
        }
        return map;
    }

    private static (string Title, string Short, string Type) Title(Random rng, bool national, Province p, int from, int to, DocContext ctx)
    {
        var range = $"（{from}—{to}年）";
        var place = national ? "" : p.Name + "省";
        var industry = ctx.Industries[Pick(rng, Industries)];
        return rng.Next(6) switch
        {
            0 => ($"{place}工业绿色发展规划{range}", $"{place}工业绿色发展规划", "规划"),
            1 => ($"{place}绿色制造{(to - from + 1 == 3 ? "三" : "五")}年行动计划{range}", $"{place}绿色制造行动计划", "行动计划"),
            2 => ($"关于加快推进{place}{industry}行业绿色发展的指导意见", $"{place}{industry}行业绿色发展指导意见", "指导意见"),
            3 => ($"{place}工业节能与综合利用实施方案{range}", $"{place}工业节能与综合利用实施方案", "实施方案"),
            4 => ($"{place}“{Periods[Math.Clamp((from - 2011) / 5, 0, Periods.Length - 1)]}”工业绿色发展规划", $"{place}工业绿色发展规划{from}", "规划"),
            _ => ($"关于印发{place}工业污染防治攻坚战行动计划的通知", $"{place}工业污染防治攻坚战行动计划", "通知"),
        };
    }

    private void WriteHeader(StringBuilder sb, Random rng, SeedDocument basis, string title, string docNumber, string[] issuers,
        DateOnly date, DocContext ctx)
    {
        var preamble = Vary(Pick(rng, preamblePool), ctx);
        var dateText = $"{date.Year}年{date.Month}月{date.Day}日";
        var addressee = ctx.National
            ? "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门"
            : "各市、自治州人民政府，各县（市、区）人民政府，省政府各部门、各直属机构";
        // The header shapes of the five real documents: Markdown headings (000), a 印发 notice (001),
        // a bare plan (002, 004), a 转发 notice with full-width indents (003).
        var seedHeader = string.Join('\n', basis.Layout.HeaderLines);
        var shape = seedHeader.Contains("# ", StringComparison.Ordinal) ? 0
            : seedHeader.Contains("关于印发", StringComparison.Ordinal) ? 1
            : seedHeader.Contains("转发", StringComparison.Ordinal) ? 3
            : 2;
        switch (shape)
        {
            case 0:
                sb.Append("# ").Append(string.Join(' ', issuers)).Append("\n\n## ").Append(title).Append("\n\n")
                    .Append(docNumber).Append("\n\n").Append(addressee).Append("：\n\n").Append(preamble).Append("\n\n");
                break;
            case 1:
                sb.Append(issuers[0]).Append("关于印发").Append(title).Append("的通知\n\n").Append(docNumber).Append("\n\n")
                    .Append(addressee).Append("：\n\n现将《").Append(title).Append("》印发给你们，请结合实际，认真贯彻执行。\n\n")
                    .Append(issuers[0]).Append("\n\n").Append(dateText).Append("\n\n").Append(title).Append("\n\n")
                    .Append(preamble).Append("\n\n");
                break;
            case 2:
                if (rng.NextDouble() < 0.2)
                {
                    sb.Append("[bookmark: _GoBack]");
                }
                sb.Append(title).Append("\n\n").Append(preamble).Append("\n\u3000\u3000\n");
                break;
            default:
                sb.Append("省人民政府办公厅关于转发\n\n\u3000\u3000").Append(title).Append("的通知\n\n\u3000\u3000").Append(docNumber)
                    .Append("\n\n").Append(addressee).Append("：\n\n\u3000\u3000《").Append(title)
                    .Append("》已经省人民政府同意，现转发给你们，请认真组织实施。\n\n\u3000\u3000").Append(issuers[0]).Append("\n\n\u3000\u3000")
                    .Append(dateText).Append("\n\n\u3000\u3000(此件公开发布)\n\n\u3000\u3000").Append(title).Append("\n\n\u3000\u3000")
                    .Append(preamble).Append("\n\n");
                break;
        }
    }

    private void WriteSections(StringBuilder sb, Random rng, SeedDocument basis, DocContext ctx)
    {
        var layout = basis.Layout;
        var family = seeds.Where(s => s.Layout.Chapters == layout.Chapters && s.Layout.Sections.Count > 0).ToList();
        var sectionCount = Math.Max(2, (int)Math.Round(layout.Sections.Count * (0.7 + 0.6 * rng.NextDouble()) * scale));
        for (var s = 0; s < sectionCount; s++)
        {
            // Mostly the basis's own sections, sometimes one from a sibling document of the same numbering style.
            var from = rng.NextDouble() < 0.7 || family.Count == 0 ? basis : family[rng.Next(family.Count)];
            var section = from.Layout.Sections[rng.Next(from.Layout.Sections.Count)];
            var blocks = new List<IReadOnlyList<string>> { section.Blocks[0] };
            foreach (var block in section.Blocks.Skip(1))
            {
                if (rng.NextDouble() < 0.85)
                {
                    blocks.Add(block);
                }
                if (rng.NextDouble() < 0.15)
                {
                    var other = family.Count == 0 ? from : family[rng.Next(family.Count)];
                    var donor = other.Layout.Sections[rng.Next(other.Layout.Sections.Count)];
                    if (donor.Blocks.Count > 1)
                    {
                        blocks.Add(donor.Blocks[1 + rng.Next(donor.Blocks.Count - 1)]);
                    }
                }
            }
            // Neighbouring items trade places now and then.
            for (var i = 2; i < blocks.Count; i++)
            {
                if (rng.NextDouble() < 0.25)
                {
                    (blocks[i - 1], blocks[i]) = (blocks[i], blocks[i - 1]);
                }
            }
            ctx.Part++;
            ctx.Chapter++;
            ctx.Section = 0;
            if (!layout.ContinuousItems)
            {
                ctx.Item = 0;
            }
            foreach (var block in blocks)
            {
                foreach (var line in block)
                {
                    if (IsTrailer(line))
                    {
                        continue;
                    }
                    sb.Append(Rewrite(line, ctx)).Append('\n');
                }
            }
        }
    }

    private static bool IsTrailer(string line) =>
        line.StartsWith("原文地址", StringComparison.Ordinal) || line.StartsWith("信息公开选项", StringComparison.Ordinal);

    private static bool IsProse(string line)
    {
        var t = line.Trim().Trim('\u3000');
        return t.Length > 30 && t.Contains('。') && !line.StartsWith('\t');
    }

    /// <summary>One body line renumbered in the new document's sequence and its text varied.</summary>
    private string Rewrite(string line, DocContext ctx)
    {
        if (SeedCorpus.ChapterHeading().Match(line) is { Success: true } ch)
        {
            return Renumber(line, ch, "第", "章", ctx.Chapter, ctx);
        }
        if (SeedCorpus.SectionHeading().Match(line) is { Success: true } se)
        {
            return Renumber(line, se, "第", "节", ++ctx.Section, ctx);
        }
        if (SeedCorpus.PartHeading().Match(line) is { Success: true } pa)
        {
            var indent = pa.Value[..^(NumeralLength(pa.Value) + 1)];
            return indent + ChineseNumerals.ToChinese(ctx.Part) + "、" + Vary(line[pa.Length..], ctx);
        }
        if (SeedCorpus.ItemHeading().Match(line) is { Success: true } it)
        {
            var open = it.Value.IndexOfAny(['（', '(']);
            var close = it.Value[^1];
            var rest = Annotate(Vary(line[it.Length..], ctx), ctx);
            return it.Value[..(open + 1)] + ChineseNumerals.ToChinese(++ctx.Item) + close + rest;
        }
        if (BoxHeading().Match(line) is { Success: true } box)
        {
            return box.Groups[1].Value + "专栏" + (++ctx.Box).ToString(CultureInfo.InvariantCulture) + Vary(line[box.Length..], ctx);
        }
        if (IsProse(line) && line.Length > 80 && ctx.Rng.NextDouble() < 0.35)
        {
            return Recombine(line, ctx);
        }
        return Vary(line, ctx);
    }

    private string Renumber(string line, Match m, string before, string after, int n, DocContext ctx)
    {
        var indent = m.Value[..m.Value.IndexOf(before, StringComparison.Ordinal)];
        return indent + before + ChineseNumerals.ToChinese(n) + after + Vary(line[m.Length..], ctx);
    }

    private static int NumeralLength(string heading)
    {
        var n = 0;
        for (var i = heading.Length - 2; i >= 0 && "一二三四五六七八九十".Contains(heading[i]); i--)
        {
            n++;
        }
        return n;
    }

    /// <summary>Keeps the topic sentence and first sentence, and takes the rest from other documents' prose.</summary>
    private string Recombine(string line, DocContext ctx)
    {
        var indentLength = line.Length - line.TrimStart(' ', '\u3000', '\t').Length;
        var sentences = line[indentLength..].Split('。', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(line.Length + 40);
        sb.Append(line, 0, indentLength);
        var keep = Math.Min(sentences.Length, 2);
        for (var i = 0; i < keep; i++)
        {
            sb.Append(sentences[i]).Append('。');
        }
        var extra = 1 + ctx.Rng.Next(Math.Max(1, sentences.Length - keep + 1));
        for (var i = 0; i < extra; i++)
        {
            sb.Append(sentencePool[ctx.Rng.Next(sentencePool.Length)]);
        }
        return Vary(sb.ToString(), ctx);
    }

    /// <summary>
    /// Item annotations as the documents write them: 001's （部内节能司负责） for MIIT, and a provincial
    /// （责任单位：省工业和信息化厅、省生态环境厅） for provinces.
    /// </summary>
    private static string Annotate(string rest, DocContext ctx)
    {
        var m = OfficeAnnotation().Match(rest);
        if (m.Success)
        {
            return rest[..m.Index] + Responsibility(ctx) + rest[(m.Index + m.Length)..];
        }
        return rest.EndsWith('。') && ctx.Rng.NextDouble() < 0.3 ? rest + Responsibility(ctx) : rest;
    }

    private static string Responsibility(DocContext ctx)
    {
        if (ctx.National)
        {
            return $"（部内{Pick(ctx.Rng, NationalOffices)}负责）";
        }
        var list = ProvincialDepartments.ToArray();
        ctx.Rng.Shuffle(list);
        return $"（责任单位：{string.Join("、", list.Take(1 + ctx.Rng.Next(3)))}）";
    }

    /// <summary>Industries permuted, the province and its cities replaced, years moved with the period, percentages changed.</summary>
    private static string Vary(string text, DocContext ctx)
    {
        if (text.Length == 0)
        {
            return text;
        }
        text = IndustryWord().Replace(text, m => ctx.Industries[m.Value]);
        if (!ctx.National)
        {
            text = ProvinceWord().Replace(text, m => m.Value.Length <= 3 && Provinces.Any(p => p.Name == m.Value.TrimEnd('省'))
                ? ctx.Province.Name + (m.Value.EndsWith('省') ? "省" : "")
                : Pick(ctx.Rng, ctx.Province.Cities));
        }
        if (ctx.YearShift != 0)
        {
            text = YearNumber().Replace(text, m =>
                Math.Clamp(int.Parse(m.Value, CultureInfo.InvariantCulture) + ctx.YearShift, 2000, 2060).ToString(CultureInfo.InvariantCulture));
            var periodShift = (int)Math.Round(ctx.YearShift / 5.0);
            if (periodShift != 0)
            {
                text = PeriodWord().Replace(text, m =>
                    Periods[Math.Clamp(Array.IndexOf(Periods, m.Value) + periodShift, 0, Periods.Length - 1)]);
            }
        }
        return Percent().Replace(text, m =>
        {
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * (0.7 + 0.6 * ctx.Rng.NextDouble());
            var decimals = m.Groups[1].Value.Contains('.') ? 1 : 0;
            return Math.Round(Math.Max(value, 1), decimals).ToString(decimals == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
        });
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    [GeneratedRegex(@"^(\t?)专栏\d+")]
    private static partial Regex BoxHeading();

    [GeneratedRegex(@"（部内[^（）]{1,40}负责[^（）]{0,60}）")]
    private static partial Regex OfficeAnnotation();

    [GeneratedRegex("有色金属|电解铝|平板玻璃|铅蓄电池|钢铁|化工|石化|水泥|造纸|印染|电镀|焦化|制革|铸造|稀土|氮肥|农药|建材|纺织|机械|汽车|船舶")]
    private static partial Regex IndustryWord();

    [GeneratedRegex("贵州省|四川省|贵州|四川|贵阳|遵义|六盘水|安顺|毕节|成都|攀枝花|绵阳|宜宾|泸州")]
    private static partial Regex ProvinceWord();

    [GeneratedRegex(@"(?<!\d)20[0-3]\d(?!\d)")]
    private static partial Regex YearNumber();

    [GeneratedRegex("十二五|十三五|十四五|十五五|十六五")]
    private static partial Regex PeriodWord();

    [GeneratedRegex(@"(?<![\d.])(\d{1,2}(?:\.\d)?)%")]
    private static partial Regex Percent();
}
