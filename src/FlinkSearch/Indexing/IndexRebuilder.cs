using FlinkSearch.Catalog;
using FlinkSearch.Kernel;

namespace FlinkSearch.Indexing;

/// <summary>
/// Reads the sources and builds a new generation from them (incrementally unless <c>full</c>, see <see cref="IndexBuilder"/>):
/// the <c>index</c> verb, the reindex run and the first-start build.
/// </summary>
public sealed class IndexRebuilder(ArticleSource source, IndexBuilder builder, FlinkSearchMetrics metrics, TimeProvider time)
{
    /// <summary>Builds from <paramref name="catalog"/> when given (what a reindex's crawl read), else from the lists as read now.</summary>
    public async Task<IndexMetadata> RebuildAsync(CancellationToken cancellationToken, bool allowShrink = false, bool full = false, SourceCatalog? catalog = null)
    {
        var started = time.GetTimestamp();
        var succeeded = false;
        try
        {
            var articles = await source.LoadAsync(cancellationToken, catalog);
            var metadata = await builder.BuildAsync(articles, cancellationToken, allowShrink, full);
            succeeded = true;
            return metadata;
        }
        finally
        {
            metrics.RecordIndexBuild(time.GetElapsedTime(started), succeeded);
        }
    }
}
