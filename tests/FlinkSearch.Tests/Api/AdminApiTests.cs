using System.Net;
using System.Net.Http.Json;
using FlinkSearch.Api;
using FlinkSearch.Jobs;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

public sealed class AdminApiTests
{
    private const string Key = "test-admin-key";

    private static Dictionary<string, string?> WithKey(string? key) => new(TestSources.QuickCrawl) { ["Admin:ApiKey"] = key };

    [Fact]
    public async Task Admin_endpoints_are_absent_without_a_configured_key()
    {
        using var data = TestSources.Quick(20);
        await using var app = new FlinkSearchApp(data, WithKey(null));
        var client = await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await client.PostAsync("/admin/reindex", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-ke")]
    public async Task Missing_or_wrong_key_is_401(string? given)
    {
        using var data = TestSources.Quick(20);
        await using var app = new FlinkSearchApp(data, WithKey(Key));
        var client = await app.StartAsync(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reindex");
        if (given is not null)
        {
            request.Headers.Add("X-Api-Key", given);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Right_key_starts_a_run_a_second_request_conflicts_and_status_shows_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(20);
        await using var app = new FlinkSearchApp(data, WithKey(Key));
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        using var gate = new BlockingSourceFile(data.SourcesPath);

        var first = await client.PostAsync("/admin/reindex", null, ct);
        var second = await client.PostAsync("/admin/reindex", null, ct);
        gate.Release();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var accepted = (await first.Content.ReadFromJsonAsync<ReindexAccepted>(ct))!;
        Assert.Equal($"/admin/reindex/{accepted.Id}", first.Headers.Location?.OriginalString);

        var run = await WaitForEnd(client, accepted.Id, ct);
        Assert.Equal(ReindexState.Succeeded, run.State);
        Assert.Equal(20, run.Counts.Indexed);
        Assert.Equal(20, run.Counts.Failed);
        Assert.Equal(20, run.Failures["blocked-address"]);
        Assert.NotNull(run.StartedAt);
        Assert.NotNull(run.EndedAt);

        var unknown = await client.GetAsync("/admin/reindex/nope", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Runs_survive_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(20);
        string id;
        await using (var app = new FlinkSearchApp(data, WithKey(Key)))
        {
            var client = await app.StartAsync(ct);
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
            id = accepted!.Id;
            await WaitForEnd(client, id, ct);
        }

        await using (var app = new FlinkSearchApp(data, WithKey(Key)))
        {
            var client = await app.StartAsync(ct);
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var run = await client.GetFromJsonAsync<ReindexRun>($"/admin/reindex/{id}", ct);
            Assert.Equal(ReindexState.Succeeded, run!.State);
        }
    }

    internal static async Task<ReindexRun> WaitForEnd(HttpClient client, string id, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var run = (await client.GetFromJsonAsync<ReindexRun>($"/admin/reindex/{id}", ct))!;
            if (ReindexState.IsFinished(run.State))
            {
                return run;
            }

            await Task.Delay(50, ct);
        }

        throw new TimeoutException($"reindex {id} did not finish");
    }
}
