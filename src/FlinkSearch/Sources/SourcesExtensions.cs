using FlinkSearch.Crawling;

namespace FlinkSearch.Sources;

public static class SourcesExtensions
{
    /// <summary>The source types, one line each, in the order they are asked (see <see cref="ISourceType"/>). Needs <c>AddCrawling</c>.</summary>
    public static IHostApplicationBuilder AddSources(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISourceType, LinkListSource>();
        builder.Services.AddSingleton<ISourceType, WeChatSource>();
        builder.Services.AddSingleton<ISourceType, FeedSource>();
        return builder;
    }
}
