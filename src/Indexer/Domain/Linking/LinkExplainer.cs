namespace GreenPolicy.Domain.Linking;

/// <summary>
/// The evidence of a near-verbatim link that is computed when the link is shown, not stored: the character diff
/// from the linked clause's text to the holder's, the aligned common text and the share of aligned characters.
/// Stored for every link end, the diffs were three quarters of each clause record (a clause copied into many
/// plans carries a diff per copy) and the largest cost of writing the index; one clause page shows a few.
/// </summary>
public static class LinkExplainer
{
    /// <summary>
    /// <paramref name="link"/> of <paramref name="holder"/> with its diff evidence, when it is a near-verbatim link
    /// without one and the linked clause <paramref name="other"/> is known; otherwise the link as it is.
    /// </summary>
    public static ClauseLink Explain(Clause holder, ClauseLink link, Clause? other)
    {
        if (link.Relation != Relations.NearVerbatim || other is null || other.Id != link.Id || link.Evidence is { Diff.Count: > 0 })
            return link;
        var diff = CharDiff.Diff(other.Text, holder.Text);
        var shorter = Math.Max(1, Math.Min(TextFeatures.Content(holder.Text).Length, TextFeatures.Content(other.Text).Length));
        var aligned = Math.Min(1, CharDiff.CommonContentChars(diff) / (double)shorter);
        var evidence = link.Evidence ?? new LinkEvidence();
        return link with
        {
            Evidence = evidence with
            {
                Common = CharDiff.CommonText(diff),
                Diff = diff,
                Note = evidence.Note ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"字符对齐 {aligned * 100:0}%"),
            },
        };
    }
}
