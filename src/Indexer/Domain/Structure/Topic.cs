namespace GreenPolicy.Domain.Structure;

/// <summary>Topic sentences: the heading-like phrase a paragraph or an item opens with.</summary>
public static class Topic
{
    /// <summary>
    /// The clause's own topic phrase: the text before the first 。 when it is short and heading-like
    /// ("以供给侧结构性改革为导向，推进结构节能。…" → "以供给侧结构性改革为导向，推进结构节能"), or a label
    /// before a colon ("火力发电：火电行业…" → "火力发电"); null when the clause opens with an ordinary sentence.
    /// <paramref name="numbered"/>: the text is an entry of a list (a bullet, a box item, a numbered item), whose
    /// topic phrase may list things with 、 ("（二十）加强人才培养和国际交流合作。").
    /// <paramref name="title"/>: the text follows a clause number, where an inline title is expected, so even a
    /// title with digits is one ("（三）落实“51025”园区绿色发展工程。"); elsewhere digits mark an ordinary sentence
    /// ("到2020年，能耗下降18%。").
    /// </summary>
    public static string? Heading(string text, bool numbered, bool title = false)
    {
        var stop = text.IndexOf('。');
        var colon = text.IndexOfAny(['：', ':']);
        var byColon = colon > 0 && (stop < 0 || colon < stop);
        if (byColon)
            stop = colon;
        // A label before a colon may be two characters ("造纸：实施…"); a sentence heading is longer ("其中。" is not one).
        if (stop < (byColon ? 2 : 4))
            return null;
        var candidate = text[..stop].Trim();
        var commas = candidate.Count(c => c is '，' or ',');
        if (candidate.Length > (byColon ? 20 : 30) || commas > (byColon ? 0 : 1))
            return null;
        if (candidate.Any(c => c is '：' or ':' or '；' or '（' or '(') || (!title && candidate.Any(char.IsAsciiDigit)))
            return null;
        if (!numbered && candidate.Contains('、'))
            return null;
        return candidate;
    }
}
