namespace FlinkSearch.Kernel;

/// <summary>For the web host: a data directory that cannot be written stops the start with a clear message.</summary>
public sealed class DataDirectoryCheck(DataDirectory data) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        data.EnsureWritable();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
