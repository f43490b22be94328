using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FlinkSearch.Tests.Indexing;

/// <summary>
/// A generation is read whole once, when its build ends; opens go by that record and read it whole again in the
/// background, so damage that leaves no trace in the file system is still caught, after serving has started.
/// </summary>
public sealed class VerificationRecordTests : IDisposable
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private readonly FakeLogger<ServingIndex> log = new();
    private readonly IndexGenerations generations;

    public VerificationRecordTests() => generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);

    public void Dispose() => data.Dispose();

    private static bool OpensByRecord(string name, string path)
    {
        var (directory, reader, fullyVerified) = VerifiedGeneration.Open(name, path, trustRecord: true);
        reader.Dispose();
        directory.Dispose();
        return !fullyVerified;
    }

    [Fact]
    public async Task A_finished_build_leaves_a_record_that_the_next_open_goes_by()
    {
        var built = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var path = generations.PathOf(built);

        Assert.True(File.Exists(Path.Combine(path, VerificationMarker.FileName)));
        Assert.True(OpensByRecord(built, path));
    }

    [Fact]
    public async Task A_generation_without_a_record_is_read_whole_once_and_then_opened_by_its_new_record()
    {
        var built = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var path = generations.PathOf(built);
        File.Delete(Path.Combine(path, VerificationMarker.FileName));

        Assert.False(OpensByRecord(built, path));
        Assert.True(OpensByRecord(built, path));
    }

    [Fact]
    public async Task A_file_written_to_after_the_record_disagrees_with_it_and_is_read_whole_at_open()
    {
        var built = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var path = generations.PathOf(built);
        var file = Damage.LargestFile(path);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes); // the same bytes: only the write shows

        Assert.Equal($"{Path.GetFileName(file)} changed since it was verified", DisagreementOf(path));
        Assert.False(OpensByRecord(built, path));
    }

    [Fact]
    public async Task Damage_the_file_system_does_not_see_is_found_in_the_background_and_the_previous_generation_serves()
    {
        var sound = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        var damaged = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13))).Generation;
        Damage.FlipByteUnseen(Damage.LargestFile(generations.PathOf(damaged)));
        Assert.Null(DisagreementOf(generations.PathOf(damaged)));
        using var serving = new ServingIndex(generations, log);

        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        await serving.Verification.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(sound, serving.Metadata!.Generation);
        Assert.Equal(new IndexFallback(damaged, serving.Fallback!.Damage, sound), serving.Fallback);
        Assert.Contains("checksum failed", serving.Fallback.Damage, StringComparison.Ordinal);
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains($"{damaged} is damaged", StringComparison.Ordinal));
        Assert.Equal(RefreshOutcome.Unchanged, serving.Refresh());
        Assert.Equal(sound, serving.Metadata!.Generation);

        // The next build reads the served generation whole, whatever its record says, and so does not build on it.
        var rebuilt = await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(13));
        Assert.Equal(new BuildSummary(BuildSummary.Full, "the previous generation is damaged", 0, 0, 13, 0), rebuilt.Build);
    }

    [Fact]
    public async Task Damage_found_in_the_background_with_nothing_to_fall_back_to_leaves_nothing_served_so_that_one_is_built()
    {
        var only = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        Damage.FlipByteUnseen(Damage.LargestFile(generations.PathOf(only)));
        using var serving = new ServingIndex(generations, log);

        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        await serving.Verification.WaitAsync(TestContext.Current.CancellationToken);

        Assert.False(serving.IsReady);
        Assert.Equal(RefreshOutcome.NothingToServe, serving.Refresh());
    }

    [Fact]
    public async Task A_sound_generation_opened_by_its_record_stays_served_after_the_background_check()
    {
        var built = (await BuiltIndex.BuildAsync(data, BuiltIndex.Articles(12))).Generation;
        using var serving = new ServingIndex(generations, log);

        Assert.Equal(RefreshOutcome.Switched, serving.Refresh());
        await serving.Verification.WaitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(built, serving.Metadata!.Generation);
        Assert.Null(serving.Fallback);
        Assert.Contains(log.Collector.GetSnapshot(), r => r.Message.Contains($"{built} read whole in the background", StringComparison.Ordinal));
    }

    private static string? DisagreementOf(string path)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(path);
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        return VerificationMarker.Disagreement(directory, reader.IndexCommit.FileNames);
    }
}
