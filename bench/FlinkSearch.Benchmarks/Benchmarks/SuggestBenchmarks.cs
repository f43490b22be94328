using BenchmarkDotNet.Attributes;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Benchmarks.Benchmarks;

/// <summary>
/// Search-as-you-type: what a user types on the way to each query of the mix (its first 1, 2 and 4 characters),
/// through SuggestService (top 8), against the naive answer: a Lucene prefix query on the title field, top 8.
/// </summary>
[MemoryDiagnoser]
public class SuggestBenchmarks : IndexSizeBenchmarks
{
    private const int Size = 8;
    private SuggestService suggest = null!;
    private string[] prefixes = [];

    protected override void Prepare()
    {
        suggest = new SuggestService(Index.Serving, BenchIndex.Synonyms(Index.Root), Index.Analysis, BenchIndex.Hidden(Index.Root));
        prefixes = [.. BenchState.Mix.Where(q => q.Kind != "miss").Select(q => q.Text.Trim('"'))
            .SelectMany(text => new[] { 1, 2, 4 }.Where(n => n <= text.Length).Select(n => text[..n])).Distinct()];
        suggest.Suggest(prefixes[0], Size); // the first call builds the suggestion index of the generation
    }

    [Benchmark(Baseline = true, Description = "title prefix query, top 8 (baseline)")]
    public int TitlePrefix()
    {
        if (!Index.Serving.TryAcquire(out var lease))
        {
            throw new InvalidOperationException("no index");
        }

        using (lease)
        {
            var total = 0;
            foreach (var prefix in prefixes)
            {
                total += lease.Searcher.Search(new PrefixQuery(new Term(IndexFields.Title, prefix.ToLowerInvariant())), Size).TotalHits;
            }

            return total;
        }
    }

    [Benchmark(Description = "SuggestService, top 8")]
    public int Suggest()
    {
        var total = 0;
        foreach (var prefix in prefixes)
        {
            total += suggest.Suggest(prefix, Size).Suggestions.Count;
        }

        return total;
    }
}
