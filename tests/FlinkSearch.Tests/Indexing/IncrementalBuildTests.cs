using FlinkSearch.Indexing;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace FlinkSearch.Tests.Indexing;

public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly DateTimeOffset Crawled = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly TempDataDirectory fresh = new(withSeed: false);

    public void Dispose()
    {
        data.Dispose();
        fresh.Dispose();
    }

    private static IndexableArticle Article(string id, int position, string body) => new(
        id, $"https://example.org/{id}", $"文章 {id}：Flink 的检查点", ["容错", "状态"], $"备注 {id}", "list", position, ArticleStatus.Ok,
        Body: body, Author: "作者", Account: "公众号", PublishedAt: Crawled.AddDays(-position), CrawledAt: Crawled);

    private static List<IndexableArticle> Articles(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Article($"a{i}", i, $"第 {i} 篇：Checkpoint 屏障对齐，水位线 watermark {i} 与滚动窗口。"))];

    [Fact]
    public async Task Unchanged_articles_are_carried_over_and_changed_removed_and_added_ones_applied_as_a_full_build_would()
    {
        var before = Articles(6);
        await BuiltIndex.BuildAsync(data, before);
        List<IndexableArticle> after =
        [
            before[0],
            before[1] with { Body = "改过的正文：反压与背压 backpressure。" },
            before[2] with { Status = ArticleStatus.Stale },
            before[4],
            before[5] with { CrawledAt = Crawled.AddDays(1) },
            Article("new", 7, "新文章：两阶段提交 two-phase commit。"),
        ];

        var incremental = await BuiltIndex.BuildAsync(data, after);

        Assert.Equal(new BuildSummary(BuildSummary.Incremental, null, Carried: 2, Updated: 3, Added: 1, Removed: 1), incremental.Build);
        Assert.Equal(6, incremental.Documents);
        await AssertSameAsFullBuildAsync(after);
    }

    [Fact]
    public async Task A_build_with_nothing_changed_carries_every_document_over()
    {
        var articles = Articles(5);
        await BuiltIndex.BuildAsync(data, articles);
        var expected = GenerationContents.Describe(data);

        var again = await BuiltIndex.BuildAsync(data, articles);

        Assert.Equal(new BuildSummary(BuildSummary.Incremental, null, 5, 0, 0, 0), again.Build);
        Assert.Equal(expected, GenerationContents.Describe(data));
    }

    [Fact]
    public async Task The_metadata_records_what_the_generation_was_built_with()
    {
        File.WriteAllText(Path.Combine(data.Root, "synonyms.txt"), "检查点, checkpoint\n");
        using var analysis = new TextAnalysis();

        var built = await BuiltIndex.BuildAsync(data, Articles(3));
        var recorded = GenerationContents.Metadata(data);

        var sets = SynonymSets.Parse(File.ReadAllLines(Path.Combine(data.Root, "synonyms.txt")));
        Assert.Equal(new BuildInputs(IndexFormat.Version, AnalysisVersion.Of(analysis), sets.Version), recorded.Inputs);
        Assert.Equal(built with { BuiltAt = recorded.BuiltAt }, recorded);
        Assert.Equal(BuildSummary.FullBuild("there is no previous generation", 3), recorded.Build);
    }

    [Fact]
    public async Task A_changed_synonyms_file_forces_a_full_build()
    {
        var synonyms = Path.Combine(data.Root, "synonyms.txt");
        File.WriteAllText(synonyms, "检查点, checkpoint\n");
        await BuiltIndex.BuildAsync(data, Articles(3));
        var unchanged = await BuiltIndex.BuildAsync(data, Articles(3));

        File.AppendAllText(synonyms, "水位线, watermark\n");
        var changed = await BuiltIndex.BuildAsync(data, Articles(3));
        var next = await BuiltIndex.BuildAsync(data, Articles(3));

        Assert.True(unchanged.Build!.IsIncremental);
        Assert.Equal(BuildSummary.FullBuild("the synonyms file changed", 3), changed.Build);
        Assert.True(next.Build!.IsIncremental, "the full build records the new synonyms, so the next build carries over again");
    }

    [Theory]
    [InlineData("format", "the index format changed")]
    [InlineData("analysis", "the analysis changed")]
    [InlineData(null, "the previous generation does not record what it was built with")]
    public async Task A_previous_generation_built_with_another_format_or_analysis_is_not_carried_over(string? recorded, string reason)
    {
        await BuiltIndex.BuildAsync(data, Articles(3));
        RewriteCommitData(commit =>
        {
            if (recorded is null)
            {
                commit.Remove("format");
                commit.Remove("analysis");
                commit.Remove("synonyms");
            }
            else
            {
                commit[recorded] = recorded == "format" ? (IndexFormat.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0123456789abcdef";
            }
        });

        var built = await BuiltIndex.BuildAsync(data, Articles(3));

        Assert.Equal(BuildSummary.Full, built.Build!.Kind);
        Assert.StartsWith(reason, built.Build.Reason);
    }

    [Fact]
    public async Task A_previous_generation_that_cannot_be_opened_counts_as_damaged_and_gets_a_full_build()
    {
        await BuiltIndex.BuildAsync(data, Articles(3));
        foreach (var file in System.IO.Directory.EnumerateFiles(CurrentPath(), "segments*"))
        {
            File.Delete(file);
        }

        var built = await BuiltIndex.BuildAsync(data, Articles(3));

        Assert.Equal(BuildSummary.FullBuild("the previous generation is damaged", 3), built.Build);
        Assert.Equal(3, GenerationContents.Metadata(data).Documents);
    }

    [Fact]
    public async Task A_full_build_is_made_when_asked_for()
    {
        await BuiltIndex.BuildAsync(data, Articles(3));

        var built = await BuiltIndex.BuildAsync(data, Articles(3), full: true);

        Assert.Equal(BuildSummary.FullBuild(IndexBuilder.FullRequested, 3), built.Build);
    }

    [Fact]
    public async Task Deleted_documents_stay_in_a_carried_over_segment_until_they_pass_their_share_then_everything_is_merged()
    {
        var articles = Articles(40);
        await BuiltIndex.BuildAsync(data, articles);

        // 1 of 40 changed: under the share, so the old segment keeps one deleted document beside a new small segment.
        articles[0] = articles[0] with { Body = "第一次修改" };
        await BuiltIndex.BuildAsync(data, articles);
        Assert.Equal((2, 1), GenerationContents.Shape(data));

        // 4 more: 5 of 44 written documents are deleted ones, over a tenth: merged into one segment without deletions.
        for (var i = 1; i <= 4; i++)
        {
            articles[i] = articles[i] with { Body = "第二次修改" };
        }

        await BuiltIndex.BuildAsync(data, articles);
        Assert.Equal((1, 0), GenerationContents.Shape(data));
        await AssertSameAsFullBuildAsync(articles);
    }

    [Fact]
    public async Task The_small_segments_of_successive_builds_are_joined_without_rewriting_the_large_one()
    {
        var articles = Articles(40);
        await BuiltIndex.BuildAsync(data, articles);

        foreach (var (index, body) in new[] { (0, "一改"), (1, "二改"), (0, "三改") })
        {
            articles[index] = articles[index] with { Body = body };
            await BuiltIndex.BuildAsync(data, articles);
        }

        // The large segment still holds its two deleted originals; the replaced first edit is merged away with its segment.
        Assert.Equal((2, 2), GenerationContents.Shape(data));
        await AssertSameAsFullBuildAsync(articles);
    }

    [Fact]
    public async Task A_failed_incremental_build_leaves_the_previous_generation_serving_and_no_files()
    {
        await BuiltIndex.BuildAsync(data, Articles(3));
        var serving = GenerationContents.Metadata(data).Generation;
        var articles = Articles(400).Select(a => a with { Body = a.Body + " 改" }).ToList();
        var failing = articles.Select((a, i) => i == 200 ? a with { Body = null, Title = null! } : a).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => BuiltIndex.BuildAsync(data, failing));

        Assert.Equal(serving, GenerationContents.Metadata(data).Generation);
        Assert.Equal([serving], System.IO.Directory.EnumerateDirectories(Path.Combine(data.Root, "index"), "gen-*").Select(Path.GetFileName));
    }

    private async Task AssertSameAsFullBuildAsync(IReadOnlyList<IndexableArticle> articles)
    {
        await BuiltIndex.BuildAsync(fresh, articles, full: true);
        Assert.Equal(GenerationContents.Describe(fresh), GenerationContents.Describe(data));
    }

    private string CurrentPath() => Path.Combine(data.Root, "index", File.ReadAllText(Path.Combine(data.Root, "index", "current")).Trim());

    private void RewriteCommitData(Action<Dictionary<string, string>> change)
    {
        using var directory = FSDirectory.Open(CurrentPath());
        Dictionary<string, string> commit;
        using (var reader = DirectoryReader.Open(directory))
        {
            commit = new Dictionary<string, string>(reader.IndexCommit.UserData);
        }

        change(commit);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, null) { OpenMode = OpenMode.APPEND });
        writer.SetCommitData(commit);
        writer.Commit();
    }
}
