using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FlinkSearch.Tests.Search;

public sealed class SynonymDictionaryTests
{
    [Fact]
    public void Keys_ignore_case_width_script_spaces_and_hyphens()
    {
        var sets = SynonymSets.Parse(["精确一次, exactly-once"]);

        Assert.Equal(["精确一次", "exactly-once"], sets.VariantsOf(SynonymSets.KeyOf("Exactly Once")));
        Assert.NotNull(sets.VariantsOf(SynonymSets.KeyOf("ＥｘａｃｔｌｙＯｎｃｅ")));
        Assert.NotNull(sets.VariantsOf(SynonymSets.KeyOf("精確一次")));
    }

    [Fact]
    public void Comments_blank_lines_and_single_terms_are_ignored()
    {
        var sets = SynonymSets.Parse(["# 注释", "", "孤单", "水印，watermark"]);

        Assert.Single(sets.Sets);
    }

    [Fact]
    public void An_edited_file_is_picked_up_after_the_check_interval_without_a_restart()
    {
        using var data = new TempDataDirectory(withSeed: false);
        var path = Path.Combine(data.Root, "synonyms.txt");
        File.WriteAllText(path, "水印, watermark\n");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dictionary = new SynonymDictionary(new DataDirectory(data.Root), time, NullLogger<SynonymDictionary>.Instance);
        Assert.Null(dictionary.Current.VariantsOf("backpressure"));

        File.WriteAllText(path, "水印, watermark\n反压, backpressure\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        Assert.Null(dictionary.Current.VariantsOf("backpressure"));
        time.Advance(SynonymDictionary.CheckInterval);

        Assert.Equal(["反压", "backpressure"], dictionary.Current.VariantsOf("backpressure"));
    }

    [Fact]
    public async Task A_data_dir_without_synonyms_gets_the_shipped_file()
    {
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data);
        await app.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "index-data", "synonyms.txt")),
            File.ReadAllText(Path.Combine(data.Root, "synonyms.txt")));
    }

    [Fact]
    public void The_shipped_file_has_at_least_sixty_sets()
    {
        var sets = SynonymSets.Parse(File.ReadLines(Path.Combine(RepositoryPaths.Root, "index-data", "synonyms.txt")));

        Assert.True(sets.Sets.Count >= 60, $"{sets.Sets.Count} sets");
    }
}
