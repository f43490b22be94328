using FlinkSearch.Catalog;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

/// <summary>What the reader typed, exactly, ranks first: a whole title, and the typed form over its synonyms.</summary>
public sealed class ExactnessTests(SeedSearchFixture seed) : IClassFixture<SeedSearchFixture>
{
    private Task<SearchResponse> Search(string query) =>
        FlinkSearchApp.GetJsonAsync<SearchResponse>(seed.Client, "/search?q=" + Uri.EscapeDataString(query), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_title_searched_as_typed_finds_its_article_first()
    {
        var catalog = SourceCatalog.Merge([SourceListParser.Parse("sources/flink.md", File.ReadAllText(RepositoryPaths.SeedList), [])], []);
        var unique = catalog.Entries.GroupBy(entry => entry.Title, StringComparer.Ordinal).Where(group => group.Count() == 1).Select(group => group.Single()).ToList();
        var missed = new List<string>();
        foreach (var entry in unique)
        {
            var response = await Search(entry.Title);
            if (response.Hits.FirstOrDefault()?.Id != entry.Id)
            {
                missed.Add(entry.Title);
            }
        }

        Assert.True(unique.Count >= 90, $"only {unique.Count} unique titles");
        Assert.Empty(missed);
    }

    [Fact]
    public async Task A_title_typed_in_lower_case_without_its_punctuation_still_finds_its_article_first()
    {
        var response = await Search("exactly once 和 end to end exactly once 的区别是什么");

        Assert.EndsWith("/Q3Z4jafkKw9qwjlr5ViJ6g", response.Hits[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_form_ranks_above_articles_that_only_say_it_in_another_language()
    {
        var response = await Search("exactly-once");

        Assert.StartsWith("『<mark>exactly-once</mark>』", response.Hits[0].Title, StringComparison.Ordinal);
        var saysItAsTyped = response.Hits.Select(hit => hit.Title.Contains("exactly", StringComparison.OrdinalIgnoreCase)).ToList();
        var lastAsTyped = saysItAsTyped.LastIndexOf(true);
        var firstOtherwise = saysItAsTyped.IndexOf(false);
        Assert.True(firstOtherwise < 0 || firstOtherwise > lastAsTyped,
            $"a title saying it only as 精确一次 (hit {firstOtherwise + 1}) ranks above one saying exactly-once (hit {lastAsTyped + 1})");
    }
}
