using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FlinkSearch.Tests.Indexing;

/// <summary>
/// Everything the served generation of a data dir holds about its live documents, keyed by article id instead of doc
/// id so that two indexes with the same documents in another order compare equal: stored fields, every indexed term
/// with its frequency, positions and offsets, norms, doc values (numeric, binary, sorted sets) and term vectors.
/// Independent of the field layout.
/// </summary>
public static class GenerationContents
{
    public static List<string> Describe(TempDataDirectory data)
    {
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        using var directory = FSDirectory.Open(generations.PathOf(generations.Current!));
        using var reader = DirectoryReader.Open(directory);
        var lines = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            Describe(leaf.AtomicReader, lines);
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    public static IndexMetadata Metadata(TempDataDirectory data)
    {
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        using var directory = FSDirectory.Open(generations.PathOf(generations.Current!));
        using var reader = DirectoryReader.Open(directory);
        return IndexMetadata.FromCommitData(generations.Current!, reader.IndexCommit.UserData, reader.NumDocs);
    }

    /// <summary>Segments and deleted documents of the served generation.</summary>
    public static (int Segments, int Deleted) Shape(TempDataDirectory data)
    {
        var generations = new IndexGenerations(new DataDirectory(data.Root), TimeProvider.System);
        using var directory = FSDirectory.Open(generations.PathOf(generations.Current!));
        using var reader = DirectoryReader.Open(directory);
        return (reader.Leaves.Count, reader.NumDeletedDocs);
    }

    private static void Describe(AtomicReader segment, List<string> lines)
    {
        var live = segment.LiveDocs;
        var ids = new string?[segment.MaxDoc];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (live is null || live.Get(doc))
            {
                var stored = segment.Document(doc);
                ids[doc] = stored.Get(IndexFields.Id);
                lines.AddRange(stored.Fields.Select(f => $"{ids[doc]} stored {f.Name}={f.GetStringValue() ?? f.GetInt64Value()?.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
                DescribeVectors(segment.GetTermVectors(doc), ids[doc]!, lines);
            }
        }

        foreach (var field in segment.FieldInfos)
        {
            var norms = field.HasNorms ? segment.GetNormValues(field.Name) : null;
            var numbers = field.DocValuesType == DocValuesType.NUMERIC ? segment.GetNumericDocValues(field.Name) : null;
            var sets = field.DocValuesType == DocValuesType.SORTED_SET ? segment.GetSortedSetDocValues(field.Name) : null;
            var binaries = field.DocValuesType == DocValuesType.BINARY ? segment.GetBinaryDocValues(field.Name) : null;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (ids[doc] is not { } id)
                {
                    continue;
                }

                // A document without the field reads 0 where a segment has the field at all: the same as no value.
                if (norms is not null && norms.Get(doc) != 0)
                {
                    lines.Add($"{id} norm {field.Name}={norms.Get(doc)}");
                }

                if (numbers is not null && numbers.Get(doc) != 0)
                {
                    lines.Add($"{id} value {field.Name}={numbers.Get(doc)}");
                }

                if (binaries is not null)
                {
                    var bytes = new BytesRef();
                    binaries.Get(doc, bytes);
                    if (bytes.Length > 0)
                    {
                        lines.Add($"{id} value {field.Name}={Convert.ToBase64String(bytes.Bytes, bytes.Offset, bytes.Length)}");
                    }
                }

                if (sets is not null)
                {
                    sets.SetDocument(doc);
                    var value = new BytesRef();
                    for (var ord = sets.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = sets.NextOrd())
                    {
                        sets.LookupOrd(ord, value);
                        lines.Add($"{id} value {field.Name}={value.Utf8ToString()}");
                    }
                }
            }

            if (field.IsIndexed && segment.GetTerms(field.Name) is { } terms)
            {
                DescribePostings(field.Name, terms, live, ids, lines);
            }
        }
    }

    private static void DescribePostings(string field, Terms terms, IBits? live, string?[] ids, List<string> lines)
    {
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
        {
            var term = termsEnum.Term.ToString();
            if (terms.HasPositions)
            {
                var postings = termsEnum.DocsAndPositions(live, null)!;
                for (var doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                {
                    lines.Add($"{ids[doc]} posting {field}:{term} {Positions(postings)}");
                }
            }
            else
            {
                var docs = termsEnum.Docs(live, null);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    lines.Add($"{ids[doc]} posting {field}:{term} ×{docs.Freq}");
                }
            }
        }
    }

    private static void DescribeVectors(Fields? vectors, string id, List<string> lines)
    {
        foreach (var field in vectors ?? Enumerable.Empty<string>())
        {
            var termsEnum = vectors!.GetTerms(field).GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var postings = termsEnum.DocsAndPositions(null, null);
                lines.Add($"{id} vector {field}:{termsEnum.Term.Utf8ToString()} {(postings is null ? "" : FirstDocPositions(postings))}");
            }
        }
    }

    private static string FirstDocPositions(DocsAndPositionsEnum postings) => postings.NextDoc() == DocIdSetIterator.NO_MORE_DOCS ? "" : Positions(postings);

    private static string Positions(DocsAndPositionsEnum postings) =>
        string.Join(",", Enumerable.Range(0, postings.Freq).Select(_ => $"{postings.NextPosition()}[{postings.StartOffset}-{postings.EndOffset}]"));
}
