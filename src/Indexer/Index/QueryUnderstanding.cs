using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GreenPolicy.Domain;
using GreenPolicy.Domain.Text;

namespace GreenPolicy.Index;

/// <summary>
/// Turns what a person types into a <see cref="QueryPlan"/>. The syntax is for people: words separated
/// by spaces, "quoted phrases", -excluded words. Nothing is passed to Lucene's query parser, so
/// <c>*:*</c>, <c>field:x</c> or a lone <c>"</c> are just characters. A question without spaces
/// (哪些条款禁止新增钢铁产能) is segmented against the vocabulary: 哪些 条款 are question words, 禁止 a
/// modality, 钢铁 an industry, 新增 and 产能 plain words.
/// </summary>
public sealed partial class QueryUnderstanding
{
    /// <summary>Longer input is cut: a query is a few words, and per-query work must stay bounded.</summary>
    public const int MaxQueryLength = 200;
    public const int MaxConcepts = 12;
    private const int MaxAlternatives = 8;
    private const int MaxWordLength = 24;

    // Words of the query language, not of the policy domain: they say what is asked, not about what.
    private static readonly string[] QuestionWords =
    [
        "哪些", "哪个", "哪", "如何", "怎样", "怎么", "什么", "多少", "是多少", "是否", "有哪些", "有没有",
        "的", "地", "和", "与", "及", "以及", "或", "或者", "吗", "呢", "了", "对", "有关", "关于", "涉及",
        "条款", "条文", "规定了", "目标是", "要求是", "是",
        // …the documents that mention it: 哪些文件提到超低排放 has no particle to split the run at.
        "文件", "哪份", "提到", "提及", "写到", "讲到", "说到",
        // …and requests: 请列出磷石膏, 超低排放相关条款, 磷石膏的具体措施.
        // (Not 请 alone, which would split 申请 and 提请.)
        "请问", "请列出", "请给出", "请查找", "列出", "给出", "查找", "查询", "搜索", "相关", "具体",
    ];

    // Words naming what kind of answer is wanted; they are kept as optional words.
    private static readonly string[] WeakWords = ["行业", "领域", "方面", "情况", "内容", "工作", "措施", "政策", "规定"];

    private static readonly (string Word, string Modality)[] ModalityWords =
    [
        ("禁止", Modalities.Prohibit), ("严禁", Modalities.Prohibit), ("不得", Modalities.Prohibit), ("不准", Modalities.Prohibit),
        ("鼓励", Modalities.Encourage), ("支持", Modalities.Encourage), ("引导", Modalities.Encourage),
        ("必须", Modalities.Require), ("应当", Modalities.Require), ("要求", Modalities.Require),
    ];

    private static readonly (string Word, string Role)[] RoleWords =
    [
        ("负责", Roles.Lead), ("牵头", Roles.Lead), ("主导", Roles.Lead), ("主管", Roles.Lead),
        ("参与", Roles.Participant), ("配合", Roles.Participant), ("协助", Roles.Participant),
        ("落实", Roles.Implementer), ("实施", Roles.Implementer),
    ];

    private enum LexKind { Question, Weak, Modality, Role, Level, Jurisdiction, Document, Tag, Year, Word }

    private sealed record LexItem(LexKind Kind, string Value, VocabularyEntry? Entry = null);

    private readonly Dictionary<string, List<LexItem>> lexicon = new(StringComparer.Ordinal);
    private readonly int maxLexLength;
    private readonly VocabularyIndex vocabulary;

    // Multiplicative: a Guizhou clause scores three times what it would without 贵州 in the query; at 2×
    // national clauses that merely repeat the words still outranked the Guizhou one ("贵州 再制造").
    public float JurisdictionBoost { get; init; } = 3.0f;
    public float DocumentBoost { get; init; } = 2.0f;
    public float LevelBoost { get; init; } = 1.3f;
    public float ModalityBoost { get; init; } = 1.3f;
    public float LeadRoleBoost { get; init; } = 2.0f;
    public float ParticipantRoleBoost { get; init; } = 1.3f;
    /// <summary>
    /// Multiplies the score of a clause that matches an industry's words where they do not name the industry
    /// (<see cref="Fields.IndustryPassedOver"/>): small enough that a short indicator row (再生有色金属, text score ~12)
    /// ranks below a long list tagged with the industry (~3).
    /// </summary>
    public float PassedOverBoost { get; init; } = 0.1f;

