using System.CommandLine;

namespace FlinkSearch.Cli;

/// <summary>The command-line verbs of the same executable that serves the web app.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["crawl", "index", "reindex", "search", "healthcheck"];

    /// <summary>True when the first argument is a verb other than <c>serve</c> (including a mistyped one).</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && args[0] != "serve";

    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!Verbs.Contains(args[0]) && args[0] is not ("--help" or "-h"))
        {
            await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'. Verbs: serve (default), {string.Join(", ", Verbs)}. Use --help for details.");
            return ExitCodes.Usage;
        }

        var root = new RootCommand("FlinkSearch: full-text search over Chinese Apache Flink articles.")
        {
            CrawlCommand.Create(),
            IndexCommand.Create(),
            ReindexCommand.Create(),
            SearchCommand.Create(),
            HealthCheckCommand.Create(),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return ExitCodes.Usage;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await parsed.InvokeAsync(cancellationToken: cancellation.Token);
    }

    public static Option<string?> DataDirOption() =>
        new("--data-dir") { Description = "Data root holding sources/, synonyms.txt, the crawl store and the index." };
}
