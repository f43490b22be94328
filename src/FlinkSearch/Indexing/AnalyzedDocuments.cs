using Lucene.Net.Analysis;
using Lucene.Net.Documents;

namespace FlinkSearch.Indexing;

/// <summary>
/// Analysis (SmartCn above all) is most of an article's indexing cost, and an index writer fed from several threads
/// gives no guarantee of document order. So helper threads analyse articles a bounded window ahead while the caller
/// takes the finished documents one by one in source order and is the only thread that writes. Rather than wait for a
/// document, the caller analyses the next unclaimed article itself, so its core is never idle either.
/// </summary>
public sealed class AnalyzedDocuments : IDisposable
{
    private readonly IReadOnlyList<IndexableArticle> articles;
    private readonly Analyzer analyzer;
    private readonly TaskCompletionSource<Document>?[] documents; // null once taken, so the writer's past is garbage
    private readonly SemaphoreSlim room;
    private readonly CancellationTokenSource stop;
    private readonly Task[] helpers;
    private int claimed; // articles claimed so far, by a helper or the caller; always claimed in source order

    private AnalyzedDocuments(IReadOnlyList<IndexableArticle> articles, Analyzer analyzer, CancellationToken cancellationToken)
    {
        this.articles = articles;
        this.analyzer = analyzer;
        documents = new TaskCompletionSource<Document>[articles.Count];
        for (var i = 0; i < documents.Length; i++)
        {
            documents[i] = new TaskCompletionSource<Document>();
        }

        // A few articles ahead per core keep the helpers busy; the captured tokens of that many stay a few megabytes.
        room = new SemaphoreSlim(Environment.ProcessorCount * 4);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // One core is the writer's. Dedicated threads, not pool work items: idle pool workers spin while waiting for
        // work, which on two cores cost about a fifth more CPU per document.
        helpers = new Task[Math.Max(0, Environment.ProcessorCount - 1)];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Factory.StartNew(Help, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>The articles as documents in source order, each tokenized field carrying its captured tokens.</summary>
    public static IEnumerable<Document> InSourceOrder(IReadOnlyList<IndexableArticle> articles, Analyzer analyzer, CancellationToken cancellationToken)
    {
        using var pipeline = new AnalyzedDocuments(articles, analyzer, cancellationToken);
        for (var i = 0; i < articles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return pipeline.Take(i);
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

    /// <summary>Stops the helpers and waits for them: no analysis may outlive the build that wanted it.</summary>
    public void Dispose()
    {
        stop.Cancel();
        try
        {
            Task.WaitAll(helpers);
        }
        catch (AggregateException)
        {
            // Cancelled while waiting for room: the expected way for a helper to stop early.
        }

        room.Dispose();
        stop.Dispose();
    }

    private Document Take(int index)
    {
        if (Interlocked.CompareExchange(ref claimed, index + 1, index) == index)
        {
            documents[index] = null;
            return Analyze(articles[index], analyzer);
        }

        // A helper is still on this one: rather than wait, analyse the next unclaimed article, if there is room.
        var pending = documents[index]!.Task;
        while (!pending.IsCompleted && room.Wait(0) && AnalyzeNext())
        {
        }

        var document = pending.GetAwaiter().GetResult();
        documents[index] = null;
        room.Release();
        return document;
    }

    private void Help()
    {
        do
        {
            room.Wait(stop.Token);
        }
        while (AnalyzeNext());
    }

    // Claims the next article and completes its document; false when none are left. The caller holds a unit of room.
    private bool AnalyzeNext()
    {
        var index = Interlocked.Increment(ref claimed) - 1;
        if (index >= documents.Length)
        {
            return false;
        }

        try
        {
            documents[index]!.SetResult(Analyze(articles[index], analyzer));
        }
        catch (Exception e)
        {
            documents[index]!.SetException(e);
        }

        return true;
    }
}
