using FlinkSearch.Catalog;
using FlinkSearch.Crawling;

namespace FlinkSearch.Importing;

/// <summary>One batch of imports under the crawl lock: each page is read by the crawler's extractors, matched, and stored.</summary>
public sealed class ImportSession(IDisposable crawlLock, ImportMatcher matcher, SourceTypes sourceTypes, CrawlStore store, TimeProvider time) : IDisposable
{
    /// <summary>Imports one page; <paramref name="operatorUrl"/> names its article when the page itself cannot be matched.</summary>
    public async Task<ImportOutcome> ImportAsync(SavedPage page, string? operatorUrl, CancellationToken cancellationToken)
    {
        var savedFrom = page.SavedFromUrl;
        var address = Address(savedFrom) ?? Address(operatorUrl) ?? new Uri("file:///" + Uri.EscapeDataString(page.Name));
        var extraction = sourceTypes.Extract(address, page.Html);
        if (extraction.Article is not { } article)
        {
            return new ImportOutcome(page.Name, ImportResult.Refused, null, null, extraction.FailureReason, extraction.Detail ?? "not an article");
        }

        var declared = savedFrom is null ? extraction.DeclaredUrls : [.. extraction.DeclaredUrls, savedFrom];
        if (matcher.Match(declared, article.Title, operatorUrl) is not { } match)
        {
            var given = declared.Count > 0 ? $" at {declared[0]}" : "";
            return new ImportOutcome(page.Name, ImportResult.Skipped, null, null, null,
                $"\"{article.Title}\"{given} matches no listed article by address or title; name its listed address with --url");
        }

        // The page's own address wins over the operator's; when they disagree, neither is guessed at.
        if (operatorUrl is not null && match.By != "--url" && matcher.Find(operatorUrl) is { } named && named.Id != match.Entry.Id)
        {
            return new ImportOutcome(page.Name, ImportResult.Skipped, null, null, null,
                $"the page is \"{match.Entry.Title}\" (by {match.By}), not the article --url names (\"{named.Title}\")");
        }

        var entry = match.Entry;
        var existing = store.TryRead(entry.Id);
        var record = (existing ?? new CrawlRecord { Id = entry.Id, Url = entry.Url }) with { Aliases = RecordAliases.With(existing?.Aliases, entry, declared) };
        var hash = CrawlRunner.ContentHash(article);
        if (existing?.Article is not null && existing.ContentHash == hash)
        {
            if (!record.Aliases.SequenceEqual(existing.Aliases))
            {
                await store.WriteAsync(record, cancellationToken);
            }

            return new ImportOutcome(page.Name, ImportResult.Unchanged, Matched(entry), match.By, null, "the stored copy has the same content");
        }

        var now = time.GetUtcNow();
        // No validators: the next crawl fetches the page in full and keeps this copy unless the content differs.
        await store.WriteAsync(record with
        {
            FinalUrl = declared.Count > 0 ? declared[0] : null,
            HttpStatus = null,
            ETag = null,
            LastModified = null,
            FetchedAt = now,
            VerifiedAt = now,
            ContentHash = hash,
            Article = article,
            Source = CopySources.Import,
            Import = new ImportedFile(page.Name, page.SavedAt),
            LastError = null,
        }, cancellationToken);
        return new ImportOutcome(page.Name, ImportResult.Imported, Matched(entry), match.By, null, $"stored as the copy of {entry.Url}");
    }

    public void Dispose() => crawlLock.Dispose();

    private static ImportedArticle Matched(CatalogEntry entry) => new(entry.Id, entry.Url, entry.Title);

    private static Uri? Address(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
