using System.CommandLine;
using FlinkSearch.Indexing;
using FlinkSearch.Takedowns;

namespace FlinkSearch.Cli;

/// <summary><c>hide</c> and <c>unhide</c>: the takedown list from the command line; a running server applies a change within a second.</summary>
public static class TakedownCommands
{
    public static Command Hide()
    {
        var dataDir = CommandLine.DataDirOption();
        var article = new Argument<string>("article") { Description = "The article's id (as in search results) or its URL." };
        var reason = new Option<string?>("--reason") { Description = "Why it is hidden (shown in the admin console)." };
        var command = new Command("hide", "Take an article out of search, suggestions, related articles and the feed.") { article, reason, dataDir };
        command.SetAction(async (parsed, _) =>
        {
            var why = parsed.GetValue(reason)?.Trim();
            if (ArticleReference.ToId(parsed.GetValue(article)) is not { } id || string.IsNullOrEmpty(why) || why.Length > TakedownService.MaxReasonLength)
            {
                await Console.Error.WriteLineAsync($"Give the article's id or URL and --reason <text> (1 to {TakedownService.MaxReasonLength} characters).");
                return ExitCodes.Usage;
            }

            using var host = CliHost.Build(parsed.GetValue(dataDir));
            host.Services.GetRequiredService<ServingIndex>().Refresh();
            return await VerbFailures.RunAsync(
                async () =>
                {
                    if (host.Services.GetRequiredService<TakedownService>().Hide(id, why) is not { } takedown)
                    {
                        await Console.Error.WriteLineAsync($"The index has no article {id}; nothing hidden.");
                        return ExitCodes.Failed;
                    }

                    Console.WriteLine($"Hidden {takedown.Id} ({takedown.Title}): {takedown.Reason}");
                    return ExitCodes.Ok;
                },
                cancelled: "Cancelled; nothing changed.",
                failed: "Could not hide the article");
        });
        return command;
    }

    public static Command Unhide()
    {
        var dataDir = CommandLine.DataDirOption();
        var article = new Argument<string>("article") { Description = "The article's id (as in search results) or its URL." };
        var command = new Command("unhide", "Show a hidden article again.") { article, dataDir };
        command.SetAction(async (parsed, _) =>
        {
            if (ArticleReference.ToId(parsed.GetValue(article)) is not { } id)
            {
                await Console.Error.WriteLineAsync("Give the article's id (16 hexadecimal digits) or its URL.");
                return ExitCodes.Usage;
            }

            using var host = CliHost.Build(parsed.GetValue(dataDir));
            return await VerbFailures.RunAsync(
                async () =>
                {
                    if (!host.Services.GetRequiredService<TakedownService>().Unhide(id))
                    {
                        await Console.Error.WriteLineAsync($"Article {id} is not hidden.");
                        return ExitCodes.Failed;
                    }

                    Console.WriteLine($"Article {id} is shown again.");
                    return ExitCodes.Ok;
                },
                cancelled: "Cancelled; nothing changed.",
                failed: "Could not unhide the article");
        });
        return command;
    }
}
