using System.Text;
using System.Text.RegularExpressions;

namespace FlinkSearch.Crawling;

/// <summary>
/// Bytes to text: the charset comes from a byte-order mark, the Content-Type header, or a <c>&lt;meta&gt;</c> near the top;
/// GBK and GB2312 pages are read as GB18030, their superset.
/// </summary>
public static partial class PageDecoder
{
    private const int SniffBytes = 4096;

    static PageDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            var unicode = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return unicode.GetString(bytes[2..]);
        }

        var encoding = EncodingFor(headerCharset) ?? EncodingFor(SniffMetaCharset(bytes)) ?? Encoding.UTF8;
        return encoding.GetString(bytes);
    }

    public static Encoding? EncodingFor(string? charset)
    {
        var name = charset?.Trim().Trim('"', '\'').ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        name = name switch
        {
            "utf8" => "utf-8",
            "gbk" or "gb2312" or "x-gbk" or "cp936" or "gb_2312-80" => "gb18030",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? SniffMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<charset>[\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
