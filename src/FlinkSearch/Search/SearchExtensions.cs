using FlinkSearch.Indexing;

namespace FlinkSearch.Search;

public static class SearchExtensions
{
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RankingWeights>().BindConfiguration(RankingWeights.ConfigSection).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QueryPlanner>();
        builder.Services.AddSingleton<QueryBuilder>();
        builder.Services.AddSingleton<SpellingCorrector>();
        builder.Services.AddSingleton<SuggestService>();
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddSingleton<IndexStatus>();
        return builder;
    }
}
