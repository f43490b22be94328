using FlinkSearch.Indexing;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// The newest-first order and the date filter, both on <see cref="IndexFields.Published"/>: the order reads its doc values
/// (never a stored field), the filter is a numeric range over its indexed terms, applied before anything is scored.
/// </summary>
public static class SearchOrder
{
    /// <summary>Dates in requests are calendar days in China time (UTC+8, no daylight saving), as the page shows them.</summary>
    public static readonly TimeSpan DateOffset = TimeSpan.FromHours(8);

    private static readonly Sort NewestFirst = new(PublishedDescending(), SortField.FIELD_SCORE);

    /// <summary>The collection order for a sort, or null for relevance (the candidate score).</summary>
    public static Sort? Of(SearchSort sort) => sort == SearchSort.Newest ? NewestFirst : null;

    /// <summary>Articles published within the days, both inclusive; null when neither bound is given.</summary>
    public static Filter? DateFilter(DateOnly? from, DateOnly? to) => from is null && to is null
        ? null
        : NumericRangeFilter.NewInt64Range(
            IndexFields.Published, from is { } first ? StartOf(first) : null, to is { } last ? StartOf(last.AddDays(1)) - 1 : null, true, true);

    /// <summary>
    /// Puts rescored hits back in newest-first order; the ranking only decides among hits of the same time (undated
    /// ones included), since the rescorer sorted them by their new score and the sort is stable.
    /// </summary>
    public static ScoreDoc[] ReorderNewest(ScoreDoc[] rescored, ScoreDoc[] collected)
    {
        // The sort's first value: Lucene.Net boxes it as a J2N number.
        var published = collected.ToDictionary(
            hit => hit.Doc, hit => hit is FieldDoc { Fields: [J2N.Numerics.Number value, ..] } ? value.ToInt64() : long.MinValue);
        return [.. rescored.OrderByDescending(hit => published[hit.Doc])];
    }

    // Unknown dates count as the earliest possible, so they come last.
    private static SortField PublishedDescending()
    {
        var field = new SortField(IndexFields.Published, SortFieldType.INT64, reverse: true);
        field.SetMissingValue(long.MinValue);
        return field;
    }

    private static long StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DateOffset).ToUnixTimeMilliseconds();
}