    public QueryUnderstanding(VocabularyIndex vocabulary, IEnumerable<DocumentMeta> documents)
    {
        this.vocabulary = vocabulary;
        foreach (var w in QuestionWords) Add(w, new LexItem(LexKind.Question, w));
        foreach (var w in WeakWords) Add(w, new LexItem(LexKind.Weak, w));
        foreach (var (w, m) in ModalityWords) Add(w, new LexItem(LexKind.Modality, m));
        foreach (var (w, r) in RoleWords) Add(w, new LexItem(LexKind.Role, r));
        foreach (var (w, l) in Levels.Words) Add(w, new LexItem(LexKind.Level, l));
        foreach (var meta in documents)
        {
            foreach (var title in DocumentNames(meta))
            {
                Add(title, new LexItem(LexKind.Document, meta.Id));
            }
            if (meta.Level == Levels.Provincial)
            {
                foreach (var place in meta.Scope.SelectMany(PlaceNames))
                {
                    Add(place, new LexItem(LexKind.Jurisdiction, meta.Jurisdiction));
                }
            }
        }
        foreach (var entry in vocabulary.Entries)
        {
            foreach (var name in entry.Names())
            {
                if (entry.Kind == VocabularyKinds.Word)
                {
                    Add(name, new LexItem(LexKind.Word, name));
                }
                else if (name.Length >= 2 || IsHan(name[0]))
                {
                    Add(name, new LexItem(LexKind.Tag, entry.Key, entry));
                }
            }
        }
        maxLexLength = Math.Min(MaxWordLength, lexicon.Keys.Select(k => k.Length).DefaultIfEmpty(1).Max());
    }

