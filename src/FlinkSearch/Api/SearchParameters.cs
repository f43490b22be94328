using System.ComponentModel;
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
    [property: FromQuery(Name = "correct")]
    [property: Description("true (default): a query that finds fewer than a few hits is answered with its spelling correction when that finds more (the response's 'correctedFrom' names the typed text); false: search the text as typed and only offer the correction in 'didYouMean'.")]
    bool Correct = true) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((long)Page * Size > SearchRequest.MaxDepth)
        {
            yield return new ValidationResult(
                $"'page' × 'size' may be at most {SearchRequest.MaxDepth}; refine the query instead.", [nameof(Page), nameof(Size)]);
        }
    }

    /// <summary>The service's request: the query trimmed, a blank section meaning none. Only called once validated.</summary>
    public SearchRequest ToRequest() =>
        new(Query!.Trim(), Page, Size, string.IsNullOrWhiteSpace(Section) ? null : Section.Trim(), Correct);
}
