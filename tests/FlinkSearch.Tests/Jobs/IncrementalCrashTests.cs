using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Jobs;

public sealed class IncrementalCrashTests
{
    [Fact]
    public async Task A_process_killed_during_an_incremental_build_leaves_the_previous_generation_serving_and_carrying_over()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = TestSources.Quick(100);
        var complete = await AppProcess.IndexAsync(data.Root, ct);
        var indexRoot = Path.Combine(data.Root, "index");

        // 5,000 new articles on top of the 100 carried over keep the build going for a few seconds; the builder's start
        // line (logged only when asked for) says that this build is the incremental one, so the kill lands inside it.
        data.WriteSource("large.md", TestSources.Numbered("large", 5_000, "大列表"));
        var verbose = new Dictionary<string, string> { ["Logging__Console__LogLevel__FlinkSearch.Indexing.IndexBuilder"] = "Information" };
        await using (var build = AppProcess.Start(["index", "--data-dir", data.Root], verbose))
        {
            await Eventually.TrueAsync(() => build.Output.Contains($"incremental from {complete}", StringComparison.Ordinal) || build.HasExited, ct, TimeSpan.FromMinutes(2));
            Assert.False(build.HasExited, build.Output);
            await build.KillAsync();
        }

        Assert.Equal(complete, File.ReadAllText(Path.Combine(indexRoot, "current")).Trim());
        await using (var server = AppProcess.Start(["--urls", "http://127.0.0.1:0", "--data-dir", data.Root], new Dictionary<string, string> { ["Reindex__OnStart"] = "false" }))
        {
            using var client = await server.WaitUntilListeningAsync(ct);
            await Eventually.ReadyAsync(client, ct);
            using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));

            Assert.Equal(complete, stats.RootElement.GetProperty("generation").GetString());
            Assert.Equal(100, stats.RootElement.GetProperty("documents").GetInt32());
            Assert.Equal([complete], Directory.EnumerateDirectories(indexRoot, "gen-*").Select(Path.GetFileName));
        }

        File.Delete(Path.Combine(data.SourcesPath, "large.md"));
        var (again, text) = await AppProcess.RunAsync(["index", "--data-dir", data.Root], ct);
        Assert.True(again == 0, text);
        Assert.Contains("incremental: 100 carried over, 0 updated, 0 added, 0 removed", text, StringComparison.Ordinal);
    }
}