    private void Add(string word, LexItem item)
    {
        var key = Fold(word);
        if (key.Length == 0)
        {
            return;
        }
        if (!lexicon.TryGetValue(key, out var list))
        {
            lexicon[key] = list = [];
        }
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    /// <summary>Title without its period in brackets and without 《》, plus short titles: 长江经济带指导意见.</summary>
    private static IEnumerable<string> DocumentNames(DocumentMeta meta)
    {
        yield return meta.Title;
        var bare = Bracketed().Replace(meta.Title, "");
        if (bare != meta.Title)
        {
            yield return bare;
        }
        foreach (var s in meta.ShortTitles)
        {
            yield return s;
        }
    }

    /// <summary>贵州省 → 贵州省, 贵州: people drop the 省.</summary>
    private static IEnumerable<string> PlaceNames(string place)
    {
        yield return place;
        foreach (var suffix in new[] { "省", "市", "自治区", "特别行政区" })
        {
            if (place.EndsWith(suffix, StringComparison.Ordinal) && place.Length - suffix.Length >= 2)
            {
                yield return place[..^suffix.Length];
            }
        }
    }

    public QueryPlan Understand(string? input)
    {
        var notes = new List<string>();
        var text = input ?? "";
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
            notes.Add($"查询过长，只使用前{MaxQueryLength}个字符");
        }
        var concepts = new List<QueryConcept>();
        var optional = new List<QueryConcept>();
        var excluded = new List<QueryConcept>();
        var boosts = new List<TagBoost>();
        var roles = new List<string>();
        var departments = new List<VocabularyEntry>();

        foreach (var (word, quoted, negative) in SplitUserSyntax(text))
        {
            if (negative)
            {
                var folded = CleanWord(word);
                if (folded.Length > 0)
                {
                    excluded.Add(Expand(folded, quoted));
                }
                continue;
            }
            if (quoted)
            {
                var phrase = CleanWord(word);
                if (phrase.Length > 0)
                {
                    concepts.Add(new QueryConcept { Surface = phrase, Alternatives = [phrase], Exact = true });
                }
                continue;
            }
            foreach (var (piece, items, fromSegmentation) in CleanWord(word).Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(Segment))
            {
                if (items is null)
                {
                    // A plain word: required, unless a single character left over between dictionary words.
                    var concept = new QueryConcept
                    {
                        Surface = piece,
                        Alternatives = [piece],
                        Loose = piece.Length >= 4 && IsAllHan(piece),
                    };
                    (fromSegmentation && piece.Length == 1 ? optional : concepts).Add(concept);
                    continue;
                }
                var kinds = items.Select(i => i.Kind).ToHashSet();
                if (kinds.Contains(LexKind.Question))
                {
                    notes.Add($"忽略疑问词“{piece}”");
                    continue;
                }
                if (kinds.SetEquals([LexKind.Word]))
                {
                    // 废钢铁 is scrap, not 钢铁 the industry: the word as written, required like any plain word.
                    concepts.Add(new QueryConcept { Surface = piece, Alternatives = [piece] });
                    continue;
                }
                if (kinds.Contains(LexKind.Year))
                {
                    var year = items.First(i => i.Kind == LexKind.Year).Value;
                    concepts.Add(new QueryConcept
                    {
                        Surface = piece,
                        Alternatives = piece.EndsWith('年') ? [piece] : [piece + "年", piece],
                        Tags = [new TagTerm(Fields.Year, year)],
                    });
                    continue;
                }
                var boostOnly = false;
                foreach (var item in items)
                {
                    switch (item.Kind)
                    {
                        case LexKind.Jurisdiction:
                            boosts.Add(new TagBoost(Fields.Jurisdiction, item.Value, JurisdictionBoost));
                            notes.Add($"“{piece}”按地区优先");
                            boostOnly = true;
                            break;
                        case LexKind.Document:
                            boosts.Add(new TagBoost(Fields.Doc, item.Value, DocumentBoost));
                            notes.Add($"“{piece}”按文件优先");
                            boostOnly = true;
                            break;
                        case LexKind.Level:
                            boosts.Add(new TagBoost(Fields.Level, item.Value, LevelBoost));
                            boostOnly = true;
                            break;
                        case LexKind.Modality:
                            boosts.Add(new TagBoost(Fields.Modality, item.Value, ModalityBoost));
                            boostOnly = true;
                            break;
                        case LexKind.Role:
                            roles.Add(item.Value);
                            boostOnly = true;
                            break;
                        case LexKind.Weak:
                            boostOnly = true;
                            break;
                    }
                }
                var tagItems = items.Where(i => i.Kind == LexKind.Tag && i.Entry is not null).ToList();
                if (!boostOnly && tagItems.Count > 0)
                {
                    concepts.Add(TagConcept(piece, tagItems.Select(i => i.Entry!).ToList()));
                    departments.AddRange(tagItems.Select(i => i.Entry!).Where(e => e.Kind == VocabularyKinds.Department));
                }
                else if (items.Any(i => i.Kind is LexKind.Role) && tagItems.Count == 0)
                {
                    // 负责 alone (节能司 负责): a role for the department next to it, not a word to find.
                }
                else
                {
                    // A jurisdiction, document, modality or weak word still counts when it occurs in the text.
                    optional.Add(tagItems.Count > 0 ? TagConcept(piece, tagItems.Select(i => i.Entry!).ToList()) :
                        new QueryConcept { Surface = piece, Alternatives = [piece] });
                }
            }
        }

        foreach (var role in roles.Distinct())
        {
            foreach (var department in departments)
            {
                boosts.Add(new TagBoost(Fields.DepartmentRole, GenerationWriter.DepartmentRoleValue(department.Key, role),
                    role == Roles.Lead ? LeadRoleBoost : ParticipantRoleBoost));
            }
        }

        foreach (var tag in concepts.Take(MaxConcepts).SelectMany(c => c.Tags).Where(t => t.Field == Fields.Industry))
        {
            boosts.Add(new TagBoost(Fields.IndustryPassedOver, tag.Value, PassedOverBoost));
        }

        if (concepts.Count + optional.Count > MaxConcepts)
        {
            notes.Add($"只使用前{MaxConcepts}个词");
        }
        return new QueryPlan
        {
            Concepts = concepts.Take(MaxConcepts).ToList(),
            Optional = optional.Take(Math.Max(0, MaxConcepts - concepts.Count)).ToList(),
            Excluded = excluded.Take(MaxConcepts).ToList(),
            Boosts = boosts.DistinctBy(b => (b.Field, b.Value)).ToList(),
            Notes = notes.Distinct().ToList(),
        };
    }

    private QueryConcept TagConcept(string surface, IReadOnlyList<VocabularyEntry> entries)
    {
        var alternatives = new List<string> { surface };
        var tags = new List<TagTerm>();
        foreach (var entry in entries)
        {
            alternatives.AddRange(entry.Names());
            if (entry.Kind != VocabularyKinds.Synonym)
            {
                tags.Add(new TagTerm(TagField(entry.Kind), entry.Key));
            }
        }
        return new QueryConcept
        {
            Surface = surface,
            Alternatives = alternatives.Select(Fold).Where(a => a.Length > 0).Distinct().Take(MaxAlternatives).ToList(),
            Tags = tags.Distinct().ToList(),
            IsAliasForm = entries.All(e => Fold(e.Name) != Fold(surface)),
        };
    }

