using System.Net;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api;

public sealed class SuggestApiTests(SeedSearchFixture seed) : IClassFixture<SeedSearchFixture>
{
    private Task<SuggestResponse> Suggest(string prefix, int size = 8) =>
        FlinkSearchApp.GetJsonAsync<SuggestResponse>(seed.Client, $"/suggest?size={size}&q=" + Uri.EscapeDataString(prefix), TestContext.Current.CancellationToken);

    [Fact]
    public async Task English_prefix_suggests_a_term_then_titles_with_the_prefix_marked()
    {
        var response = await Suggest("chec");

        var first = response.Suggestions[0];
        Assert.Equal(new Suggestion("Checkpoint", "<mark>Chec</mark>kpoint", Suggestion.TermKind, null), first);
        var title = response.Suggestions.First(s => s.Kind == Suggestion.TitleKind);
        Assert.StartsWith("https://mp.weixin.qq.com/s/", title.Url, StringComparison.Ordinal);
        Assert.Contains("<mark>", title.Html, StringComparison.Ordinal);
        Assert.Equal("chec", string.Concat(title.Html.Split("<mark>")[1].TakeWhile(c => c != '<')).ToLowerInvariant());
    }

    [Fact]
    public async Task One_chinese_character_is_enough()
    {
        var response = await Suggest("窗");

        Assert.Contains(response.Suggestions, s => s is { Kind: Suggestion.TermKind, Text: "窗口", Html: "<mark>窗</mark>口" });
        Assert.Contains(response.Suggestions, s => s.Kind == Suggestion.TitleKind && s.Html.Contains("<mark>窗</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_english_letter_is_not_enough()
    {
        Assert.Empty((await Suggest("c")).Suggestions);
    }

    [Fact]
    public async Task Size_limits_the_suggestions()
    {
        Assert.Equal(3, (await Suggest("flink", 3)).Suggestions.Count);
    }

    [Fact]
    public async Task Title_text_is_escaped_around_the_mark()
    {
        var response = await Suggest("flink |");

        Assert.All(response.Suggestions, s => Assert.DoesNotContain("<script", s.Html, StringComparison.OrdinalIgnoreCase));
        Assert.All(response.Suggestions, s => Assert.Equal(s.Text, System.Net.WebUtility.HtmlDecode(s.Html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("/suggest")]
    [InlineData("/suggest?q=%20")]
    [InlineData("/suggest?q=ch&size=0")]
    [InlineData("/suggest?q=ch&size=21")]
    [InlineData("/suggest?q=ch&size=x")]
    public async Task Bad_parameters_give_400_problem_details(string url)
    {
        var response = await seed.Client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Prefix_over_the_limit_is_rejected()
    {
        var response = await seed.Client.GetAsync("/suggest?q=" + new string('a', 101), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(SearchApiTests.HostileQueries), MemberType = typeof(SearchApiTests))]
    public async Task Hostile_prefixes_never_give_500(string prefix)
    {
        var response = await seed.Client.GetAsync("/suggest?q=" + Uri.EscapeDataString(prefix), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{prefix}: {(int)response.StatusCode}");
    }
}
