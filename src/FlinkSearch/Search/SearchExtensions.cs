namespace FlinkSearch.Search;

public static class SearchExtensions
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SearchResponseCache>();
        builder.Services.AddSingleton<QueryBuilder>();
        builder.Services.AddSingleton<SnippetHighlighter>();
        builder.Services.AddSingleton<QueryStatistics>();
        builder.Services.AddSingleton<SearchService>();
        return builder;
    }
}
