using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlinkSearch.Api;
using FlinkSearch.Indexing;
using FlinkSearch.Jobs;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FlinkSearch.Tests.Api;

/// <summary>What operators see of a damaged index: the server keeps answering, says so, and a reindex repairs it.</summary>
public sealed class DamagedIndexApiTests : IDisposable
{
    private const string Key = "damage-key";
    private readonly TempDataDirectory data = TestSources.Quick(20);

    public void Dispose() => data.Dispose();

    private FlinkSearchApp App() => new(
        data,
        new Dictionary<string, string?>(TestSources.QuickCrawl) { ["Admin:ApiKey"] = Key },
        services => services.AddFakeLogging());

    [Fact]
    public async Task A_damaged_generation_is_bypassed_reported_in_ready_and_stats_and_repaired_by_a_reindex()
    {
        var ct = TestContext.Current.CancellationToken;
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        var sound = await AppProcess.IndexAsync(data.Root, ct);
        data.WriteSource("more.md", TestSources.Numbered("更多", 3));
        var damaged = await AppProcess.IndexAsync(data.Root, ct);
        Damage.FlipByte(Damage.LargestFile(generations.PathOf(damaged)));

        await using var app = App();
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add(AdminApi.ApiKeyHeader, Key);

        var ready = await client.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var detail = await ready.Content.ReadAsStringAsync(ct);
        Assert.StartsWith($"Degraded: serving {sound} because {damaged} is damaged (", detail, StringComparison.Ordinal);
        using (var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct)))
        {
            Assert.Equal(sound, stats.RootElement.GetProperty("generation").GetString());
            Assert.Equal(20, stats.RootElement.GetProperty("documents").GetInt32());
            Assert.Contains(damaged, stats.RootElement.GetProperty("fallback").GetString(), StringComparison.Ordinal);
        }

        var logs = app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Error && r.Message.Contains($"{damaged} is damaged", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=" + Uri.EscapeDataString("快速"), ct)).StatusCode);

        var accepted = await (await client.PostAsync("/admin/reindex", null, ct)).Content.ReadFromJsonAsync<ReindexAccepted>(ct);
        var run = await AdminApiTests.WaitForEnd(client, accepted!.Id, ct);

        Assert.Equal(ReindexState.Succeeded, run.State);
        Assert.Equal("full (the previous generation is damaged)", run.Build);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", ct));
        using (var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct)))
        {
            Assert.Equal(run.Generation, stats.RootElement.GetProperty("generation").GetString());
            Assert.Equal(23, stats.RootElement.GetProperty("documents").GetInt32());
            Assert.Equal(JsonValueKind.Null, stats.RootElement.GetProperty("fallback").ValueKind);
        }

        Assert.Equal(sound, generations.Previous);
    }

    [Fact]
    public async Task Damage_the_file_system_does_not_see_is_found_after_start_and_reported_like_damage_found_at_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        var sound = await AppProcess.IndexAsync(data.Root, ct);
        data.WriteSource("more.md", TestSources.Numbered("更多", 3));
        var damaged = await AppProcess.IndexAsync(data.Root, ct);
        Damage.FlipByteUnseen(Damage.LargestFile(generations.PathOf(damaged)));

        await using var app = App();
        var client = await app.StartAsync(ct);
        var serving = app.Services.GetRequiredService<ServingIndex>();
        await Eventually.TrueAsync(() => serving.Fallback is not null, ct);

        Assert.StartsWith($"Degraded: serving {sound} because {damaged} is damaged (", await client.GetStringAsync("/health/ready", ct), StringComparison.Ordinal);
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        Assert.Equal(sound, stats.RootElement.GetProperty("generation").GetString());
        Assert.Equal(20, stats.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=" + Uri.EscapeDataString("快速"), ct)).StatusCode);
    }

    [Fact]
    public async Task With_every_generation_and_the_pointer_damaged_the_server_builds_anew_instead_of_failing_over_and_over()
    {
        var ct = TestContext.Current.CancellationToken;
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        var first = await AppProcess.IndexAsync(data.Root, ct);
        var second = await AppProcess.IndexAsync(data.Root, ct);
        Damage.CutInHalf(Damage.LargestFile(generations.PathOf(first)));
        Damage.CutInHalf(Path.Combine(generations.Root, "current"));

        await using var app = App();
        var client = await app.StartAsync(ct);

        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", ct));
        using var stats = JsonDocument.Parse(await client.GetStringAsync("/stats", ct));
        var served = stats.RootElement.GetProperty("generation").GetString();
        Assert.NotEqual(first, served);
        Assert.NotEqual(second, served);
        Assert.Equal(20, stats.RootElement.GetProperty("documents").GetInt32());
        var logs = app.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, r => r.Level == LogLevel.Error && r.Message.Contains("The index pointer is damaged", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Level == LogLevel.Error && r.Message.Contains($"{first} is damaged", StringComparison.Ordinal));
    }
}
