namespace FlinkSearch.Feed;

public static class FeedExtensions
{
    /// <summary>The Atom feed of the newest articles, for <c>GET /feed.xml</c>.</summary>
    public static IHostApplicationBuilder AddFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NewArticles>();
        return builder;
    }
}
