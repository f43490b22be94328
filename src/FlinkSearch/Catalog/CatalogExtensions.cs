namespace FlinkSearch.Catalog;

public static class CatalogExtensions
{
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SourceCatalogLoader>();
        return builder;
    }
}
