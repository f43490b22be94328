using System.Text.RegularExpressions;
using FlinkSearch.Crawling;

namespace FlinkSearch.Importing;

/// <summary>
/// One article page an operator saved (a browser's "save page as", an exporter's single file): its name, its HTML and
/// when it was saved, when known.
/// </summary>
public sealed partial record SavedPage(string Name, string Html, DateTimeOffset? SavedAt)
{
    /// <summary>Reads a saved page as a browser would: a byte-order mark, the given charset or a <c>&lt;meta charset&gt;</c>, else UTF-8.</summary>
    public static SavedPage FromBytes(string name, ReadOnlySpan<byte> bytes, DateTimeOffset? savedAt, string? charset = null) =>
        new(name, PageDecoder.Decode(bytes, charset), savedAt);

    /// <summary>The address a browser notes at the top of a page it saved (<c>&lt;!-- saved from url=(0052)https://… --&gt;</c>).</summary>
    public string? SavedFromUrl => SavedFrom().Match(Html.Length > 4096 ? Html[..4096] : Html) is { Success: true } match ? match.Groups["url"].Value : null;

    [GeneratedRegex(@"<!--\s*saved from url=\(\d+\)(?<url>https?://[^\s>]+?)\s*-->", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SavedFrom();
}
