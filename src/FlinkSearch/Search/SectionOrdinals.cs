using System.Runtime.CompilerServices;
using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FlinkSearch.Search;

/// <summary>
/// Each document's section ordinals of one segment, read from doc values once and kept as plain arrays. A search
/// counts sections for every match; reading doc values for each of tens of thousands of matches cost about as much
/// as finding them, an array lookup almost nothing. Segments never change, so the arrays live as long as the segment.
/// </summary>
public sealed class SectionOrdinals
{
    private static readonly ConditionalWeakTable<object, SectionOrdinals> BySegment = [];

    private readonly int[] starts;
    private readonly int[] ordinals;
    private readonly string[] names;

    private SectionOrdinals(int[] starts, int[] ordinals, string[] names)
    {
        this.starts = starts;
        this.ordinals = ordinals;
        this.names = names;
    }

    public int Sections => names.Length;

    public string NameOf(int ordinal) => names[ordinal];

    /// <summary>The ordinal of a section name in this segment, or -1 when no document of it is in that section.</summary>
    public int OrdinalOf(string name) => Array.IndexOf(names, name);

    /// <summary>True when the document is in the section with that ordinal.</summary>
    public bool Contains(int doc, int ordinal)
    {
        for (var i = starts[doc]; i < starts[doc + 1]; i++)
        {
            if (ordinals[i] == ordinal)
            {
                return true;
            }
        }

        return false;
    }

    public static SectionOrdinals Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => Read(reader));

    /// <summary>Adds one to the count of each section the document is in.</summary>
    public void AddTo(int[] counts, int doc)
    {
        for (var i = starts[doc]; i < starts[doc + 1]; i++)
        {
            counts[ordinals[i]]++;
        }
    }

    private static SectionOrdinals Read(AtomicReader reader)
    {
        var values = reader.GetSortedSetDocValues(IndexFields.SectionFacet);
        var starts = new int[reader.MaxDoc + 1];
        if (values is null)
        {
            return new SectionOrdinals(starts, [], []);
        }

        var ordinals = new List<int>(reader.MaxDoc);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            starts[doc] = ordinals.Count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                ordinals.Add((int)ord);
            }
        }

        starts[reader.MaxDoc] = ordinals.Count;
        var names = new string[values.ValueCount];
        var name = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, name);
            names[ord] = name.Utf8ToString();
        }

        return new SectionOrdinals(starts, [.. ordinals], names);
    }
}
