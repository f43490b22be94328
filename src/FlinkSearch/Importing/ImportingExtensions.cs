namespace FlinkSearch.Importing;

public static class ImportingExtensions
{
    /// <summary>Saved pages into the crawl store (needs <c>AddCrawling</c>).</summary>
    public static IHostApplicationBuilder AddImporting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageImporter>();
        return builder;
    }
}
