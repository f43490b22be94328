using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Crawling;

public sealed class CrawlStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly CrawlStore store;

    public CrawlStoreTests() => store = new CrawlStore(new DataDirectory(data.Root));

    public void Dispose() => data.Dispose();

    private static CrawlRecord Good() => new()
    {
        Id = "0123456789abcdef",
        Url = "https://mp.weixin.qq.com/s/abc",
        FetchedAt = Start,
        VerifiedAt = Start,
        ContentHash = "hash",
        Article = new ExtractedArticle("标题", "作者", "公众号", Start, null, null, "正文"),
    };

    private static CrawlFailure Failure(double days, string reason) => new(Start.AddDays(days), reason, 200, reason);

    [Fact]
    public async Task A_record_round_trips_with_its_article_and_failures()
    {
        var record = Good().WithFailure(Failure(1, FailureReasons.Timeout));

        await store.WriteAsync(record, TestContext.Current.CancellationToken);
        var read = store.TryRead(record.Id)!;

        Assert.Equal(record.Article, read.Article);
        Assert.Equal(record.LastError, read.LastError);
        Assert.Equal(record.Failures, read.Failures);
        Assert.Contains("正文", File.ReadAllText(store.PathOf(record.Id)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_written_by_the_previous_version_still_loads()
    {
        Directory.CreateDirectory(store.Root);
        File.WriteAllText(store.PathOf("00aa11bb22cc33dd"), """
            {
              "version": 1,
              "id": "00aa11bb22cc33dd",
              "url": "https://mp.weixin.qq.com/s/old",
              "finalUrl": "https://mp.weixin.qq.com/s/old",
              "httpStatus": 200,
              "eTag": null,
              "lastModified": null,
              "fetchedAt": "2025-12-01T08:00:00+00:00",
              "verifiedAt": "2025-12-02T08:00:00+00:00",
              "contentHash": "abc",
              "article": { "title": "旧记录", "author": "作者", "account": "公众号", "publishedAt": "2025-11-30T00:00:00+00:00", "description": null, "coverUrl": null, "text": "旧版本写的正文" },
              "lastError": null,
              "failures": []
            }
            """);

        var record = Assert.Single(store.ReadAll().Values);

        Assert.Equal("旧版本写的正文", record.Article!.Text);
        Assert.Equal(new DateTimeOffset(2025, 12, 2, 8, 0, 0, TimeSpan.Zero), record.LastSuccessAt);
        Assert.Null(record.UnlistedSince);
    }

    [Fact]
    public async Task A_torn_temp_file_from_a_killed_write_leaves_the_record_intact_and_is_cleaned_up()
    {
        await store.WriteAsync(Good(), TestContext.Current.CancellationToken);
        var leftover = store.PathOf(Good().Id) + ".tmp-999-abc";
        File.WriteAllText(leftover, "{\"id\": \"0123");

        Assert.Equal("正文", store.ReadAll().Single().Value.Article!.Text);
        Assert.Equal(1, store.DeleteLeftovers());
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void Failures_keep_the_last_good_copy_and_a_bounded_history()
    {
        var record = Good();
        for (var i = 0; i < CrawlRecord.MaxFailures + 5; i++)
        {
            record = record.WithFailure(Failure(i, FailureReasons.Network));
        }

        Assert.Equal("正文", record.Article!.Text);
        Assert.Equal(CrawlRecord.MaxFailures, record.Failures.Count);
        Assert.Equal(record.LastError, record.Failures[^1]);
    }

    [Fact]
    public void Deleted_answers_for_longer_than_gone_after_hide_the_article()
    {
        var record = Good().WithFailure(Failure(1, FailureReasons.Deleted)).WithFailure(Failure(9, FailureReasons.Deleted));

        Assert.True(record.IsGone(Start.AddDays(9), TimeSpan.FromDays(7)));
        Assert.False(record.IsGone(Start.AddDays(7), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void Verification_pages_neither_count_toward_gone_nor_break_the_streak()
    {
        var record = Good()
            .WithFailure(Failure(1, FailureReasons.Verification))
            .WithFailure(Failure(2, FailureReasons.Violation))
            .WithFailure(Failure(5, FailureReasons.Verification))
            .WithFailure(Failure(10, FailureReasons.Deleted));
        var onlyVerification = Good().WithFailure(Failure(1, FailureReasons.Verification)).WithFailure(Failure(30, FailureReasons.Verification));

        Assert.True(record.IsGone(Start.AddDays(10), TimeSpan.FromDays(7)));
        Assert.False(record.IsGone(Start.AddDays(8), TimeSpan.FromDays(7)));
        Assert.False(onlyVerification.IsGone(Start.AddDays(30), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void Another_failure_or_a_later_success_ends_the_deleted_streak()
    {
        var interrupted = Good().WithFailure(Failure(1, FailureReasons.Deleted)).WithFailure(Failure(3, FailureReasons.Timeout)).WithFailure(Failure(9, FailureReasons.Deleted));
        var recovered = (Good().WithFailure(Failure(1, FailureReasons.Deleted)) with { LastError = null, VerifiedAt = Start.AddDays(2) })
            .WithFailure(Failure(9, FailureReasons.Deleted));

        Assert.False(interrupted.IsGone(Start.AddDays(12), TimeSpan.FromDays(7)));
        Assert.True(interrupted.IsGone(Start.AddDays(16), TimeSpan.FromDays(7)));
        Assert.False(recovered.IsGone(Start.AddDays(12), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void One_crawl_at_a_time_per_data_dir()
    {
        using var first = store.AcquireCrawlLock();

        Assert.Throws<CrawlBusyException>(() => store.AcquireCrawlLock());
    }
}
