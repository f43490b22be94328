using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

public sealed class BilingualSearchTests(SeedSearchFixture seed) : IClassFixture<SeedSearchFixture>
{
    // The articles about exactly-once delivery: the 精确一致性 section and the Kafka producer's guarantee.
    private static readonly string[] ExactlyOnceArticles =
    [
        "nnxznHc3urPwfZLDTIpO2Q", "zsJH392eMNiuVXCn3ypszg", "Q3Z4jafkKw9qwjlr5ViJ6g", "5RyuAU-y5Z9k_5siwnJNuA", "o7v_H_-_chBRdKu36tF0pg",
        "AprTEdzPJrS79Q2494YR7g", "Sj8mIIyuh8N9sGnjP9HIQQ", "jWDQI3WG-PS3x5djMGY_zw", "mKz-i02UKpIjP2qCvqFjqQ", "K7-Y0VLLSF1zMwcFku2WGQ",
    ];

    private Task<SearchResponse> Search(string query, string parameters = "") =>
        FlinkSearchApp.GetJsonAsync<SearchResponse>(
            seed.Client, "/search?q=" + Uri.EscapeDataString(query) + parameters, TestContext.Current.CancellationToken);

    private async Task<string[]> Top(string query, int count) => [.. (await Search(query)).Hits.Take(count).Select(hit => hit.Id).Order()];

    [Fact]
    public async Task Checkpoint_in_chinese_or_english_returns_the_same_top_articles()
    {
        Assert.Equal(await Top("checkpoint", 5), await Top("检查点", 5));
    }

    [Fact]
    public async Task Watermark_in_either_language_returns_the_same_top_articles()
    {
        var english = await Top("watermark", 8);

        Assert.Equal(8, english.Length);
        Assert.Equal(english, await Top("水位线", 8));
        Assert.Equal(english, await Top("水印", 8));
    }

    [Theory]
    [InlineData("精确一次")]
    [InlineData("exactly once")]
    [InlineData("ExactlyOnce")]
    [InlineData("端到端一致性")]
    public async Task Exactly_once_in_any_form_returns_the_exactly_once_articles_first(string query)
    {
        var response = await Search(query);

        Assert.True(response.Hits.Count >= 5);
        Assert.All(response.Hits.Take(5), hit => Assert.Contains(hit.Url.Split('/')[^1], ExactlyOnceArticles));
    }

    [Fact]
    public async Task A_question_mark_ending_a_question_is_not_a_wildcard()
    {
        var asked = await Top("Checkpoint是什么?", 3);

        Assert.NotEmpty(asked);
        Assert.Equal(await Top("Checkpoint是什么", 3), asked);
    }

    [Fact]
    public async Task Traditional_chinese_finds_what_simplified_finds()
    {
        Assert.Equal(await Top("检查点", 10), await Top("檢查點", 10));
    }

    [Fact]
    public async Task Full_width_letters_find_what_ascii_finds()
    {
        Assert.Equal(await Top("checkpoint", 10), await Top("ｃｈｅｃｋｐｏｉｎｔ", 10));
    }

    [Fact]
    public async Task A_typo_is_answered_with_the_corrected_query()
    {
        var response = await Search("checkpiont");

        Assert.Equal("checkpoint", response.Query);
        Assert.Equal("checkpiont", response.CorrectedFrom);
        Assert.Null(response.DidYouMean);
        Assert.Equal(await Top("checkpoint", 5), response.Hits.Take(5).Select(hit => hit.Id).Order().ToArray());
        Assert.Contains("<mark>Checkpoint</mark>", response.Hits[0].Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_typo_in_one_word_of_several_corrects_only_that_word()
    {
        var response = await Search("flink checkpiont");

        Assert.Equal("flink checkpoint", response.Query);
        Assert.Equal("flink checkpiont", response.CorrectedFrom);
        Assert.NotEmpty(response.Hits);
    }

    [Fact]
    public async Task Asked_for_as_typed_a_typo_only_gets_the_correction_offered()
    {
        var response = await Search("checkpiont", "&correct=false");

        Assert.Equal("checkpiont", response.Query);
        Assert.Null(response.CorrectedFrom);
        Assert.Equal("checkpoint", response.DidYouMean);
        Assert.Equal(0, response.Total);
    }

    [Fact]
    public async Task A_correction_is_offered_only_when_it_finds_more_within_the_filters()
    {
        var everywhere = await Search("checkpiont", "&correct=false&section=State%26Checkpoint");
        var elsewhere = await Search("checkpiont", "&correct=false&section=%E5%88%86%E5%8C%BA%E7%AD%96%E7%95%A5");

        Assert.Equal("checkpoint", everywhere.DidYouMean);
        // No article of the 分区策略 section is about checkpoints: the correction would find nothing more there.
        Assert.Equal(0, (await Search("checkpoint", "&section=%E5%88%86%E5%8C%BA%E7%AD%96%E7%95%A5")).Total);
        Assert.Null(elsewhere.DidYouMean);
    }

    [Fact]
    public async Task A_query_that_finds_plenty_is_neither_corrected_nor_offered_a_correction()
    {
        var response = await Search("checkpoint");

        Assert.Null(response.DidYouMean);
        Assert.Null(response.CorrectedFrom);
        Assert.Equal("checkpoint", response.Query);
    }

    [Fact]
    public async Task An_unknown_word_without_a_near_one_is_searched_as_typed()
    {
        var response = await Search("zzyzxq");

        Assert.Equal("zzyzxq", response.Query);
        Assert.Null(response.CorrectedFrom);
        Assert.Equal(0, response.Total);
    }

    [Fact]
    public async Task Synonyms_mark_the_equivalent_word_in_titles()
    {
        var response = await Search("检查点");

        Assert.Contains("<mark>Checkpoint</mark>", response.Hits[0].Title, StringComparison.OrdinalIgnoreCase);
    }
}
