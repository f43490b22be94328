namespace FlinkSearch.Tests.Infrastructure;

/// <summary>One host over the seed catalog, shared by the read-only tests of a class (building the index per test costs seconds).</summary>
public class SeedSearchFixture : IAsyncLifetime
{
    private readonly TempDataDirectory data;
    private FlinkSearchApp? app;

    public SeedSearchFixture()
        : this(new TempDataDirectory())
    {
    }

    protected SeedSearchFixture(TempDataDirectory data) => this.data = data;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await PrepareAsync(data);
        app = new FlinkSearchApp(data);
        Configure(app);
        Client = await app.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Fills the data dir before the host starts (a subclass's own index, say).</summary>
    protected virtual Task PrepareAsync(TempDataDirectory directory) => Task.CompletedTask;

    /// <summary>Sets the host up before it starts (on Kestrel, say).</summary>
    protected virtual void Configure(FlinkSearchApp host)
    {
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
        GC.SuppressFinalize(this);
    }
}
