namespace FlinkSearch.Analytics;

public static class AnalyticsExtensions
{
    /// <summary>Search analytics in <c>analytics.db</c>: recorded by the search endpoints, read by <c>/stats</c> and the console.</summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AnalyticsDatabase>();
        builder.Services.AddSingleton<SearchAnalytics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchAnalytics>());
        return builder;
    }
}
