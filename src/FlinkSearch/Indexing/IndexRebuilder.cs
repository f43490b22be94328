namespace FlinkSearch.Indexing;

/// <summary>Reads the sources and builds a new generation from them: the <c>index</c> verb and the first-start build.</summary>
public sealed class IndexRebuilder(ArticleSource source, IndexBuilder builder)
{
    public async Task<IndexMetadata> RebuildAsync(CancellationToken cancellationToken, bool allowShrink = false)
    {
        var articles = await source.LoadAsync(cancellationToken);
        return await builder.BuildAsync(articles, cancellationToken, allowShrink);
    }
}
