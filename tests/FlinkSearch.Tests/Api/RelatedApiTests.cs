using System.Net;
using System.Net.Http.Json;
using FlinkSearch.Related;
using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api;

/// <summary><c>GET /articles/{id}/related</c> over the seed catalog (titles, sections, notes), read-only.</summary>
public sealed class RelatedApiTests(SeedSearchFixture seed) : IClassFixture<SeedSearchFixture>
{
    public const string WindowTitle = "Flink 为什么需要窗口（Window）？";
    public const string WindowUrl = "https://mp.weixin.qq.com/s/pbtBi7QEY5cI27bX_RExSQ";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The id of the seed article at <paramref name="url"/>, as a search for its title gives it.</summary>
    public static async Task<string> IdOfAsync(HttpClient client, string title, string url)
    {
        var response = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?size=50&q=" + Uri.EscapeDataString(title), Cancellation);
        return response.Hits.Single(hit => hit.Url == url).Id;
    }

    /// <summary>A window article says so in its section, its title or its note.</summary>
    public static bool IsAboutWindows(SearchHit hit) =>
        hit.Sections.Contains("窗口") || hit.Title.Contains("窗口", StringComparison.Ordinal) || hit.Title.Contains("window", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task The_related_articles_of_a_window_article_are_window_articles_and_not_itself()
    {
        var id = await IdOfAsync(seed.Client, WindowTitle, WindowUrl);

        var related = await FlinkSearchApp.GetJsonAsync<RelatedResult>(seed.Client, $"/articles/{id}/related?size=5", Cancellation);

        Assert.Equal(id, related.Id);
        Assert.Equal(5, related.Hits.Count);
        Assert.DoesNotContain(related.Hits, hit => hit.Id == id);
        Assert.All(related.Hits, hit => Assert.True(IsAboutWindows(hit), $"not a window article: {hit.Title} ({hit.Section})"));
        Assert.Equal(related.Hits.Select(hit => hit.Score).OrderDescending(), related.Hits.Select(hit => hit.Score));
        Assert.All(related.Hits, hit => Assert.DoesNotContain("<mark>", hit.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_related_articles_of_a_checkpoint_article_are_about_state_and_checkpoints()
    {
        var id = await IdOfAsync(seed.Client, "Flink进阶之Checkpoint的高级选项详解！", "https://mp.weixin.qq.com/s/OOkC0nRxN5P0YasJsP7MBA");

        var related = await FlinkSearchApp.GetJsonAsync<RelatedResult>(seed.Client, $"/articles/{id}/related", Cancellation);

        Assert.Equal(RelatedArticles.DefaultSize, related.Hits.Count);
        Assert.All(related.Hits, hit => Assert.Contains("State&Checkpoint", hit.Sections));
    }

    [Fact]
    public async Task An_unknown_id_is_404_with_problem_details()
    {
        var response = await seed.Client.GetAsync("/articles/no-such-article/related", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Cancellation);
        Assert.Contains("no-such-article", problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task A_bad_size_is_400_with_problem_details(string size)
    {
        var id = await IdOfAsync(seed.Client, WindowTitle, WindowUrl);

        var response = await seed.Client.GetAsync($"/articles/{id}/related?size={size}", Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("size", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Cancellation))!.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_api_document_lists_the_related_articles_and_the_feed()
    {
        var document = await seed.Client.GetStringAsync("/openapi/v1.json", Cancellation);

        Assert.Contains("\"/articles/{id}/related\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/feed.xml\"", document, StringComparison.Ordinal);
    }
}

/// <summary>Related articles and takedowns; each test its own host, since hiding changes what it serves.</summary>
public sealed class RelatedTakedownTests : HostedAppTest
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hidden_article_is_never_related_and_has_no_related_articles()
    {
        var id = await RelatedApiTests.IdOfAsync(Client, RelatedApiTests.WindowTitle, RelatedApiTests.WindowUrl);
        var before = await FlinkSearchApp.GetJsonAsync<RelatedResult>(Client, $"/articles/{id}/related?size=5", Cancellation);
        var takedowns = App.Services.GetRequiredService<TakedownService>();
        var hidden = before.Hits[0].Id;
        Assert.NotNull(takedowns.Hide(hidden, "test"));

        var after = await FlinkSearchApp.GetJsonAsync<RelatedResult>(Client, $"/articles/{id}/related?size=5", Cancellation);

        Assert.DoesNotContain(after.Hits, hit => hit.Id == hidden);
        Assert.Equal(5, after.Hits.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/articles/{hidden}/related", Cancellation)).StatusCode);
    }
}
