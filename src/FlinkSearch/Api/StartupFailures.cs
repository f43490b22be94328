using System.Net.Sockets;
using System.Reflection;
using FlinkSearch.Kernel;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Api;

/// <summary>Start-up problems a user can fix end in one line on stderr and exit code 1, not in a stack trace.</summary>
public static class StartupFailures
{
    public const int ExitCode = 1;

    /// <summary>
    /// The host would log each start-up failure with its stack trace ("Hosting failed to start"); <see cref="ExplainAsync"/>
    /// says it in one line instead. A background service that crashes later is still logged, at Critical.
    /// </summary>
    public static IHostApplicationBuilder AddStartupFailures(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    public static async Task<int> ExplainAsync(Func<Task<int>> serve)
    {
        try
        {
            return await serve();
        }
        // Only as the process itself: a test host that runs this entry point wants the exception, not an exit code.
        catch (Exception e) when (Assembly.GetEntryAssembly() == typeof(StartupFailures).Assembly && Explain(e) is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return ExitCode;
        }
    }

    private static string? Explain(Exception e) => e switch
    {
        IOException { InnerException: AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } =>
            $"{e.Message.TrimEnd('.')}: another program listens there. Choose another address with --urls, e.g. --urls http://localhost:5001",
        OptionsValidationException invalid => $"Invalid settings: {string.Join("; ", invalid.Failures)}",
        DataDirectoryException data => data.Message,
        _ => null,
    };
}
