using System.Text;

namespace FlinkSearch.Tests.Api;

/// <summary>
/// Seeded generator of hostile query-string values, already percent-encoded: random Unicode (lone and paired
/// surrogates, bidi controls, zero-width and control characters), Lucene syntax, invalid UTF-8 and huge repeats.
/// </summary>
public sealed class HostileQueryGenerator(int seed)
{
    private static readonly string[] Syntax =
    [
        "AND", "OR", "NOT", "&&", "||", "!", "+", "-", "(", ")", "{", "}", "[", "]", "^", "\"", "~", "*", "?", ":", "\\", "/",
        "TO", "title:", "body:", "*:*", "~2", "^10", "[a TO z]", "{* TO *}", "/.*/", "\"unclosed", "a~0.5", "\\\\", "((((", "))))",
        "%", "&", "=", "#", "<mark>", "</mark>", "<script>alert(1)</script>", "&amp;", "'; --",
    ];

    private static readonly string[] Words =
        ["flink", "Checkpoint", "窗口", "状态", "水位线", "exactly-once", "Kafka", "SQL", "watermark", "背压", "的", "CEP", "ＦＬＩＮＫ", "１２３"];

    private static readonly string[] Unicode =
    [
        "\u200F", "\u200E", "\u202E", "\u202C", "\u2066", "\u2067", "\u2069", "\u200D", "\u200B", "\uFEFF", "\u0301\u0301\u0301",
        "نافذة", "חלון", "окно", "😀", "👩‍👩‍👧", "🏳️‍🌈", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uFFFF", "\uFFFE", "\0", "\u0007",
        "\u001B[31m", "\r\n", "\t", "　", "ǅ", "ﷺ", "𝕱𝖑𝖎𝖓𝖐", "\u0000\u0000",
    ];

    private static readonly string[] InvalidUtf8 = ["%FF", "%C0%AF", "%E0%80", "%ED%A0%80", "%F8%88%80%80%80", "%80", "%"];

    private static readonly int[] RepeatCounts = [50, 128, 255, 256, 257, 1000, 4000];

    private static readonly string[] Numbers = ["0", "1", "-1", "2", "50", "51", "999999999999", "1e3", "٣", "0x10", " 2", "abc", "", "1.5", "+3", "20"];

    private readonly Random random = new(seed);

    /// <summary>A percent-encoded value for <c>q</c>.</summary>
    public string Query()
    {
        var text = new StringBuilder();
        var pieces = random.Next(1, 12);
        for (var i = 0; i < pieces; i++)
        {
            if (i > 0)
            {
                text.Append(Pick([" ", "", "  ", "\t", "　", "+"]));
            }

            text.Append(random.Next(10) switch
            {
                0 or 1 => Encode(Pick(Syntax)),
                2 or 3 => Encode(Pick(Words)),
                4 or 5 => Encode(Pick(Unicode)),
                6 => Pick(InvalidUtf8),
                7 => Encode(RandomCodePoints(random.Next(1, 20))),
                8 => string.Concat(Enumerable.Repeat(Encode(Pick([.. Syntax, .. Words, .. Unicode])), Pick(RepeatCounts))),
                _ => Encode(Pick(Words) + Pick(Syntax) + Pick(Unicode)),
            });
        }

        return text.ToString();
    }

    /// <summary>An optional <c>&amp;page=…&amp;size=…</c> tail with odd numbers in it.</summary>
    public string Paging() => random.Next(5) switch
    {
        0 => "&page=" + Encode(Pick(Numbers)),
        1 => "&size=" + Encode(Pick(Numbers)),
        2 => "&section=" + Encode(Pick([.. Words, .. Unicode, .. Syntax])),
        _ => "",
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string RandomCodePoints(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            // Half the time anywhere in Unicode, surrogate halves included; otherwise within the BMP.
            var codePoint = random.Next(2) == 0 ? random.Next(0, 0x110000) : random.Next(0, 0x10000);
            if (codePoint is >= 0xD800 and <= 0xDFFF || codePoint < 0x10000)
            {
                text.Append((char)codePoint);
            }
            else
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        return text.ToString();
    }

    /// <summary>UTF-8 percent-encoding that keeps a lone surrogate as its (invalid) three-byte form instead of replacing it.</summary>
    private static string Encode(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            AppendUtf8(bytes, codePoint);
        }

        var encoded = new StringBuilder();
        foreach (var b in bytes)
        {
            var c = (char)b;
            encoded.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c.ToString() : $"%{b:X2}");
        }

        return encoded.ToString();
    }

    private static void AppendUtf8(List<byte> bytes, int codePoint)
    {
        switch (codePoint)
        {
            case < 0x80:
                bytes.Add((byte)codePoint);
                break;
            case < 0x800:
                bytes.Add((byte)(0xC0 | (codePoint >> 6)));
                bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
                break;
            case < 0x10000:
                bytes.Add((byte)(0xE0 | (codePoint >> 12)));
                bytes.Add((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
                break;
            default:
                bytes.Add((byte)(0xF0 | (codePoint >> 18)));
                bytes.Add((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                bytes.Add((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                bytes.Add((byte)(0x80 | (codePoint & 0x3F)));
                break;
        }
    }
}
