using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace FlinkSearch.Indexing;

/// <summary>
/// Analysis (SmartCn above all) is most of an article's indexing cost, and an index writer fed from several threads
/// gives no guarantee of document order. So the analysis runs on the thread pool, a bounded window of articles ahead,
/// while the caller takes the finished documents one by one in source order and is the only thread that writes.
/// </summary>
public static class AnalyzedDocuments
{
    /// <summary>The articles as documents in source order, each tokenized field carrying its captured tokens.</summary>
    public static IEnumerable<Document> InSourceOrder(IReadOnlyList<IndexableArticle> articles, Analyzer analyzer, CancellationToken cancellationToken)
    {
        // Enough articles in flight to keep every core busy while the writer works on the oldest one, few enough that
        // the captured tokens stay a few megabytes.
        var window = Environment.ProcessorCount * 4;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = new Queue<Task<Document>>(window);
        var next = 0;
        try
        {
            while (next < articles.Count || pending.Count > 0)
            {
                while (next < articles.Count && pending.Count < window)
                {
                    var article = articles[next++];
                    pending.Enqueue(Task.Run(() => Analyze(article, analyzer), stop.Token));
                }

                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Left early (failure, cancellation or a caller that stopped reading): no analysis may outlive the build,
            // the analyzer may be disposed right after it.
            stop.Cancel();
            try
            {
                Task.WaitAll(pending);
            }
            catch (AggregateException)
            {
                // Cancelled, or failing after the build already failed for its own reason: nothing left to report.
            }
        }
    }

    /// <summary>The document of <paramref name="article"/> with every analysed field already tokenized.</summary>
    public static Document Analyze(IndexableArticle article, Analyzer analyzer)
    {
        var doc = ArticleDocumentMapper.ToDocument(article);
        foreach (var indexable in doc.Fields)
        {
            if (indexable is Field { FieldType: { IsIndexed: true, IsTokenized: true, NumericType: NumericType.NONE } } field
                && field.GetStringValue() is { } text)
            {
                field.SetTokenStream(CapturedTokens.Capture(analyzer, field.Name, text));
            }
        }

        return doc;
    }
}
