namespace GreenPolicy.Indexer.Tests.Corpus;

/// <summary>
/// A fact that needs ../shared (the seed texts, the evaluation set): skipped with a clear message when the
/// folder is absent, e.g. in a fresh clone. xunit 2 has no runtime skip, so the decision is made at discovery.
/// </summary>
public sealed class RequiresSharedFactAttribute : FactAttribute
{
    public RequiresSharedFactAttribute()
    {
        if (RepoPaths.SharedDir is null)
            Skip = "../shared is absent beside the repository: this test needs the seeds or the evaluation set (CI has them)";
    }
}
