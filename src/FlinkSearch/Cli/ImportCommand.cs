using System.CommandLine;
using FlinkSearch.Importing;

namespace FlinkSearch.Cli;

/// <summary>Saved article pages into the crawl store, for articles the crawler cannot fetch.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var dataDir = CommandLine.DataDirOption();
        var paths = new Argument<string[]>("path") { Description = "Saved pages (.html), or directories holding them.", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string?>("--url") { Description = "The listed address of the article, when the page names neither a listed address nor a listed title (one page only)." };
        var command = new Command("import", "Store saved article pages as the articles' good copies (for pages the crawler cannot fetch).") { paths, url, dataDir };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var (files, missing) = SavedPageFiles.Expand(parsed.GetValue(paths) ?? []);
            var operatorUrl = parsed.GetValue(url);
            if (missing is not null || files.Count == 0 || (operatorUrl is not null && (files.Count > 1 || !IsWebAddress(operatorUrl))))
            {
                await Console.Error.WriteLineAsync(
                    missing is not null ? $"No such file or directory: {missing}"
                    : files.Count == 0 ? "No saved pages (.html, .htm) found."
                    : files.Count > 1 ? "--url names the article of one page; give a single file with it."
                    : $"--url must be an http(s) address: {operatorUrl}");
                return ExitCodes.Usage;
            }

            using var host = CliHost.Build(parsed.GetValue(dataDir));
            return await VerbFailures.RunAsync(
                () => RunAsync(host.Services.GetRequiredService<PageImporter>(), files, operatorUrl, cancellationToken),
                cancelled: "Cancelled; every page imported so far is stored.",
                failed: "Import failed");
        });
        return command;
    }

    private static async Task<int> RunAsync(PageImporter importer, IReadOnlyList<string> files, string? operatorUrl, CancellationToken cancellationToken)
    {
        var outcomes = new List<ImportOutcome>();
        using (var session = await importer.BeginAsync(cancellationToken))
        {
            foreach (var file in files)
            {
                var outcome = SavedPageFiles.IsArchive(file)
                    ? new ImportOutcome(Path.GetFileName(file), ImportResult.Skipped, null, null, null, "MHTML is not read; save the page as \"Webpage, complete\" or \"HTML only\"")
                    : await session.ImportAsync(await SavedPageFiles.ReadAsync(file, cancellationToken), operatorUrl, cancellationToken);
                outcomes.Add(outcome);
                Console.WriteLine(Line(outcome));
            }
        }

        var counts = Enum.GetValues<ImportResult>().Select(r => $"{outcomes.Count(o => o.Result == r)} {r.ToString().ToLowerInvariant()}");
        Console.WriteLine($"Imported {outcomes.Count(o => o.Stored)} of {outcomes.Count} page(s): {string.Join(", ", counts)}.");
        if (outcomes.Any(o => o.Result == ImportResult.Imported))
        {
            Console.WriteLine("Run the 'index' verb (or a reindex) to make the imported bodies searchable.");
        }

        return outcomes.All(o => o.Stored) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string Line(ImportOutcome outcome) => outcome.Result switch
    {
        ImportResult.Imported or ImportResult.Unchanged =>
            $"{outcome.Result.ToString().ToLowerInvariant(),-9} {outcome.Page} → {outcome.Article!.Title} ({outcome.Article.Url}), matched by {outcome.MatchedBy}",
        ImportResult.Refused => $"refused   {outcome.Page}: {outcome.Reason} ({outcome.Detail})",
        _ => $"skipped   {outcome.Page}: {outcome.Detail}",
    };

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
