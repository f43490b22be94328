using System.CommandLine;
using FlinkSearch.Jobs;

namespace FlinkSearch.Cli;

/// <summary>The same crawl-then-index run as the schedule and the admin API, from the command line.</summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var dataDir = CommandLine.DataDirOption();
        var full = new Option<bool>("--full") { Description = "Write every document anew instead of carrying unchanged ones over from the generation being served." };
        var command = new Command("reindex", "Crawl every source URL, then build a new index generation and switch to it.") { dataDir, full };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(parsed.GetValue(dataDir));
            var history = host.Services.GetRequiredService<ReindexHistory>();
            var time = host.Services.GetRequiredService<TimeProvider>();
            var run = ReindexRun.Queue("cli", time.GetUtcNow().UtcDateTime);
            return await VerbFailures.RunAsync(
                async () =>
                {
                    try
                    {
                        var display = new CrawlProgressDisplay(Console.Out, live: !Console.IsOutputRedirected);
                        run = await host.Services.GetRequiredService<ReindexRunner>().RunAsync(run, r => history.Save(run = r), display, cancellationToken, parsed.GetValue(full));
                        history.Save(run);
                    }
                    catch (Exception e)
                    {
                        history.Save(run.End(ReindexState.After(e), e.Message, time.GetUtcNow().UtcDateTime));
                        throw;
                    }

                    var reasons = run.Failures.Count == 0 ? "" : " (" + string.Join(", ", run.Failures.Select(f => $"{f.Key} {f.Value}")) + ")";
                    var forgotten = run.Counts.Forgotten == 0 ? "" : $", {run.Counts.Forgotten} unlisted forgotten";
                    Console.WriteLine($"Reindexed: {run.Counts.Fetched} fetched, {run.Counts.Unchanged} unchanged, {run.Counts.Failed} failed{reasons}{forgotten}; " +
                        $"{run.Counts.Indexed} articles indexed as {run.Generation}; {run.Build}.");
                    return run.Counts.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
                },
                cancelled: "Cancelled; the index being served is unchanged and every crawl record written is complete.",
                failed: "Reindex failed");
        });
        return command;
    }
}
