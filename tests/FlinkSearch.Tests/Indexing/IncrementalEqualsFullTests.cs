using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Catalog;
using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Indexing;

/// <summary>
/// The seed catalog with a crawled body per article, reindexed after some articles changed, failed, left the list or
/// joined it: the incremental generation against a full build of the same data dir, down to the top 10 of every query
/// of the benchmark mix, as the app serves them.
/// </summary>
public sealed class IncrementalEqualsFullTests : IDisposable
{
    private static readonly DateTimeOffset FirstCrawl = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondCrawl = FirstCrawl.AddDays(1);
    private readonly TempDataDirectory incremental = new();
    private readonly TempDataDirectory full = new(withSeed: false);

    public void Dispose()
    {
        incremental.Dispose();
        full.Dispose();
    }

    [Fact]
    public async Task An_incremental_reindex_serves_the_same_documents_and_top_ten_as_a_full_build()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReindexBothAsync(ct);

        Assert.Equal((1, 0), GenerationContents.Shape(incremental));
        Assert.Equal(GenerationContents.Describe(full), GenerationContents.Describe(incremental));
        await CompareSearchesAsync(topTen: true, ct);
    }

    // Below SegmentUpkeep's share the replaced document stays in the carried-over segment as a deleted one, which still
    // counts in the term statistics: scores move by a hair and near-equal hits may swap, so only the hits are compared.
    [Fact]
    public async Task An_incremental_reindex_left_unmerged_has_the_same_documents_and_hits_as_a_full_build()
    {
        var ct = TestContext.Current.CancellationToken;
        await ReindexBothAsync(ct, changes: 1);

        Assert.Equal((2, 1), GenerationContents.Shape(incremental));
        Assert.Equal(GenerationContents.Describe(full), GenerationContents.Describe(incremental));
        await CompareSearchesAsync(topTen: false, ct);
    }

    private async Task ReindexBothAsync(CancellationToken ct, int? changes = null)
    {
        using (var host = CrawlTestHost.Build(incremental.Root))
        {
            var entries = (await host.Services.GetRequiredService<SourceCatalogLoader>().LoadAsync(ct)).Entries;
            var store = host.Services.GetRequiredService<CrawlStore>();
            for (var i = 0; i < entries.Count; i++)
            {
                await store.WriteAsync(Crawled(entries[i], Body(entries, i), FirstCrawl), ct);
            }

            await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct);

            // 8 articles re-fetched with new text, 2 failing (stale), the list's last 2 gone, 2 new in a list of their own:
            // 12 deleted documents of 110 written, past SegmentUpkeep's share, so this build ends merged.
            for (var i = 0; i < (changes ?? 8); i++)
            {
                await store.WriteAsync(Crawled(entries[i * 11], Body(entries, i * 11 + 50), SecondCrawl), ct);
            }

            if (changes is not null)
            {
                Assert.Equal(new BuildSummary(BuildSummary.Incremental, null, entries.Count - changes.Value, changes.Value, 0, 0),
                    (await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct)).Build);
                CopyInputs(incremental, full);
                await BuildFullAsync(ct);
                return;
            }

            foreach (var i in new[] { 3, 40 })
            {
                await store.WriteAsync(store.TryRead(entries[i].Id)!.WithFailure(new CrawlFailure(SecondCrawl, FailureReasons.Timeout, null, "timeout")), ct);
            }

            var seed = Path.Combine(incremental.SourcesPath, "flink.md");
            var lines = File.ReadAllLines(seed).ToList();
            var links = lines.Select((line, index) => (line, index)).Where(x => x.line.Contains("](http", StringComparison.Ordinal)).Select(x => x.index).ToList();
            lines.RemoveAt(links[^1]);
            lines.RemoveAt(links[^2]);
            File.WriteAllLines(seed, lines);
            incremental.WriteSource("extra.md", "## 新增\n\n- [Flink 反压的排查与背压指标](https://example.org/new/1)\n- [Checkpoint 对齐超时与非对齐检查点](https://example.org/new/2)\n");
            var added = (await host.Services.GetRequiredService<SourceCatalogLoader>().LoadAsync(ct)).Entries.Where(e => e.ListId != entries[0].ListId).ToList();
            foreach (var entry in added)
            {
                await store.WriteAsync(Crawled(entry, entry.Title + "。反压会让 Checkpoint 变慢，水位线也随之推迟。", SecondCrawl), ct);
            }

            var built = await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct);
            Assert.Equal(new BuildSummary(BuildSummary.Incremental, null, Carried: entries.Count - 12, Updated: 10, Added: 2, Removed: 2), built.Build);
        }

        CopyInputs(incremental, full);
        await BuildFullAsync(ct);
    }

    private async Task BuildFullAsync(CancellationToken ct)
    {
        using var host = CrawlTestHost.Build(full.Root);
        var built = await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct, full: true);
        Assert.Equal(BuildSummary.Full, built.Build!.Kind);
    }

    private async Task CompareSearchesAsync(bool topTen, CancellationToken ct)
    {
        await using var fullApp = new FlinkSearchApp(full);
        await using var incrementalApp = new FlinkSearchApp(incremental);
        var fullClient = await fullApp.StartAsync(ct);
        var incrementalClient = await incrementalApp.StartAsync(ct);
        var queries = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "bench", "queries.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2)[1])
            .ToList();
        Assert.NotEmpty(queries);
        foreach (var query in queries)
        {
            var expected = await TopAsync(fullClient, query, ct);
            var actual = await TopAsync(incrementalClient, query, ct);

            Assert.Equal(expected.Total, actual.Total);
            Assert.True(!topTen || SameTopTen(expected.Hits, actual.Hits), $"{query}: {Describe(expected.Hits)} against {Describe(actual.Hits)}");
        }
    }

    // Documents are in another order in the two indexes (replaced and new ones come last), and equal scores are ranked
    // by that order: so the top 10 must have the same scores, and each score the same ids among the 50 first hits.
    private static bool SameTopTen(IReadOnlyList<(string Id, float Score)> expected, IReadOnlyList<(string Id, float Score)> actual) =>
        expected.Take(10).Select(h => h.Score).SequenceEqual(actual.Take(10).Select(h => h.Score))
        && expected.Take(10).Select(h => h.Score).Distinct().All(score =>
            expected.Where(h => h.Score == score).Select(h => h.Id).Order().SequenceEqual(actual.Where(h => h.Score == score).Select(h => h.Id).Order()));

    private static string Describe(IEnumerable<(string Id, float Score)> hits) => string.Join(" ", hits.Take(10).Select(h => $"{h.Id[..6]}:{h.Score}"));

    private static async Task<(int Total, List<(string Id, float Score)> Hits)> TopAsync(HttpClient client, string query, CancellationToken ct)
    {
        var response = await client.GetFromJsonAsync<JsonElement>("/search?size=50&q=" + Uri.EscapeDataString(query), ct);
        var hits = response.GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("id").GetString()!, h.GetProperty("score").GetSingle())).ToList();
        return (response.GetProperty("total").GetInt32(), hits);
    }

    // Each article's body is made of the titles and notes of the articles after it, so bodies share the catalog's terms.
    private static string Body(IReadOnlyList<CatalogEntry> entries, int index) => string.Join("。",
        Enumerable.Range(1, 6).Select(k => entries[(index + k) % entries.Count]).Select(e => e.Title + (e.Note is null ? "" : "，" + e.Note)));

    private static CrawlRecord Crawled(CatalogEntry entry, string body, DateTimeOffset at) => new()
    {
        Id = entry.Id,
        Url = entry.Url,
        FetchedAt = at,
        VerifiedAt = at,
        ContentHash = body.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Article = new ExtractedArticle(entry.Title, "作者", "Flink 中文社区", FirstCrawl.AddDays(-entry.Position), null, null, body),
    };

    private static void CopyInputs(TempDataDirectory from, TempDataDirectory to)
    {
        foreach (var folder in new[] { "sources", "crawl" })
        {
            Directory.CreateDirectory(Path.Combine(to.Root, folder));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(from.Root, folder)))
            {
                File.Copy(file, Path.Combine(to.Root, folder, Path.GetFileName(file)), overwrite: true);
            }
        }

        File.Copy(Path.Combine(from.Root, "synonyms.txt"), Path.Combine(to.Root, "synonyms.txt"));
    }
}
