namespace FlinkSearch.Takedowns;

public static class TakedownsExtensions
{
    /// <summary>The takedown list and the filter that search, suggestions and other reader-facing features apply.</summary>
    public static IHostApplicationBuilder AddTakedowns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TakedownList>();
        builder.Services.AddSingleton<HiddenArticles>();
        builder.Services.AddSingleton<TakedownService>();
        return builder;
    }
}
