using FlinkSearch.Crawling;
using FlinkSearch.Importing;
using FlinkSearch.Indexing;
using FlinkSearch.Jobs;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Cli;

/// <summary>The expected ways a verb's work fails, each turned into a message on stderr and its exit code.</summary>
public static class VerbFailures
{
    public static async Task<int> RunAsync(Func<Task<int>> work, string cancelled, string failed)
    {
        try
        {
            return await work();
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"Invalid settings: {string.Join("; ", e.Failures)}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IndexBusyException or CrawlBusyException or IndexRejectedException or ReindexBusyException or ImportBusyException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(cancelled);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{failed}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
