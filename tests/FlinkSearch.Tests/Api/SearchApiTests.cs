using System.Net;
using System.Text.Json;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

public sealed class SearchApiTests : IAsyncLifetime
{
    private readonly TempDataDirectory data = new();
    private FlinkSearchApp app = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        app = new FlinkSearchApp(data);
        client = await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        data.Dispose();
    }

    private Task<SearchResponse> Search(string query) =>
        FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Checkpoint_ranks_titles_that_mention_it_first()
    {
        var response = await Search("checkpoint");

        Assert.All(response.Hits.Take(5), hit => Assert.Contains("<mark>Checkpoint</mark>", hit.Title, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plural_and_case_variants_match()
    {
        var plural = await Search("Checkpoints");
        var plain = await Search("checkpoint");

        Assert.Equal(plain.Hits.Select(h => h.Id), plural.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Window_query_returns_window_articles()
    {
        var response = await Search("窗口");

        Assert.True(response.Total >= 10);
        Assert.All(response.Hits, hit => Assert.Contains("窗口", hit.Title, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("精确一次")]
    [InlineData("exactly-once")]
    public async Task Exactly_once_queries_return_exactly_once_articles(string query)
    {
        var response = await Search(query);

        Assert.NotEmpty(response.Hits);
        Assert.Equal("精确一致性", response.Hits[0].Section);
    }

    [Fact]
    public async Task Quoted_phrase_requires_adjacent_words()
    {
        var response = await Search("\"滚动窗口\"");

        Assert.NotEmpty(response.Hits);
        Assert.All(response.Hits, hit => Assert.Contains("滚动<mark>", hit.Title.Replace("</mark><mark>", "", StringComparison.Ordinal).Replace("<mark>滚动", "滚动<mark>", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paging_returns_disjoint_pages_of_the_same_result_set()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=flink&size=5&page=1", ct);
        var second = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=flink&size=5&page=2", ct);

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(5, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
    }

    [Fact]
    public async Task Section_filter_limits_hits_but_counts_cover_all_sections()
    {
        var ct = TestContext.Current.CancellationToken;
        var all = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=flink&size=50", ct);
        var filtered = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=flink&size=50&section=" + Uri.EscapeDataString("窗口"), ct);

        Assert.All(filtered.Hits, hit => Assert.Contains("窗口", hit.Sections));
        Assert.Equal(all.Sections, filtered.Sections);
        Assert.Equal(all.Sections.Single(s => s.Name == "窗口").Count, filtered.Total);
        Assert.Equal(all.Total, all.Sections.Sum(s => s.Count));
    }

    [Fact]
    public async Task Unknown_section_gives_no_hits()
    {
        var response = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=flink&section=nope", TestContext.Current.CancellationToken);

        Assert.Equal(0, response.Total);
        Assert.Empty(response.Hits);
    }

    [Fact]
    public async Task Json_keeps_chinese_readable_and_escapes_angle_brackets()
    {
        var body = await client.GetStringAsync("/search?q=checkpoint", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<", body, StringComparison.Ordinal);
        Assert.Contains("\\u003Cmark\\u003E", body, StringComparison.Ordinal);
        Assert.Contains("持久化", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=%20%20")]
    [InlineData("/search?q=flink&size=0")]
    [InlineData("/search?q=flink&size=51")]
    [InlineData("/search?q=flink&size=abc")]
    [InlineData("/search?q=flink&page=0")]
    [InlineData("/search?q=flink&page=-1")]
    [InlineData("/search?q=flink&page=21&size=50")]
    [InlineData("/search?q=flink&correct=maybe")]
    public async Task Bad_parameters_give_400_problem_details(string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Query_over_256_code_units_is_rejected_and_256_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var atLimit = await client.GetAsync("/search?q=" + new string('a', 256), ct);
        var over = await client.GetAsync("/search?q=" + string.Concat(Enumerable.Repeat("😀", 129)), ct);

        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "(((", ")))", "AND", "OR NOT", "*", "?", "~", "\\", "a:b", "title:", "[1 TO", "{a TO b}", "/regex/", "checkpoint~~2",
        "^2", "+-!", "&&||", "\u0000\u0001\u001f", "😀🚀 窗口", "Flink窗口 window окно نافذة", "\u202Echeckpoint", "\ud800",
        new string('x', 256), string.Concat(Enumerable.Repeat("窗口 ", 80)), "\"unterminated phrase", "checkpoint^", "*窗口*",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_queries_never_give_500(string query)
    {
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Ten_kilobytes_of_text_is_a_400_not_a_500()
    {
        var response = await client.GetAsync("/search?q=" + new string('窗', 10_000), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
