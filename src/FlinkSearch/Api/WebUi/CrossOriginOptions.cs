using System.ComponentModel.DataAnnotations;

namespace FlinkSearch.Api.WebUi;

/// <summary>
/// The <c>Cors</c> config section: which other sites may call the read-only endpoints that the embedded widget uses.
/// Empty (the default) or <c>*</c> means any origin; entries may also be comma-separated in one value (handy in env vars).
/// </summary>
public sealed class CrossOriginOptions : IValidatableObject
{
    public const string Section = "Cors";
    public const string AnyOrigin = "*";

    public string[] AllowedOrigins { get; set; } = [];

    public IReadOnlyList<string> Origins => AllowedOrigins
        .SelectMany(entry => entry.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Select(origin => origin.TrimEnd('/'))
        .ToList();

    public bool AllowsAnyOrigin => Origins.Count == 0 || Origins.Contains(AnyOrigin);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in Origins.Where(origin => origin != AnyOrigin))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            {
                yield return new ValidationResult(
                    $"'{origin}' is not an origin; give scheme, host and optional port, e.g. https://blog.example.com.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
