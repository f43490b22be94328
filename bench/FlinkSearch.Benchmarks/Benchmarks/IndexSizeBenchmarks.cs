using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>A benchmark class run once per index size of the run, over the bench index of that many documents.</summary>
public abstract class IndexSizeBenchmarks
{
    public static IEnumerable<int> Sizes => BenchState.Sizes;

    [ParamsSource(nameof(Sizes))]
    public int Documents { get; set; }

    protected BenchIndex Index { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Index = BenchIndex.Open(BenchState.Corpus, Documents);
        Prepare();
    }

    [GlobalCleanup]
    public void Cleanup() => Index.Dispose();

    /// <summary>What the class needs beyond the open index, before the first measured call.</summary>
    protected virtual void Prepare()
    {
    }
}
