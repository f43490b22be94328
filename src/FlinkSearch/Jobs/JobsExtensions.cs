using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

public static class JobsExtensions
{
    /// <summary>The reindex pipeline shared by the CLI and the server.</summary>
    public static IHostApplicationBuilder AddReindexing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReindexOptions>().BindConfiguration(ReindexOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReindexOptions>, ReindexOptionsValidator>();
        builder.Services.AddSingleton<ReindexRunner>();
        builder.Services.AddSingleton<ReindexHistory>();
        return builder;
    }

    /// <summary>For the web host: background runs, the schedule, and the run history.</summary>
    public static IHostApplicationBuilder AddReindexJobs(this IHostApplicationBuilder builder)
    {
        builder.AddReindexing();
        builder.Services.AddSingleton<ReindexCoordinator>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReindexCoordinator>());
        builder.Services.AddSingleton<ScheduleOwnership>();
        builder.Services.AddSingleton<ReindexScheduler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReindexScheduler>());
        builder.Services.AddHostedService<ReindexOnStart>();
        return builder;
    }
}
