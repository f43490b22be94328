using System.CommandLine;
using FlinkSearch.Kernel;
using FlinkSearch.Indexing;

namespace FlinkSearch.Cli;

public static class IndexCommand
{
    public static Command Create()
    {
        var dataDir = CommandLine.DataDirOption();
        var force = new Option<bool>("--force") { Description = "Switch even when the new index is less than half the size of the one served." };
        var command = new Command("index", "Build a fresh index from the source lists (and crawl store) and switch to it atomically.") { dataDir, force };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(parsed.GetValue(dataDir));
            var data = host.Services.GetRequiredService<DataDirectory>();
            return await VerbFailures.RunAsync(
                async () =>
                {
                    var metadata = await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(cancellationToken, parsed.GetValue(force));
                    Console.WriteLine($"Indexed {metadata.Documents} articles ({metadata.Crawled} with bodies, {metadata.Uncrawled} titles only) into {data.IndexPath} as {metadata.Generation}.");
                    return ExitCodes.Ok;
                },
                cancelled: "Cancelled; the index being served is unchanged.",
                failed: "Indexing failed");
        });
        return command;
    }
}
