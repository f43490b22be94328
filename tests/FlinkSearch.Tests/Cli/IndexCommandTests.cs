using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Cli;

public sealed class IndexCommandTests
{
    [Fact]
    public async Task Index_carries_unchanged_articles_over_and_full_writes_every_one_anew()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(30);

        var first = await AppProcess.RunAsync(["index", "--data-dir", data.Root], ct);
        data.WriteSource("more.md", TestSources.Numbered("更多", 2));
        var second = await AppProcess.RunAsync(["index", "--data-dir", data.Root], ct);
        var full = await AppProcess.RunAsync(["index", "--data-dir", data.Root, "--full"], ct);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("full (there is no previous generation)", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Indexed 32 articles", second.Output, StringComparison.Ordinal);
        Assert.Contains("incremental: 30 carried over, 0 updated, 2 added, 0 removed", second.Output, StringComparison.Ordinal);
        Assert.True(full.ExitCode == 0, full.Output);
        Assert.Contains("full (a full build was asked for)", full.Output, StringComparison.Ordinal);
    }
}
