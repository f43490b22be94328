using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Lucene.Net.Documents;

namespace FlinkSearch.Indexing;

/// <summary>
/// A 64-bit hash of everything an article's document is made from, kept in a doc-values column so that an incremental
/// build reads all fingerprints of the previous generation without loading one stored document.
/// </summary>
/// <remarks>
/// Every field of <see cref="IndexableArticle"/> counts, <see cref="IndexableArticle.CrawledAt"/> and
/// <see cref="IndexableArticle.Status"/> included: search results show both, so a carried-over document must hold
/// today's values. That costs nothing in practice, because neither moves on a crawl that finds the article unchanged:
/// the crawler only rewrites FetchedAt when the extracted content changed (a 304 or an equal content hash keeps the
/// record's FetchedAt), and the status only moves on a change between a good fetch and a failure. Updating them in place
/// (IndexWriter.UpdateNumericDocValue) would not do: status is an indexed term, and results read both from stored fields.
/// </remarks>
public static class ArticleFingerprint
{
    public const string Field = "fingerprint";

    /// <summary>The fingerprint as the doc-values field that <see cref="ArticleDocumentMapper"/> adds to the document.</summary>
    public static NumericDocValuesField Of(IndexableArticle article) => new(Field, Compute(article));

    /// <summary>Never 0, which is what a document without the field reads as.</summary>
    public static long Compute(IndexableArticle article)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, article.Id);
        Add(hash, article.Url);
        Add(hash, article.Title);
        Add(hash, article.Sections.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var section in article.Sections)
        {
            Add(hash, section);
        }

        Add(hash, article.Note);
        Add(hash, article.ListId);
        Add(hash, article.Position.ToString(CultureInfo.InvariantCulture));
        Add(hash, article.Status);
        Add(hash, article.Body);
        Add(hash, article.Author);
        Add(hash, article.Account);
        Add(hash, article.PublishedAt?.ToString("O", CultureInfo.InvariantCulture));
        Add(hash, article.CrawledAt?.ToString("O", CultureInfo.InvariantCulture));

        Span<byte> digest = stackalloc byte[32];
        hash.GetCurrentHash(digest);
        var value = BinaryPrimitives.ReadInt64LittleEndian(digest);
        return value == 0 ? 1 : value;
    }

    // Length-prefixed (null as -1), so field boundaries are part of the hash: ("ab", "c") and ("a", "bc") differ. The
    // text goes in as UTF-16 without a copy; every platform .NET runs on is little-endian, so the bytes are the same.
    private static void Add(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, value?.Length ?? -1);
        hash.AppendData(length);
        if (value is not null)
        {
            hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        }
    }
}
