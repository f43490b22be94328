using System.Net.Http.Json;
using FlinkSearch.Indexing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// The real host in memory over a data dir of its own. Extra settings override configuration keys. Rate limiting is
/// off unless a test turns it on (<c>RateLimiting:Enabled</c>): suites that send hundreds of searches to one host are
/// not about limits, and the limiter has tests of its own.
/// </summary>
public sealed class FlinkSearchApp(
    TempDataDirectory data,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public TempDataDirectory Data => data;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.UseSetting("Data:Directory", data.Root);
        // Tests start reindexes themselves; one kicked off by start-up would race them. A test can turn it back on.
        builder.UseSetting("Reindex:OnStart", "false");
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Starts the host and waits until the index is being served.</summary>
    public async Task<HttpClient> StartAsync(CancellationToken cancellationToken = default)
    {
        var client = CreateClient();
        await Services.GetRequiredService<ServingIndex>().WhenReady.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        return client;
    }

    public static async Task<T> GetJsonAsync<T>(HttpClient client, string url, CancellationToken cancellationToken = default)
    {
        var response = await client.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }
}
