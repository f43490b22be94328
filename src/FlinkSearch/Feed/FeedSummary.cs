using System.Buffers;
using System.Text;

namespace FlinkSearch.Feed;

/// <summary>A feed entry's summary: the body's opening as plain text (else the note), cut after a sentence where one ends near the limit.</summary>
public static class FeedSummary
{
    public const int MaxLength = 200;

    // A cut this far back at the most, to end on a whole sentence rather than mid-word.
    private const int SentenceReach = 80;

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？!?；;");

    public static string? Of(ReadOnlySpan<char> body, string? note)
    {
        var text = Collapse(body.IsEmpty ? note.AsSpan() : body);
        if (text.Length <= MaxLength)
        {
            return text.Length == 0 ? null : text;
        }

        var end = text.AsSpan(0, MaxLength).LastIndexOfAny(SentenceEnds);
        return end >= MaxLength - SentenceReach ? text[..(end + 1)] + "…" : text[..MaxLength].TrimEnd() + "…";
    }

    // Paragraphs and code lines become one line of text: every run of white space is one space.
    private static string Collapse(ReadOnlySpan<char> text)
    {
        var collapsed = new StringBuilder(Math.Min(text.Length, MaxLength * 2));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
            if (collapsed.Length > MaxLength + 1)
            {
                break;
            }
        }

        return collapsed.ToString();
    }
}
