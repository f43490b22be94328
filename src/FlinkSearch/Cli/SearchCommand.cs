using System.CommandLine;
using System.Globalization;
using System.Net;
using FlinkSearch.Indexing;
using FlinkSearch.Search;

namespace FlinkSearch.Cli;

public static class SearchCommand
{
    public static Command Create()
    {
        var dataDir = CommandLine.DataDirOption();
        var query = new Argument<string[]>("query") { Description = "Text to search for.", Arity = ArgumentArity.OneOrMore };
        var size = new Option<int>("--size") { Description = "How many hits to print (1-50).", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Print the top hits of the current index.") { query, size, dataDir };
        command.SetAction(async (parsed, _) =>
        {
            var words = parsed.GetValue(query) ?? [];
            if (words.FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"Unknown option '{unknown}' for 'search'. Use --help for the options.");
                return ExitCodes.Usage;
            }

            var text = string.Join(' ', words).Trim();
            var count = parsed.GetValue(size);
            if (text.Length == 0 || text.Length > SearchRequest.MaxQueryLength || count is < 1 or > SearchRequest.MaxSize)
            {
                await Console.Error.WriteLineAsync($"Give a query of 1 to {SearchRequest.MaxQueryLength} characters and --size from 1 to {SearchRequest.MaxSize}.");
                return ExitCodes.Usage;
            }

            using var host = CliHost.Build(parsed.GetValue(dataDir));
            var index = host.Services.GetRequiredService<ServingIndex>();
            index.Refresh();
            if (!index.IsReady)
            {
                await Console.Error.WriteLineAsync("No index yet: run the 'index' verb (or start the server) first.");
                return ExitCodes.Failed;
            }

            var response = host.Services.GetRequiredService<SearchService>().Search(new SearchRequest(text, 1, count));
            Console.WriteLine($"{response.Total} hit(s) for \"{text}\" in {response.TookMs.ToString(CultureInfo.InvariantCulture)} ms");
            var rank = 0;
            foreach (var hit in response.Hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{++rank,3}. {hit.Score,7:F3}  {PlainText(hit.Title)}"));
                Console.WriteLine($"     {hit.Url}  [{string.Join(", ", hit.Sections)}]");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string PlainText(string html) => WebUtility.HtmlDecode(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));
}
