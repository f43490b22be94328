using FlinkSearch.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlinkSearch.Backups;

public static class BackupsExtensions
{
    /// <summary>Backups of the data dir, for the <c>backup</c> verb and <c>POST /admin/backup</c>.</summary>
    public static IHostApplicationBuilder AddBackups(this IHostApplicationBuilder builder)
    {
        // The command line has no analytics writer, but a backup still copies the database.
        builder.Services.TryAddSingleton<AnalyticsDatabase>();
        builder.Services.AddSingleton<DataBackup>();
        return builder;
    }
}
