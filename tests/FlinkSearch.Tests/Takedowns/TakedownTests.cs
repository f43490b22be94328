using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Takedowns;

public sealed class TakedownTests
{
    private const string Key = "takedown-key";

    private static FlinkSearchApp NewApp(TempDataDirectory data, string cache = "00:00:10") =>
        new(data, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key, ["OutputCache:Duration"] = cache });

    private static async Task<HttpClient> StartAsync(FlinkSearchApp app)
    {
        var client = await app.StartAsync(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    private static async Task<SearchResponse> SearchAsync(HttpClient client, string query) =>
        await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, $"/search?q={Uri.EscapeDataString(query)}&size=50", TestContext.Current.CancellationToken);

    private static Task<HttpResponseMessage> HideAsync(HttpClient client, string id, string reason = "作者要求撤下") =>
        client.PostAsJsonAsync($"/admin/articles/{id}/hidden", new { reason }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_hidden_article_leaves_search_and_suggestions_at_once_even_from_the_output_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data);
        var client = await StartAsync(app);
        var before = await SearchAsync(client, "checkpoint");
        var target = before.Hits[0];
        var title = System.Net.WebUtility.HtmlDecode(target.Title.Replace("<mark>", "").Replace("</mark>", ""));
        var suggestedBefore = await client.GetStringAsync($"/suggest?q={Uri.EscapeDataString(title[..Math.Min(10, title.Length)])}&size=20", ct);
        Assert.Contains(target.Url, suggestedBefore);

        var hidden = await HideAsync(client, target.Id);

        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        var after = await SearchAsync(client, "checkpoint");
        Assert.DoesNotContain(after.Hits, hit => hit.Id == target.Id);
        Assert.Equal(before.Total - 1, after.Total);
        Assert.Equal(before.Sections.Sum(s => s.Count) - target.Sections.Count, after.Sections.Sum(s => s.Count));
        var suggestedAfter = await client.GetStringAsync($"/suggest?q={Uri.EscapeDataString(title[..Math.Min(10, title.Length)])}&size=20", ct);
        Assert.DoesNotContain(target.Url, suggestedAfter);
        var list = await FlinkSearchApp.GetJsonAsync<List<Takedown>>(client, "/admin/hidden", ct);
        Assert.Equal(target.Id, Assert.Single(list).Id);
        Assert.Equal("作者要求撤下", list[0].Reason);
        Assert.Equal(target.Url, list[0].Url);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        Assert.Equal(1, stats.RootElement.GetProperty("hidden").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/admin/articles/{target.Id}/hidden", ct)).StatusCode);
        Assert.Contains((await SearchAsync(client, "checkpoint")).Hits, hit => hit.Id == target.Id);
    }

    [Fact]
    public async Task A_takedown_stays_across_a_rebuild_and_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        string id;
        await using (var app = NewApp(data, cache: "00:00:00"))
        {
            var client = await StartAsync(app);
            id = (await SearchAsync(client, "窗口")).Hits[0].Id;
            Assert.Equal(HttpStatusCode.OK, (await HideAsync(client, id)).StatusCode);

            var rebuilt = await app.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct, full: true);
            Assert.Equal(RefreshOutcome.Switched, app.Services.GetRequiredService<ServingIndex>().Refresh());
            var response = await client.GetAsync("/search?q=窗口&size=20", ct);
            Assert.Equal(rebuilt.Generation, response.Headers.GetValues("X-Index-Generation").Single());
            Assert.DoesNotContain((await response.Content.ReadFromJsonAsync<SearchResponse>(ct))!.Hits, hit => hit.Id == id);
        }

        await using var restarted = NewApp(data, cache: "00:00:00");
        var again = await StartAsync(restarted);
        Assert.DoesNotContain((await SearchAsync(again, "窗口")).Hits, hit => hit.Id == id);
    }

    [Fact]
    public async Task The_hide_verb_reaches_a_running_server_within_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data, cache: "00:00:00");
        var client = await StartAsync(app);
        var target = (await SearchAsync(client, "watermark")).Hits[0];

        var (exit, output) = await AppProcess.RunAsync(["hide", target.Url, "--reason", "legal notice", "--data-dir", data.Root], ct);

        Assert.True(exit == 0, output);
        await Eventually.TrueAsync(async () => (await SearchAsync(client, "watermark")).Hits.All(hit => hit.Id != target.Id), ct, TimeSpan.FromSeconds(10));
        var (unhideExit, unhideOutput) = await AppProcess.RunAsync(["unhide", target.Id, "--data-dir", data.Root], ct);
        Assert.True(unhideExit == 0, unhideOutput);
        await Eventually.TrueAsync(async () => (await SearchAsync(client, "watermark")).Hits.Any(hit => hit.Id == target.Id), ct, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData("not-an-id", "r", HttpStatusCode.BadRequest)]
    [InlineData("0123456789abcdef", "r", HttpStatusCode.NotFound)]
    [InlineData(null, "", HttpStatusCode.BadRequest)]
    public async Task Bad_takedowns_are_refused_with_a_problem(string? id, string reason, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data);
        var client = await StartAsync(app);
        id ??= (await SearchAsync(client, "flink")).Hits[0].Id;

        var response = await HideAsync(client, id, reason);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/admin/articles/0123456789abcdef/hidden", ct)).StatusCode);
    }

    [Fact]
    public async Task Verbs_check_their_arguments()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        Assert.Equal(2, (await AppProcess.RunAsync(["hide", "0123456789abcdef", "--data-dir", data.Root], ct)).ExitCode);
        Assert.Equal(2, (await AppProcess.RunAsync(["hide", "ftp://x", "--reason", "r", "--data-dir", data.Root], ct)).ExitCode);
        Assert.Equal(1, (await AppProcess.RunAsync(["unhide", "0123456789abcdef", "--data-dir", data.Root], ct)).ExitCode);
    }
}
