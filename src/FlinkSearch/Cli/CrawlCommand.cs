using System.CommandLine;
using System.Globalization;
using FlinkSearch.Crawling;

namespace FlinkSearch.Cli;

public static class CrawlCommand
{
    public static Command Create()
    {
        var dataDir = CommandLine.DataDirOption();
        var command = new Command("crawl", "Fetch every source URL into the crawl store (a failed page keeps its last good copy).") { dataDir };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(parsed.GetValue(dataDir));
            return await VerbFailures.RunAsync(
                async () =>
                {
                    var runner = host.Services.GetRequiredService<CrawlRunner>();
                    var display = new CrawlProgressDisplay(Console.Out, live: !Console.IsOutputRedirected);
                    var summary = await runner.RunAsync(display, cancellationToken);
                    PrintSummary(summary);
                    return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
                },
                cancelled: "Cancelled; every record written so far is complete, the rest keep their previous copy.",
                failed: "Crawl failed");
        });
        return command;
    }

    private static void PrintSummary(CrawlSummary summary)
    {
        var reasons = summary.FailedByReason.Count == 0
            ? ""
            : " (" + string.Join(", ", summary.FailedByReason.Select(r => $"{r.Key} {r.Value}")) + ")";
        var forgotten = summary.Forgotten == 0 ? "" : $" Forgot {summary.Forgotten} record(s) of URLs no longer listed.";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Crawled {summary.Total} URLs in {summary.Elapsed.TotalSeconds:F1} s: {summary.Fetched} fetched, {summary.Unchanged} unchanged, {summary.Failed} failed{reasons}.{forgotten}"));
        foreach (var failure in summary.Failures)
        {
            Console.WriteLine($"  {failure.Reason,-16} {failure.Url}");
        }
    }
}
