namespace FlinkSearch.Search;

public static class SearchExtensions
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SynonymDictionary>();
        builder.Services.AddSingleton<ConceptQueries>();
        builder.Services.AddSingleton<QueryBuilder>();
        builder.Services.AddSingleton<SpellingCorrector>();
        builder.Services.AddSingleton<SuggestService>();
        builder.Services.AddSingleton<SnippetHighlighter>();
        builder.Services.AddSingleton<QueryStatistics>();
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddSingleton<IndexStatus>();
        return builder;
    }
}
