namespace FlinkSearch.Indexing;

public static class IndexingExtensions
{
    public static IHostApplicationBuilder AddIndexing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TextAnalysis>();
        builder.Services.AddSingleton<SynonymDictionary>();
        builder.Services.AddOptions<IndexSettings>().BindConfiguration(IndexSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IndexGenerations>();
        builder.Services.AddSingleton<FreeSpaceGuard>();
        builder.Services.AddSingleton<IndexBuilder>();
        builder.Services.AddSingleton<ArticleSource>();
        builder.Services.AddSingleton<IndexRebuilder>();
        builder.Services.AddSingleton<ServingIndex>();
        return builder;
    }

    /// <summary>For the web host: open (or first build) the index in the background and follow new generations.</summary>
    public static IHostApplicationBuilder AddIndexServing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<IndexServingService>();
        return builder;
    }
}
