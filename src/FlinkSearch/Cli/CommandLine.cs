using System.CommandLine;

namespace FlinkSearch.Cli;

/// <summary>The command-line verbs of the same executable that serves the web app.</summary>
public static class CommandLine
{
    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    /// <summary>True when the first argument is a verb other than <c>serve</c> (including a mistyped one) or asks for help.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || (!args[0].StartsWith('-') && args[0] != "serve"));

    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("FlinkSearch: full-text search over Chinese Apache Flink articles.")
        {
            CrawlCommand.Create(),
            IndexCommand.Create(),
            ReindexCommand.Create(),
            ImportCommand.Create(),
            SearchCommand.Create(),
            HealthCheckCommand.Create(),
            TakedownCommands.Hide(),
            TakedownCommands.Unhide(),
            BackupCommands.Backup(),
            BackupCommands.Restore(),
        };

        if (HelpWords.Contains(args[0]))
        {
            // `help crawl` is `crawl --help`; `help`, `--help` and `-h` alone list the verbs.
            if (args is ["help", var verb, ..] && root.Subcommands.Any(c => c.Name == verb))
            {
                return await root.Parse([verb, "--help"]).InvokeAsync();
            }

            Console.Write(VerbList(root));
            return ExitCodes.Ok;
        }

        if (root.Subcommands.All(c => c.Name != args[0]))
        {
            await Console.Error.WriteLineAsync(
                $"Unknown verb '{args[0]}'. Verbs: serve (default), {string.Join(", ", root.Subcommands.Select(c => c.Name))}. Use --help for details.");
            return ExitCodes.Usage;
        }

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

    private static string VerbList(RootCommand root)
    {
        var verbs = new List<(string Name, string Description)>
        {
            ("serve", "The web host, the default verb (--urls <address>, --data-dir <path>, any Section:Key=value setting)."),
        };
        verbs.AddRange(root.Subcommands.Select(c => (c.Name, c.Description ?? "")));
        var width = verbs.Max(v => v.Name.Length) + 2;
        return $"""
            {root.Description}

            Usage: FlinkSearch [verb] [options]

            Verbs:
            {string.Join(Environment.NewLine, verbs.Select(v => "  " + v.Name.PadRight(width) + v.Description))}

            'FlinkSearch <verb> --help' (or 'help <verb>') shows a verb's options.

            """;
    }
}
