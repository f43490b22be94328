namespace FlinkSearch.Admin;

public static class AdminExtensions
{
    /// <summary>What the admin console reads that is not HTTP: the articles' crawl states.</summary>
    public static IHostApplicationBuilder AddAdminViews(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ArticleOverview>();
        return builder;
    }
}
