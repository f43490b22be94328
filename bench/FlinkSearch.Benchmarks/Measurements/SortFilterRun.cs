using System.Globalization;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Search;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The cost of the order and filters against the plain relevance search, in one process over one index: each query of
/// the mix searched by relevance, newest first, with an account and date range, and with all of them, one right after
/// the other in an order that rotates by round. The corpus gives every document a date and the same account, so the
/// filters keep about half the matches (the range is the newer half of the corpus's dates) and the account keeps all.
/// </summary>
public static class SortFilterRun
{
    public static void Run(BenchIndex index, ArticleCorpus corpus, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        var documents = Enumerable.Range(0, index.Metadata.Documents).Select(corpus.Document).ToList();
        var published = documents.Select(article => article.PublishedAt).OfType<DateTimeOffset>().Order().ToList();
        var from = DateOnly.FromDateTime(published[published.Count / 2].ToOffset(SearchOrder.DateOffset).DateTime);
        var account = documents[0].Account!;
        var variants = new (string Name, Func<string, SearchRequest> Request)[]
        {
            ("relevance", text => new SearchRequest(text)),
            ("newest", text => new SearchRequest(text, Sort: SearchSort.Newest)),
            ("account + from", text => new SearchRequest(text, Accounts: [account], From: from)),
            ("newest + account + from", text => new SearchRequest(text, Sort: SearchSort.Newest, Accounts: [account], From: from)),
        };
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        for (var round = -warmup; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                for (var step = 0; step < variants.Length; step++)
                {
                    var which = (step + Math.Abs(round)) % variants.Length;
                    var request = variants[which].Request(query.Text);
                    var measured = CpuTime.Measure(() => index.Search.Search(request).Total);
                    if (round >= 0)
                    {
                        cpu[which].Add(measured.CpuMs);
                    }
                }
            }
        }

        var baseline = Percentiles.Of(cpu[0]);
        Console.WriteLine($"{BenchIndex.Describe(index.Metadata.Documents)}; thread CPU per search, {rounds} rounds of {mix.Count} queries; filter from {from:yyyy-MM-dd}");
        Console.WriteLine("| variant | p50 / p99 / mean ms | ÷ relevance p50 | ÷ relevance mean |");
        Console.WriteLine("|---|---|---:|---:|");
        for (var i = 0; i < variants.Length; i++)
        {
            var p = Percentiles.Of(cpu[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {variants[i].Name} | {p.P50:F3} / {p.P99:F3} / {p.Mean:F3} | {p.P50 / baseline.P50:F2} | {p.Mean / baseline.Mean:F2} |"));
        }
    }
}
