using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>Reads what a hit shows and its body text from doc values, by the searcher's document number.</summary>
public static class StoredArticles
{
    public static StoredArticle? Read(IndexReader reader, int doc) =>
        Bytes(reader, doc, IndexFields.Display) is { Length: > 0 } bytes ? StoredArticle.Decode(bytes) : null;

    /// <summary>The body's characters (empty when the article was never crawled), without making a string of them.</summary>
    public static ReadOnlySpan<char> Body(IndexReader reader, int doc) =>
        Bytes(reader, doc, IndexFields.BodyText) is { Length: > 0 } bytes
            ? MemoryMarshal.Cast<byte, char>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length))
            : [];

    private static BytesRef? Bytes(IndexReader reader, int doc, string field)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(field) is not { } values)
        {
            return null;
        }

        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return bytes;
    }
}
