using System.Net;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Before_the_index_is_open_ready_and_search_answer_503_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(20);
        using var gate = new BlockingSourceFile(data.SourcesPath);
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?> { ["Reindex:OnStart"] = "false" });
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live", ct);
        var ready = await client.GetAsync("/health/ready", ct);
        var search = await client.GetAsync("/search?q=checkpoint", ct);
        gate.Release();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.NotNull(ready.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
        Assert.NotNull(search.Headers.RetryAfter);
        Assert.Equal("application/problem+json", search.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Once_served_ready_is_200_and_stats_count_documents()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(20);
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?> { ["Reindex:OnStart"] = "false" });
        var client = await app.StartAsync(ct);

        var ready = await client.GetAsync("/health/ready", ct);
        using var stats = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/stats", ct));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(20, stats.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(20, stats.RootElement.GetProperty("uncrawled").GetInt32());
        Assert.StartsWith("gen-", stats.RootElement.GetProperty("generation").GetString(), StringComparison.Ordinal);
    }
}
