using System.Runtime.CompilerServices;
using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace FlinkSearch.Search;

/// <summary>
/// Each document's section (or account) ordinals of one segment, read from doc values once and kept as plain arrays. A
/// search counts sections and accounts for every match; reading doc values for each of tens of thousands of matches cost
/// about as much as finding them, an array lookup almost nothing. Segments never change, so the arrays live as long as
/// the segment.
/// </summary>
public sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, FacetOrdinals> SectionsBySegment = [];
    private static readonly ConditionalWeakTable<object, FacetOrdinals> AccountsBySegment = [];

    private readonly int[] starts;
    private readonly int[] ordinals;
    private readonly string[] names;

    private FacetOrdinals(int[] starts, int[] ordinals, string[] names)
    {
        this.starts = starts;
        this.ordinals = ordinals;
        this.names = names;
    }

    /// <summary>How many distinct names the segment has.</summary>
    public int Names => names.Length;

    public string NameOf(int ordinal) => names[ordinal];

    /// <summary>The ordinal of a name in this segment, or -1 when no document of it has that name.</summary>
    public int OrdinalOf(string name) => Array.IndexOf(names, name);

    /// <summary>True when the document has the name with that ordinal.</summary>
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

    public static FacetOrdinals Sections(AtomicReader reader) =>
        SectionsBySegment.GetValue(reader.CoreCacheKey, _ => Read(reader, IndexFields.SectionFacet));

    public static FacetOrdinals Accounts(AtomicReader reader) =>
        AccountsBySegment.GetValue(reader.CoreCacheKey, _ => Read(reader, IndexFields.AccountFacet));

    /// <summary>True when the document has any of the names whose ordinals are set in <paramref name="wanted"/>.</summary>
    public bool ContainsAny(int doc, bool[] wanted)
    {
        for (var i = starts[doc]; i < starts[doc + 1]; i++)
        {
            if (wanted[ordinals[i]])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds one to the count of each name the document has.</summary>
    public void AddTo(int[] counts, int doc)
    {
        for (var i = starts[doc]; i < starts[doc + 1]; i++)
        {
            counts[ordinals[i]]++;
        }
    }

    private static FacetOrdinals Read(AtomicReader reader, string field)
    {
        var values = reader.GetSortedSetDocValues(field);
        var starts = new int[reader.MaxDoc + 1];
        if (values is null)
        {
            return new FacetOrdinals(starts, [], []);
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

        return new FacetOrdinals(starts, [.. ordinals], names);
    }
}
