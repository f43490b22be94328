using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FlinkSearch.Extraction;

/// <summary>
/// Reads the string variables WeChat pages assign in inline script (<c>var ct = "1762475508";</c>,
/// <c>var nickname = htmlDecode("…");</c>): some fields exist only there, the matching elements being filled in by script.
/// </summary>
public sealed class ScriptVariables(string scripts)
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static ScriptVariables Of(IDocument document) =>
        new(string.Join('\n', document.Scripts.Select(s => s.Text)));

    public string? Get(string name)
    {
        var pattern = Patterns.GetOrAdd(name, static n => new Regex(
            @"\b" + Regex.Escape(n) + @"\s*=\s*(?:htmlDecode\(\s*)?(?<q>[""'])(?<v>(?:\\.|(?!\k<q>)[^\\\r\n])*)\k<q>",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(2)));
        Match match;
        try
        {
            match = pattern.Match(scripts);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological page must not stop a crawl; the field is read from the markup instead, or stays unknown.
            return null;
        }

        if (!match.Success)
        {
            return null;
        }

        var value = WebUtility.HtmlDecode(Unescape(match.Groups["v"].Value)).Trim();
        return value.Length > 0 ? value : null;
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                result.Append(c);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 'r': break;
                case 't': result.Append('\t'); break;
                case 'x' when i + 2 < text.Length && TryHex(text.AsSpan(i + 1, 2), out var x):
                    result.Append(x);
                    i += 2;
                    break;
                case 'u' when i + 4 < text.Length && TryHex(text.AsSpan(i + 1, 4), out var u):
                    result.Append(u);
                    i += 4;
                    break;
                default: result.Append(next); break;
            }
        }

        return result.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out char value)
    {
        var ok = int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code);
        value = (char)code;
        return ok;
    }
}
