namespace FlinkSearch.Related;

public static class RelatedExtensions
{
    /// <summary>Related articles of an article (MoreLikeThis over title and body), for <c>GET /articles/{id}/related</c>.</summary>
    public static IHostApplicationBuilder AddRelated(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RelatedArticles>();
        return builder;
    }
}
