using System.Net;
using System.Net.Sockets;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Cli;

/// <summary>The executable as a new user meets it: asking for help, and start-up problems they can fix.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] Verbs = ["serve", "crawl", "index", "reindex", "search", "healthcheck"];

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_every_verb_on_a_line_of_its_own_and_exits_0(string word)
    {
        var (exit, output) = await AppProcess.RunAsync([word], TestContext.Current.CancellationToken);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n');
        Assert.All(Verbs, verb => Assert.Single(lines, line => line.TrimStart().StartsWith(verb + " ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_a_verb_shows_that_verbs_options()
    {
        var (exit, output) = await AppProcess.RunAsync(["help", "crawl"], TestContext.Current.CancellationToken);

        Assert.True(exit == 0, output);
        Assert.Contains("--data-dir", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_ends_in_one_line_that_names_it_and_the_urls_option()
    {
        using var data = new TempDataDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, output) = await AppProcess.RunAsync(
            ["--urls", $"http://127.0.0.1:{port}", "--data-dir", data.Root, "--Reindex:OnStart=false"], TestContext.Current.CancellationToken);

        Assert.True(exit == 1, output);
        Assert.Contains(output.Split('\n'), line => line.Contains($"127.0.0.1:{port}", StringComparison.Ordinal) && line.Contains("--urls", StringComparison.Ordinal));
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task A_data_dir_that_cannot_be_written_ends_in_one_line_and_exit_1()
    {
        using var data = new TempDataDirectory(withSeed: false);
        var file = Path.Combine(data.Root, "a-file");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);

        var (exit, output) = await AppProcess.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--data-dir", Path.Combine(file, "data")], TestContext.Current.CancellationToken);

        Assert.True(exit == 1, output);
        Assert.Contains("cannot be written", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    [Fact]
    public async Task An_invalid_setting_ends_in_one_line_and_exit_1()
    {
        using var data = new TempDataDirectory();

        var (exit, output) = await AppProcess.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--data-dir", data.Root, "--Reindex:History=0"], TestContext.Current.CancellationToken);

        Assert.True(exit == 1, output);
        Assert.Contains("Invalid settings: Reindex:History must be between 1 and 1000.", output, StringComparison.Ordinal);
        AssertNoStackTrace(output);
    }

    private static void AssertNoStackTrace(string output) =>
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
}
