using FlinkSearch.Kernel;

namespace FlinkSearch.Indexing;

/// <summary>
/// Reads the sources and builds a new generation from them (incrementally unless <c>full</c>, see <see cref="IndexBuilder"/>):
/// the <c>index</c> verb, the reindex run and the first-start build.
/// </summary>
public sealed class IndexRebuilder(ArticleSource source, IndexBuilder builder, FlinkSearchMetrics metrics, TimeProvider time)
{
    public async Task<IndexMetadata> RebuildAsync(CancellationToken cancellationToken, bool allowShrink = false, bool full = false)
    {
        var started = time.GetTimestamp();
        var succeeded = false;
        try
        {
            var articles = await source.LoadAsync(cancellationToken);
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
