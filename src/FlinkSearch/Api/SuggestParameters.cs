using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace FlinkSearch.Api;

/// <summary>The query string of <c>GET /suggest</c>; bounds and messages as in <see cref="SearchParameters"/>.</summary>
public sealed record SuggestParameters(
    [property: FromQuery(Name = "q")]
    [property: Description("The text typed so far; one Chinese character or two letters are enough.")]
    [property: Required(ErrorMessage = "Give the text typed so far in 'q'.")]
    [property: MaxLength(SuggestParameters.MaxPrefixLength, ErrorMessage = "'q' may be at most {1} characters (UTF-16 code units).")]
    string? Prefix,
    [property: FromQuery(Name = "size")]
    [property: Description("Suggestions to return.")]
    [property: Range(1, SuggestParameters.MaxSize, ErrorMessage = "'size' must be a whole number from {1} to {2}.")]
    int Size = 8)
{
    public const int MaxPrefixLength = 100;
    public const int MaxSize = 20;
}
