namespace FlinkSearch.Tests.Infrastructure;

/// <summary>A test class with a fresh host per test over its own data dir, started and serving before each test runs.</summary>
public abstract class HostedAppTest : IAsyncLifetime
{
    /// <summary>For load and fuzz tests: no rate limit (said explicitly) and no line per request in the log.</summary>
    protected static readonly IReadOnlyDictionary<string, string?> LoadTestSettings = new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "false",
        ["Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware"] = "Warning",
    };

    protected TempDataDirectory Data { get; } = new();

    protected FlinkSearchApp App { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration keys to override for this class's hosts.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>True to serve over a real loopback socket (Kestrel) instead of the in-memory test server.</summary>
    protected virtual bool OverSocket => false;

    public async ValueTask InitializeAsync()
    {
        App = new FlinkSearchApp(Data, Settings);
        if (OverSocket)
        {
            App.UseKestrel(0);
        }

        Client = await App.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        Data.Dispose();
        GC.SuppressFinalize(this);
    }
}
