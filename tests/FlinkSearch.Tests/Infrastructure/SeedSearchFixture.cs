namespace FlinkSearch.Tests.Infrastructure;

/// <summary>One host over the seed catalog, shared by the read-only tests of a class (building the index per test costs seconds).</summary>
public sealed class SeedSearchFixture : IAsyncLifetime
{
    private readonly TempDataDirectory data = new();
    private FlinkSearchApp? app;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        app = new FlinkSearchApp(data);
        Client = await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
