using System.CommandLine;
using FlinkSearch.Backups;

namespace FlinkSearch.Cli;

/// <summary><c>backup</c> and <c>restore</c>: the data dir as one <c>.tar.gz</c>, taken while servers run, unpacked into an empty data dir.</summary>
public static class BackupCommands
{
    public static Command Backup()
    {
        var dataDir = CommandLine.DataDirOption();
        var file = new Argument<string>("file") { Description = "Where to write the archive (.tar.gz); replaced only once it is complete." };
        var command = new Command("backup", "Write a consistent copy of the data dir (also while a server or a reindex runs).") { file, dataDir };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build(parsed.GetValue(dataDir));
            return await VerbFailures.RunAsync(
                async () =>
                {
                    var summary = await host.Services.GetRequiredService<DataBackup>().WriteToFileAsync(parsed.GetValue(file)!, cancellationToken);
                    Console.WriteLine($"Backed up {summary.Files} files (index generation {summary.Generation ?? "none"}) to {parsed.GetValue(file)}");
                    return ExitCodes.Ok;
                },
                cancelled: "Cancelled; no archive written.",
                failed: "Could not write the backup");
        });
        return command;
    }

    public static Command Restore()
    {
        var dataDir = CommandLine.DataDirOption();
        var file = new Argument<string>("file") { Description = "An archive written by `backup` or POST /admin/backup." };
        var command = new Command("restore", "Unpack a backup into an empty --data-dir; starting a server on it serves the same results without crawling.") { file, dataDir };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var archive = parsed.GetValue(file)!;
            if (parsed.GetValue(dataDir) is not { Length: > 0 } target)
            {
                await Console.Error.WriteLineAsync("Give the empty data directory to restore into with --data-dir <path>.");
                return ExitCodes.Usage;
            }

            if (!File.Exists(archive))
            {
                await Console.Error.WriteLineAsync($"{archive} does not exist.");
                return ExitCodes.Usage;
            }

            return await VerbFailures.RunAsync(
                async () =>
                {
                    try
                    {
                        var files = await DataRestore.RestoreAsync(archive, target, cancellationToken);
                        Console.WriteLine($"Restored {files} files into {Path.GetFullPath(target)}");
                        return ExitCodes.Ok;
                    }
                    catch (BackupException e)
                    {
                        await Console.Error.WriteLineAsync(e.Message);
                        return ExitCodes.Failed;
                    }
                },
                cancelled: "Cancelled; nothing restored.",
                failed: "Could not restore the backup");
        });
        return command;
    }
}
