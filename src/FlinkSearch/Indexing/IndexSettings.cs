using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FlinkSearch.Indexing;

/// <summary>The <c>Index</c> config section.</summary>
public sealed class IndexSettings : IValidatableObject
{
    public const string Section = "Index";

    private static readonly (string Suffix, long Factor)[] Units = [("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1)];

    /// <summary>
    /// Free space a build needs on the index's file system before it starts: bytes, or a number with KB, MB, GB or TB
    /// (powers of 1024); <c>0</c> turns the check off. Empty: twice the size of the generation being served.
    /// </summary>
    public string? MinFreeSpace { get; set; }

    /// <summary>The configured margin in bytes, or null for the default.</summary>
    public long? MinFreeBytes => ParseBytes(MinFreeSpace, out var bytes) ? bytes : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(MinFreeSpace) && !ParseBytes(MinFreeSpace, out _))
        {
            yield return new ValidationResult(
                $"Index:MinFreeSpace '{MinFreeSpace}' is not a size: give bytes or a number with KB, MB, GB or TB (0 turns the check off).",
                [nameof(MinFreeSpace)]);
        }
    }

    private static bool ParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var factor = 1L;
        foreach (var (suffix, unit) in Units)
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length].TrimEnd();
                factor = unit;
                break;
            }
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number * factor > long.MaxValue)
        {
            return false;
        }

        bytes = (long)(number * factor);
        return true;
    }
}
