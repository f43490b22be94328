using FlinkSearch.Kernel;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Indexing;

/// <summary>
/// Writes a complete new generation and only then switches the pointer to it. The new generation starts as a copy of
/// the one being served, with changed articles rewritten, new ones added and unlisted ones deleted (an incremental
/// build), unless it must be written in full: on request, without a readable previous generation, or when the index
/// format, the analysis or the synonym sets differ from what the previous generation was built with.
/// </summary>
public sealed class IndexBuilder(
    IndexGenerations generations, FreeSpaceGuard freeSpace, TextAnalysis analysis, SynonymDictionary synonyms, TimeProvider time, ILogger<IndexBuilder> logger)
{
    public const string FullRequested = "a full build was asked for";

    /// <summary>
    /// Builds and switches. Unless <paramref name="allowShrink"/>, a build with under half the documents (or crawled
    /// bodies) of the generation it would replace is refused: that is what a vanished source list or a crawl that failed
    /// everywhere looks like, and serving the old index is better than serving a gutted one.
    /// </summary>
    public Task<IndexMetadata> BuildAsync(IReadOnlyList<IndexableArticle> articles, CancellationToken cancellationToken, bool allowShrink = false, bool full = false) =>
        Task.Run(() => Build(articles, allowShrink, full, cancellationToken), cancellationToken);

    private IndexMetadata Build(IReadOnlyList<IndexableArticle> articles, bool allowShrink, bool full, CancellationToken cancellationToken)
    {
        using var buildLock = generations.AcquireBuildLock();
        using var previous = OpenPrevious(out var unreadable, out var damaged);
        if (!allowShrink && previous?.Metadata is { } serving)
        {
            var crawled = articles.Count(a => a.Body is not null);
            if (articles.Count * 2 < serving.Documents || crawled * 2 < serving.Crawled)
            {
                throw new IndexRejectedException(
                    $"The new index would have {articles.Count} documents ({crawled} with bodies) against {serving.Documents} ({serving.Crawled}) now served; kept the current generation.");
            }
        }

        var cleanup = generations.DeleteUnused();
        if (cleanup.Deleted.Count > 0)
        {
            logger.LogInformation("Removed unused index generations: {Generations}", string.Join(", ", cleanup.Deleted));
        }

        if (cleanup.InUse.Count > 0)
        {
            logger.LogInformation("Kept unused index generations that another server or search still reads: {Generations}", string.Join(", ", cleanup.InUse));
        }

        freeSpace.EnsureRoomForBuild();

        var name = generations.NewGenerationName();
        var path = generations.PathOf(name);
        var started = time.GetTimestamp();
        var sets = synonyms.Current;
        var inputs = BuildInputs.Of(analysis, sets);
        var fullReason = full ? FullRequested
            : unreadable ?? (previous is null ? "there is no previous generation" : inputs.ChangedSince(previous.Metadata.Inputs));
        CarryOverPlan? plan = null;
        if (fullReason is null)
        {
            plan = CarryOverPlan.Make(previous!.ReadFingerprints(), articles);
            fullReason = plan is null ? "the articles repeat an id" : null;
        }

        logger.LogInformation("Building index generation {Generation} from {Articles} articles, {Kind}", name, articles.Count,
            fullReason is null ? $"incremental from {previous!.Metadata.Generation}" : $"full: {fullReason}");

        IndexMetadata metadata;
        try
        {
            using var analyzer = analysis.ForIndex(sets);
            using var directory = generations.OpenForWriting(name);
            var writer = new IndexWriter(directory, WriterConfig(analyzer));
            try
            {
                var build = fullReason is null
                    ? CarryOverBuild.Write(writer, previous!, plan!, analyzer, cancellationToken)
                    : WriteAll(writer, articles, analyzer, fullReason, cancellationToken);
                metadata = new IndexMetadata(name, time.GetUtcNow(), articles.Count, articles.Count(a => a.Body is not null),
                    inputs.Synonyms, inputs.Format, inputs.Analysis, build);
                writer.SetCommitData(metadata.ToCommitData());
                writer.Commit();
            }
            catch
            {
                // Closing the writer normally would commit what it holds, which on a full disk fails again and hides the first error.
                writer.Rollback();
                throw;
            }

            writer.Dispose();
            cancellationToken.ThrowIfCancellationRequested();

            // Read back whole once, here, so that opens can go by the record instead of reading it all again.
            VerifiedGeneration.VerifyAndRecord(name, path, cancellationToken);
            generations.Switch(name, damaged);
        }
        catch (Exception e)
        {
            TryDelete(path);
            if (DiskFullException.From(e, $"building index generation {name}") is { } diskFull && diskFull != e)
            {
                throw diskFull;
            }

            throw;
        }

        logger.LogInformation("Built index generation {Generation}: {Documents} documents ({Crawled} with bodies), {Build}, in {Elapsed:F0} ms",
            name, metadata.Documents, metadata.Crawled, metadata.Build, time.GetElapsedTime(started).TotalMilliseconds);
        return metadata;
    }

    private static BuildSummary WriteAll(IndexWriter writer, IReadOnlyList<IndexableArticle> articles, Analyzer analyzer, string reason, CancellationToken cancellationToken)
    {
        // The documents come checked for cancellation, one by one.
        foreach (var document in AnalyzedDocuments.InSourceOrder(articles, analyzer, cancellationToken))
        {
            writer.AddDocument(document);
        }

        // A full build is never written again, so one segment is free to keep: each query then looks every term up once
        // instead of once per segment (at 100k documents ~2.5× less search CPU, docs/benchmarks.md).
        writer.ForceMerge(1);
        return BuildSummary.FullBuild(reason, articles.Count);
    }

    // Tuned for one build that is force-merged at the end (measured at 10k articles: about a quarter less writer CPU
    // per document than the defaults): a larger buffer flushes fewer, bigger segments; flushed segments skip the compound-file
    // copy that the final merge would undo; and merges only ever join neighbouring segments, so documents keep source
    // order (TieredMergePolicy, the default, merges by size and may reorder them depending on merge timing).
    // The analyzer also sets the gaps between the values of a multi-valued field (the documents arrive analysed).
    private static IndexWriterConfig WriterConfig(Analyzer analyzer) => new(TextAnalysis.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        RAMBufferSizeMB = 64,
        UseCompoundFile = false,
        MergePolicy = new LogByteSizeMergePolicy(),
    };

    // A generation that cannot be read whole (a file missing, cut short or failing its checksum) is no base for carrying
    // over, nor a size to guard: the build is then full. Nor is it a rollback target once replaced.
    private PreviousGeneration? OpenPrevious(out string? unreadable, out bool damaged)
    {
        unreadable = null;
        damaged = false;
        try
        {
            return PreviousGeneration.Open(generations);
        }
        catch (GenerationDamagedException e)
        {
            logger.LogWarning(e, "The index generation being served is damaged; building in full");
            unreadable = "the previous generation is damaged";
            damaged = true;
            return null;
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not remove the unfinished generation {Path}", path);
        }
    }
}

/// <summary>A finished build that was not switched to because it looked broken.</summary>
public sealed class IndexRejectedException(string message) : Exception(message);
