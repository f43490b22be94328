using System.Net;
using System.Text.Json;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

public sealed class SortAndFilterApiTests(DatedArticlesSite site) : IClassFixture<DatedArticlesSite>
{
    private Task<SearchResponse> Search(string parameters) =>
        FlinkSearchApp.GetJsonAsync<SearchResponse>(site.Client, "/search?q=flink&size=50&" + parameters, TestContext.Current.CancellationToken);

    private static string Account(string name) => "account=" + Uri.EscapeDataString(name);

    private static IEnumerable<string> Ids(SearchResponse response) => response.Hits.Select(hit => hit.Id);

    [Fact]
    public async Task Newest_orders_by_publishing_date_with_unknown_dates_last_in_relevance_order()
    {
        var relevance = await Search("");
        var newest = await Search("sort=newest");

        Assert.Equal(["may", "spring", "newyear", "old"], Ids(newest).Take(4));
        Assert.Equal(Ids(relevance).Where(id => id is "undated" or "anonymous"), Ids(newest).Skip(4));
        Assert.Equal(relevance.Total, newest.Total);
        Assert.Equal(relevance.Sections, newest.Sections);
        Assert.Equal(relevance.Accounts, newest.Accounts);
    }

    [Fact]
    public async Task Newest_pages_are_slices_of_one_order()
    {
        var all = await Search("sort=newest");
        var first = await FlinkSearchApp.GetJsonAsync<SearchResponse>(site.Client, "/search?q=flink&sort=newest&size=4&page=1", TestContext.Current.CancellationToken);
        var second = await FlinkSearchApp.GetJsonAsync<SearchResponse>(site.Client, "/search?q=flink&sort=newest&size=4&page=2", TestContext.Current.CancellationToken);

        Assert.Equal(Ids(all), Ids(first).Concat(Ids(second)));
    }

    [Fact]
    public async Task Relevance_is_the_default_order()
    {
        var unsorted = await Search("");
        var relevance = await Search("sort=relevance");
        var newest = await Search("sort=newest");

        Assert.Equal(Ids(unsorted), Ids(relevance));
        Assert.NotEqual(Ids(newest), Ids(relevance));
    }

    [Fact]
    public async Task Accounts_are_counted_over_every_match()
    {
        var response = await Search("");

        Assert.Equal(
            [new AccountCount(DatedArticles.Community, 2), new AccountCount(DatedArticles.BigData, 2), new AccountCount(DatedArticles.Realtime, 1)],
            response.Accounts);
    }

    [Fact]
    public async Task Account_filter_keeps_that_accounts_hits_and_counts_sections_over_them_but_accounts_over_all()
    {
        var all = await Search("");
        var filtered = await Search(Account(DatedArticles.BigData));

        Assert.Equal(["may", "undated"], Ids(filtered).Order(StringComparer.Ordinal));
        Assert.Equal(2, filtered.Total);
        Assert.Equal(all.Accounts, filtered.Accounts);
        Assert.Equal([new SectionCount("状态", 1), new SectionCount("窗口", 1)], filtered.Sections);
    }

    [Fact]
    public async Task Repeated_accounts_mean_any_of_them()
    {
        var response = await Search(Account(DatedArticles.BigData) + "&" + Account(DatedArticles.Realtime));

        Assert.Equal(["may", "old", "undated"], Ids(response).Order(StringComparer.Ordinal));
        Assert.Equal(3, response.Total);
    }

    [Fact]
    public async Task An_unknown_account_finds_nothing_and_still_counts_the_others()
    {
        var response = await Search(Account("没有这个号"));

        Assert.Equal(0, response.Total);
        Assert.Empty(response.Hits);
        Assert.Empty(response.Sections);
        Assert.Equal(3, response.Accounts.Count);
    }

    [Theory]
    [InlineData("from=2024-01-01", new[] { "may", "newyear", "spring" })]
    [InlineData("to=2023-12-31", new[] { "old" })]
    [InlineData("from=2024-03-01&to=2024-03-01", new[] { "spring" })]
    [InlineData("from=2023-01-01&to=2024-03-01", new[] { "newyear", "spring" })]
    [InlineData("from=2025-01-01", new string[0])]
    public async Task Date_filters_are_inclusive_days_in_china_time_and_skip_undated_articles(string parameters, string[] expected)
    {
        var response = await Search(parameters);

        Assert.Equal(expected, Ids(response).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, response.Total);
        Assert.Equal(expected.Length, response.Sections.Sum(section => section.Count));
        Assert.Equal(expected.Length, response.Accounts.Sum(account => account.Count));
    }

    [Fact]
    public async Task Filters_combine_and_each_facet_is_counted_without_its_own_filter()
    {
        var response = await Search("sort=newest&section=" + Uri.EscapeDataString("窗口") + "&" + Account(DatedArticles.Community) + "&from=2023-01-01");

        Assert.Equal(["spring", "newyear"], Ids(response));
        // Sections over the community's dated articles; accounts over the dated window articles.
        Assert.Equal([new SectionCount("窗口", 2)], response.Sections);
        Assert.Equal([new AccountCount(DatedArticles.Community, 2)], response.Accounts);
    }

    [Fact]
    public async Task Blank_values_mean_no_filter()
    {
        var all = await Search("");
        var blank = await Search("sort=&account=&from=&to=");

        Assert.Equal(Ids(all), Ids(blank));
    }

    [Theory]
    [InlineData("sort=oldest", "'sort'")]
    [InlineData("sort=Newest", "'sort'")]
    [InlineData("from=yesterday", "'from'")]
    [InlineData("from=2024-3-1", "'from'")]
    [InlineData("to=2024/03/01", "'to'")]
    [InlineData("from=2024-02-30", "'from'")]
    [InlineData("to=2024-13-01", "'to'")]
    [InlineData("from=2024-03-02&to=2024-03-01", "'from' must not be after 'to'")]
    public async Task Bad_sort_and_date_values_give_400_problem_details_naming_them(string parameters, string message)
    {
        await AssertProblem("/search?q=flink&" + parameters, message);
    }

    [Fact]
    public async Task Too_many_accounts_give_400()
    {
        var accounts = string.Join('&', Enumerable.Range(0, SearchRequest.MaxAccounts + 1).Select(i => Account("号" + i)));

        await AssertProblem("/search?q=flink&" + accounts, "'account'");
    }

    [Fact]
    public async Task An_overlong_account_name_gives_400_and_the_longest_allowed_is_searched()
    {
        await AssertProblem("/search?q=flink&" + Account(new string('号', SearchRequest.MaxAccountLength + 1)), "'account'");

        var atLimit = await Search(Account(new string('号', SearchRequest.MaxAccountLength)));
        Assert.Equal(0, atLimit.Total);
    }

    private async Task AssertProblem(string url, string message)
    {
        var response = await site.Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
