namespace FlinkSearch.Search;

/// <summary>
/// A term (or a phrase of terms at consecutive positions) whose occurrences in <paramref name="Field"/> are marked in
/// a hit; <paramref name="Concept"/> says which concept of the query it stands for, so a snippet can prefer the passage
/// that shows the most of them.
/// </summary>
public sealed record MarkPattern(string Field, IReadOnlyList<string> Terms, int Concept);

/// <summary>What to mark in a search's hits, per field; built once per search from its plan.</summary>
public sealed class MarkPlan(IReadOnlyList<MarkPattern> patterns)
{
    public static readonly MarkPlan None = new([]);

    public IReadOnlyList<MarkPattern> Patterns { get; } = patterns;

    public int Concepts { get; } = patterns.Count == 0 ? 0 : patterns.Max(pattern => pattern.Concept) + 1;

    public IEnumerable<MarkPattern> In(string field) => Patterns.Where(pattern => pattern.Field == field);
}
