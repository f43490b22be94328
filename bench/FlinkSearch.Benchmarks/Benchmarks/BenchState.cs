using FlinkSearch.Benchmarks.Corpus;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>What the runner decided before BenchmarkDotNet starts (the benchmarks run in this process).</summary>
public static class BenchState
{
    private static readonly Lazy<ArticleCorpus> LazyCorpus = new(ArticleCorpus.Load);
    private static readonly Lazy<IReadOnlyList<MixQuery>> LazyMix = new(() => QueryMix.Load());

    public static ArticleCorpus Corpus => LazyCorpus.Value;

    public static IReadOnlyList<MixQuery> Mix => LazyMix.Value;

    public static int[] Sizes { get; set; } = [100, 10_000, 100_000];
}