    private QueryConcept Expand(string word, bool quoted)
    {
        if (!quoted && lexicon.TryGetValue(word, out var items) && items.Where(i => i.Entry is not null).Select(i => i.Entry!).ToList() is { Count: > 0 } entries)
        {
            return TagConcept(word, entries) with { Tags = [] };
        }
        return new QueryConcept { Surface = word, Alternatives = [word], Exact = quoted };
    }

    private static string TagField(string kind) => kind switch
    {
        VocabularyKinds.Industry => Fields.Industry,
        VocabularyKinds.Department => Fields.Department,
        VocabularyKinds.Topic => Fields.Topic,
        _ => Fields.Place,
    };

    /// <summary>
    /// Cuts a word into dictionary words and the runs between them, longest dictionary word first.
    /// Yields (text, dictionary items or null for a plain run, whether the word had to be cut).
    /// </summary>
    private IEnumerable<(string Piece, IReadOnlyList<LexItem>? Items, bool FromSegmentation)> Segment(string word)
    {
        if (word.Length == 0)
        {
            yield break;
        }
        if (Lookup(word) is { } whole)
        {
            yield return (word, whole, false);
            yield break;
        }
        var pieces = new List<(string, IReadOnlyList<LexItem>?)>();
        var plain = new StringBuilder();
        var i = 0;
        while (i < word.Length)
        {
            var matched = false;
            for (var len = Math.Min(maxLexLength, word.Length - i); len >= 1; len--)
            {
                var candidate = word.Substring(i, len);
                if (Lookup(candidate) is { } items && (len >= 2 || items.Any(x => x.Kind == LexKind.Question)))
                {
                    if (plain.Length > 0)
                    {
                        pieces.Add((plain.ToString(), null));
                        plain.Clear();
                    }
                    pieces.Add((candidate, items));
                    i += len;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                plain.Append(word[i]);
                i++;
            }
        }
        if (plain.Length > 0)
        {
            pieces.Add((plain.ToString(), null));
        }
        var cut = pieces.Count > 1;
        foreach (var (piece, items) in pieces)
        {
            yield return (piece, items, cut);
        }
    }

    private IReadOnlyList<LexItem>? Lookup(string word)
    {
        if (lexicon.TryGetValue(word, out var items))
        {
            return items;
        }
        var year = YearWord().Match(word);
        if (year.Success)
        {
            return [new LexItem(LexKind.Year, year.Groups[1].Value)];
        }
        return null;
    }

    /// <summary>
    /// Splits user syntax: whitespace-separated words, "quoted phrases" (straight or Chinese quotes;
    /// an unclosed quote runs to the end), a leading - excludes a word or phrase.
    /// </summary>
    internal static IEnumerable<(string Word, bool Quoted, bool Negative)> SplitUserSyntax(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var negative = false;
            if (text[i] is '-' or '－' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negative = true;
                i++;
            }
            if (text[i] is '"' or '“' or '”' or '＂')
            {
                var start = ++i;
                while (i < text.Length && text[i] is not ('"' or '“' or '”' or '＂')) i++;
                yield return (text[start..i], true, negative);
                i++;
                continue;
            }
            var begin = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('"' or '“' or '”' or '＂')) i++;
            yield return (text[begin..i], false, negative);
        }
    }

    /// <summary>Width-folds and lower-cases; keeps letters, digits and a dot between digits (PM2.5); any other character separates words.</summary>
    internal static string CleanWord(string word)
    {
        var folded = Fold(word);
        var sb = new StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c) || (c == '.' && i > 0 && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i - 1]) && char.IsDigit(folded[i + 1])))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                // field:x, a(b: punctuation separates words, it never means anything.
                sb.Append(' ');
            }
        }
        return sb.ToString().Trim();
    }

    /// <summary>Full-width ASCII to half width, then lower case: what the analyzer does, on whole strings.</summary>
    public static string Fold(string s) =>
        string.Create(s.Length, s, static (folded, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                folded[i] = FoldChar(source[i]);
            }
        });

    // Every clause shown is folded for its snippet: full-width forms to ASCII, then lower case (CaseFolding skips
    // the culture tables for ASCII and Han).
    public static char FoldChar(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => CaseFolding.Lower((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        _ => CaseFolding.Lower(c),
    };

    internal static bool IsHan(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';

    private static bool IsAllHan(string s) => s.All(IsHan);

    [GeneratedRegex(@"^((?:19|20)\d\d)年?$")]
    private static partial Regex YearWord();

    [GeneratedRegex(@"[（(][^（）()]*[）)]|[《》]")]
    private static partial Regex Bracketed();
}
