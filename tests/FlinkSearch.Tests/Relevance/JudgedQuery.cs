namespace FlinkSearch.Tests.Relevance;

/// <summary>One judged query: graded article keys (the <c>/s/&lt;key&gt;</c> part of the URL), 3 best, 0 unlisted.</summary>
public sealed record JudgedQuery(string Query, IReadOnlyDictionary<string, int> Grades)
{
    public static string FilePath => Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "FlinkSearch.Tests", "Relevance", "judged-queries.tsv");

    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        [.. File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)];

    /// <summary>The key a catalog judgment names an article by: the last segment of its URL.</summary>
    public static string KeyOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static JudgedQuery Parse(string line)
    {
        var columns = line.Split('\t');
        if (columns.Length != 2)
        {
            throw new FormatException($"Expected 'query<TAB>judgments': {line}");
        }

        var grades = columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(judgment => judgment.Split('='))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new JudgedQuery(columns[0], grades);
    }
}
