namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>One query of the mix in <c>bench/queries.txt</c>, shared by the in-process, Java and HTTP benchmarks.</summary>
public sealed record MixQuery(string Kind, string Text);

public static class QueryMix
{
    public static IReadOnlyList<MixQuery> Load(string? path = null) =>
        File.ReadAllLines(path ?? BenchPaths.QueriesFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => new MixQuery(parts[0], parts[1]))
            .ToList();
}
