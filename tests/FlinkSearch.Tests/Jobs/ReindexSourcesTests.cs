using FlinkSearch.Crawling;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Jobs;

public sealed class ReindexSourcesTests
{
    [Fact]
    public async Task A_reindex_reads_the_source_lists_once_and_indexes_what_it_crawled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(3);
        using var host = CrawlTestHost.Build(data.Root, new Dictionary<string, string?>(TestSources.QuickCrawl), services => services.AddSingleton<ReindexRunner>());
        // The list changes while the crawl runs: the index step must not read it again.
        var edit = new EditOnFirstPage(() => data.WriteSource("quick.md", TestSources.Numbered("快速", 7)));

        var run = await host.Services.GetRequiredService<ReindexRunner>()
            .RunAsync(ReindexRun.Queue("test", DateTime.UtcNow), _ => { }, edit, ct);

        Assert.True(edit.Edited);
        Assert.Equal(3, run.Counts.Failed);
        Assert.Equal(3, run.Counts.Indexed);
    }

    private sealed class EditOnFirstPage(Action edit) : IProgress<CrawlProgress>
    {
        public bool Edited { get; private set; }

        public void Report(CrawlProgress value)
        {
            lock (edit)
            {
                if (!Edited)
                {
                    edit();
                    Edited = true;
                }
            }
        }
    }
}
