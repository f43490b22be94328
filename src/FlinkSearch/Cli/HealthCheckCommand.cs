using System.CommandLine;

namespace FlinkSearch.Cli;

/// <summary>For container health checks: asks the local server whether it is ready, with nothing but the app itself.</summary>
public static class HealthCheckCommand
{
    public static Command Create()
    {
        var url = new Option<string?>("--url") { Description = "Base URL of the server (default: from Urls / ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, else http://localhost:5000)." };
        var command = new Command("healthcheck", "Exit 0 when the local server answers /health/ready.") { url };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var baseUrl = parsed.GetValue(url) ?? LocalServerUrl();
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await client.GetAsync(new Uri(new Uri(baseUrl), "/health/ready"), cancellationToken);
                Console.WriteLine($"{(int)response.StatusCode} {baseUrl}");
                return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
            {
                await Console.Error.WriteLineAsync($"{baseUrl}: {e.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static string LocalServerUrl()
    {
        var urls = Environment.GetEnvironmentVariable("URLS") ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            return first.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        }

        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0];
        return string.IsNullOrWhiteSpace(port) ? "http://localhost:5000" : $"http://localhost:{port}";
    }
}
