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
        var full = new Option<bool>("--full") { Description = "Write every document anew instead of carrying unchanged ones over from the generation being served." };
        var command = new Command("index", "Build a new index generation from the source lists (and crawl store) and switch to it atomically.") { dataDir, force, full };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(parsed.GetValue(dataDir));
            var data = host.Services.GetRequiredService<DataDirectory>();
            return await VerbFailures.RunAsync(
                async () =>
                {
                    var metadata = await host.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(cancellationToken, parsed.GetValue(force), parsed.GetValue(full));
                    Console.WriteLine($"Indexed {metadata.Documents} articles ({metadata.Crawled} with bodies, {metadata.Uncrawled} titles only) into {data.IndexPath} as {metadata.Generation}; {metadata.Build}.");
                    return ExitCodes.Ok;
                },
                cancelled: "Cancelled; the index being served is unchanged.",
                failed: "Indexing failed");
        });
        return command;
    }
}
