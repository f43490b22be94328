using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace FlinkSearch.Api.Admin;

/// <summary>
/// A piece of HTML. Built from an interpolated string in which every value is encoded unless it is itself
/// <see cref="Html"/>, so page text (titles, reasons, queries) can never become markup.
/// </summary>
public readonly record struct Html(string Value)
{
    public static readonly Html Empty = new("");

    public static Html Of(ref HtmlBuilder builder) => builder.Build();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(part => part.Value)));

    /// <summary>An http(s) address for an <c>href</c>, or <c>#</c> for anything else (no <c>javascript:</c> links).</summary>
    public static string SafeUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url : "#";

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
public ref struct HtmlBuilder(int literalLength, int formattedCount)
{
    private readonly StringBuilder text = new(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string value) => text.Append(value);

    public readonly void AppendFormatted(Html value) => text.Append(value.Value);

    public readonly void AppendFormatted<T>(T value, string? format = null)
    {
        var plain = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text.Append(WebUtility.HtmlEncode(plain));
    }

    public readonly Html Build() => new(text.ToString());
}
