using System.ComponentModel;
using System.Globalization;
using System.ComponentModel.DataAnnotations;
using FlinkSearch.Search;
using Microsoft.AspNetCore.Mvc;

namespace FlinkSearch.Api;

/// <summary>
/// The query string of <c>GET /search</c>. The attributes are the bounds: <c>AddValidation()</c> checks them before
/// the handler runs (400 with each message) and the API document prints them, so both come from here.
/// </summary>
public sealed record SearchParameters(
    [property: FromQuery(Name = "q")]
    [property: Description("Text to search for: words, Chinese text, \"quoted phrases\"; its length counts UTF-16 code units.")]
    [property: Required(ErrorMessage = "Give the text to search for in 'q'.")]
    [property: MaxLength(SearchRequest.MaxQueryLength, ErrorMessage = "'q' may be at most {1} characters (UTF-16 code units).")]
    string? Query,
    [property: FromQuery(Name = "page")]
    [property: Description("Result page, from 1; page × size may be at most 1000.")]
    [property: Range(1, int.MaxValue, ErrorMessage = "'page' must be a whole number of at least 1.")]
    int Page = 1,
    [property: FromQuery(Name = "size")]
    [property: Description("Hits per page.")]
    [property: Range(1, SearchRequest.MaxSize, ErrorMessage = "'size' must be a whole number from {1} to {2}.")]
    int Size = 10,
    [property: FromQuery(Name = "section")]
    [property: Description("Only hits listed under this section (exact name); the section counts still cover every section.")]
    [property: MaxLength(SearchRequest.MaxQueryLength, ErrorMessage = "'section' may be at most {1} characters.")]
    string? Section = null,
    [property: FromQuery(Name = "sort")]
    [property: Description("Order of the hits: 'relevance' (default) or 'newest' (by publishedAt, newest first; unknown dates last, ties by relevance).")]
    [property: AllowedValues(null, "", SearchParameters.Relevance, SearchParameters.Newest, ErrorMessage = "'sort' must be 'relevance' or 'newest'.")]
    string? Sort = null,
    [property: FromQuery(Name = "account")]
    [property: Description("Only hits from this account (exact name, as in a hit's 'account'); repeat it for any of several. The account counts still cover every account.")]
    [property: MaxLength(SearchRequest.MaxAccounts, ErrorMessage = "At most {1} 'account' values may be given.")]
    string[]? Account = null,
    [property: FromQuery(Name = "from")]
    [property: Description("Only hits published on or after this day (yyyy-MM-dd, China time); articles without a date do not match.")]
    [property: RegularExpression(SearchParameters.DatePattern, ErrorMessage = "'from' must be a date written yyyy-MM-dd, e.g. 2024-03-01.")]
    string? From = null,
    [property: FromQuery(Name = "to")]
    [property: Description("Only hits published on or before this day (yyyy-MM-dd, China time); articles without a date do not match.")]
    [property: RegularExpression(SearchParameters.DatePattern, ErrorMessage = "'to' must be a date written yyyy-MM-dd, e.g. 2024-03-31.")]
    string? To = null,
    [property: FromQuery(Name = "correct")]
    [property: Description("true (default): a query that finds fewer than a few hits is answered with its spelling correction when that finds more (the response's 'correctedFrom' names the typed text); false: search the text as typed and only offer the correction in 'didYouMean'.")]
    bool Correct = true) : IValidatableObject
{
    public const string Relevance = "relevance";
    public const string Newest = "newest";
    private const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((long)Page * Size > SearchRequest.MaxDepth)
        {
            yield return new ValidationResult(
                $"'page' × 'size' may be at most {SearchRequest.MaxDepth}; refine the query instead.", [nameof(Page), nameof(Size)]);
        }

        if (Account?.FirstOrDefault(name => name?.Length > SearchRequest.MaxAccountLength) is not null)
        {
            yield return new ValidationResult(
                $"Each 'account' may be at most {SearchRequest.MaxAccountLength} characters.", [nameof(Account)]);
        }

        var (from, to) = (DateOf(From), DateOf(To));
        if (!string.IsNullOrWhiteSpace(From) && from is null)
        {
            yield return new ValidationResult($"'from' is not a day of the calendar: {From}.", [nameof(From)]);
        }

        if (!string.IsNullOrWhiteSpace(To) && to is null)
        {
            yield return new ValidationResult($"'to' is not a day of the calendar: {To}.", [nameof(To)]);
        }

        if (from > to)
        {
            yield return new ValidationResult("'from' must not be after 'to'.", [nameof(From), nameof(To)]);
        }
    }

    /// <summary>
    /// The service's request: the query trimmed, a blank section, sort, account or date meaning none. Only called once
    /// validated.
    /// </summary>
    public SearchRequest ToRequest() =>
        new(Query!.Trim(), Page, Size, string.IsNullOrWhiteSpace(Section) ? null : Section.Trim(),
            Sort == Newest ? SearchSort.Newest : SearchSort.Relevance,
            [.. (Account ?? []).Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim()).Distinct(StringComparer.Ordinal)],
            DateOf(From), DateOf(To), Correct);

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
