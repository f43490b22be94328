using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FlinkSearch.Tests.Indexing;

/// <summary>Generations damaged on disk are caught by their checksums when opened, and never served or built upon.</summary>
public sealed class DamagedGenerationTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly FakeLogger<ServingIndex> log = new();
    private readonly IndexGenerations generations;

    public DamagedGenerationTests() => generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);

    public void Dispose() => data.Dispose();

    public static TheoryData<string> Kinds => Damage.Kinds;

    private ServingIndex NewServing() => new(generations, log);

    private async Task<(string Sound, string Damaged)> TwoGenerationsWithTheNewestDamaged(string kind)
    {
        var sound = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var damaged = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13))).Generation;
        Damage.Apply(kind, Damage.LargestFile(generations.PathOf(damaged)));
        return (sound, damaged);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_server_starting_on_a_damaged_generation_serves_the_previous_one_and_says_why(string kind)
    {
        var (sound, damaged) = await TwoGenerationsWithTheNewestDamaged(kind);
        using var serving = NewServing();

        var outcome = serving.Refresh();

        Assert.Equal(RefreshOutcome.FellBack, outcome);
        Assert.Equal(sound, serving.Metadata!.Generation);
        Assert.Equal(new IndexFallback(damaged, serving.Fallback!.Damage, sound), serving.Fallback);
        Assert.Contains(".dvd", serving.Fallback.Damage, StringComparison.Ordinal); // Lucene names the file that failed
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains(damaged, StringComparison.Ordinal));
        Assert.True(serving.TryAcquire(out var lease));
        using (lease)
        {
            Assert.Equal(12, lease.Searcher.IndexReader.NumDocs);
        }

        // Checked once: the next polls leave it alone until the pointer names something else.
        var errors = log.Collector.Count;
        Assert.Equal(RefreshOutcome.Unchanged, serving.Refresh());
        Assert.Equal(errors, log.Collector.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_running_server_keeps_its_generation_when_the_next_one_arrives_damaged(string kind)
    {
        var sound = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        using var serving = NewServing();
        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        var next = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(20))).Generation;
        Damage.Apply(kind, Damage.LargestFile(generations.PathOf(next)));

        Assert.Equal(RefreshOutcome.FellBack, serving.Refresh());

        Assert.Equal(sound, serving.Metadata!.Generation);
        Assert.Equal(next, serving.Fallback!.Damaged);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_next_build_after_damage_is_full_and_keeps_the_sound_generation_for_rollback(string kind)
    {
        var (sound, damaged) = await TwoGenerationsWithTheNewestDamaged(kind);

        var rebuilt = await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13));

        Assert.Equal(new BuildSummary(BuildSummary.Full, "the previous generation is damaged", 0, 0, 13, 0), rebuilt.Build);
        Assert.Equal(rebuilt.Generation, generations.Current);
        Assert.Equal(sound, generations.Previous);
        using var serving = NewServing();
        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        Assert.Null(serving.Fallback);

        // The damaged generation is no rollback target, so the build after removes it.
        await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(14));
        Assert.False(Directory.Exists(generations.PathOf(damaged)));
    }

    [Fact]
    public async Task A_damaged_current_pointer_falls_back_to_the_previous_generation()
    {
        var sound = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13));
        File.WriteAllBytes(Path.Combine(generations.Root, "current"), [0x67, 0x65, 0x6E, 0x2D, 0x00, 0xFF, 0x13]);
        using var serving = NewServing();

        Assert.Equal(RefreshOutcome.FellBack, serving.Refresh());

        Assert.Equal(sound, serving.Metadata!.Generation);
        Assert.Equal(ServingIndex.CurrentPointer, serving.Fallback!.Damaged);
        Assert.Equal("the current pointer does not name a generation", serving.Fallback.Damage);
    }

    [Fact]
    public async Task With_no_sound_generation_left_there_is_nothing_to_serve_and_a_build_starts_over()
    {
        var first = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var second = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13))).Generation;
        Damage.CutInHalf(Damage.LargestFile(generations.PathOf(first)));
        Damage.FlipByte(Damage.LargestFile(generations.PathOf(second)));
        using var serving = NewServing();

        Assert.Equal(RefreshOutcome.NothingToServe, serving.Refresh());
        Assert.False(serving.IsReady);

        var rebuilt = await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13));
        Assert.Equal(BuildSummary.Full, rebuilt.Build!.Kind);
        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        Assert.Null(serving.Fallback);
    }
}
