namespace FlinkSearch.Indexing;

/// <summary>
/// What a generation was built with, apart from the articles: the index format, the analysis and the synonym sets
/// (whose concept tokens the documents carry). Documents carry over into a new generation only when all three are the
/// same as when they were written.
/// </summary>
public sealed record BuildInputs(int Format, string Analysis, string Synonyms)
{
    public static BuildInputs Of(TextAnalysis analysis, SynonymSets synonyms) =>
        new(IndexFormat.Version, AnalysisVersion.Of(analysis), synonyms.Version);

    /// <summary>Why documents written with <paramref name="previous"/> cannot be carried over into a build with these, or null.</summary>
    public string? ChangedSince(BuildInputs? previous) => previous switch
    {
        null => "the previous generation does not record what it was built with",
        _ when previous.Format != Format => $"the index format changed ({previous.Format} → {Format})",
        _ when previous.Synonyms != Synonyms => "the synonyms file changed",
        _ when previous.Analysis != Analysis => "the analysis changed",
        _ => null,
    };
}
