using System.Buffers;
using System.Numerics;
using System.Text;

namespace FlinkSearch.Search;

/// <summary>
/// Turns text and its mark spans into the HTML fragments of a hit: the text escaped, each run of marked characters in
/// one <c>&lt;mark&gt;</c>, whitespace runs as one space. Snippets are passages cut at sentence or line boundaries
/// where one is near, with an ellipsis where the text goes on.
/// </summary>
public static class MarkedText
{
    public const int SnippetLength = 160;
    private const int SecondPassageLength = 100;
    private const int BoundaryReach = 40;
    private const string Ellipsis = "…";

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？；!?;\n");
    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("，、：,:");
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"' \t\n\r\f\v\u00a0\u2028\u2029\u3000");

    /// <summary>The whole text, marked.</summary>
    public static string Whole(ReadOnlySpan<char> text, IReadOnlyList<MarkSpan> spans)
    {
        var html = new StringBuilder(text.Length + 32);
        Append(html, text, 0, text.Length, spans);
        return html.ToString().Trim();
    }

    /// <summary>The passage with the most concepts (and a second when it shows concepts the first lacks); null without marks.</summary>
    public static string? Snippet(ReadOnlySpan<char> text, IReadOnlyList<MarkSpan> spans)
    {
        var marks = new List<MarkSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (span.End <= text.Length && span.Start < span.End)
            {
                marks.Add(span);
            }
        }

        if (marks.Count == 0)
        {
            return null;
        }

        marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        var first = Passage(text, marks, SnippetLength, shown: 0);
        var shown = ConceptsIn(marks, first);
        var rest = marks.FindAll(span => (span.Start >= first.End || span.End <= first.Start) && (shown & Bit(span.Concept)) == 0);
        if (rest.Count == 0)
        {
            return Join(text, marks, [first]);
        }

        var second = Passage(text, rest, SecondPassageLength, shown);
        return Join(text, marks, second.Start < first.Start ? [second, first] : [first, second]);
    }

    /// <summary>The opening of a text, for hits whose body holds no mark.</summary>
    public static string Opening(ReadOnlySpan<char> text) => Join(text, [], [(0, EndNear(text, 0, Math.Min(text.Length, SnippetLength)))]);

    // The window of at most `length` characters holding the most concepts not yet shown, then the most marks.
    private static (int Start, int End) Passage(ReadOnlySpan<char> text, List<MarkSpan> marks, int length, ulong shown)
    {
        var bestFrom = 0;
        var best = (-1, -1);
        for (var i = 0; i < marks.Count; i++)
        {
            var (concepts, count, _) = Window(marks, i, length);
            var score = (BitOperations.PopCount(concepts & ~shown), count);
            if (score.CompareTo(best) > 0)
            {
                (best, bestFrom) = (score, i);
            }
        }

        var (_, _, lastEnd) = Window(marks, bestFrom, length);
        var start = StartNear(text, marks[bestFrom].Start);
        return (start, EndNear(text, lastEnd, Math.Min(text.Length, Math.Max(start + length, lastEnd))));
    }

    // The concepts, number of marks and end of the marks that fit in `length` characters from mark `from` on.
    private static (ulong Concepts, int Count, int LastEnd) Window(List<MarkSpan> marks, int from, int length)
    {
        var concepts = 0UL;
        var count = 0;
        var lastEnd = marks[from].End;
        for (var j = from; j < marks.Count && marks[j].End - marks[from].Start <= length; j++)
        {
            concepts |= Bit(marks[j].Concept);
            lastEnd = Math.Max(lastEnd, marks[j].End);
            count++;
        }

        return (concepts, count, lastEnd);
    }

    private static ulong ConceptsIn(List<MarkSpan> marks, (int Start, int End) passage)
    {
        var concepts = 0UL;
        foreach (var span in marks)
        {
            if (span.Start >= passage.Start && span.End <= passage.End)
            {
                concepts |= Bit(span.Concept);
            }
        }

        return concepts;
    }

    private static ulong Bit(int concept) => 1UL << (concept & 63);

    // After the nearest sentence end before the first mark, else the text's start, else after a clause mark, when one
    // is within reach; else at the mark itself. Never inside a word: a start there moves on to the word's end.
    private static int StartNear(ReadOnlySpan<char> text, int firstMark)
    {
        var from = Math.Max(0, firstMark - BoundaryReach);
        var boundary = LastSentenceEnd(text, from, firstMark);
        if (boundary < 0 && from == 0)
        {
            return 0;
        }

        if (boundary < 0)
        {
            boundary = text[from..firstMark].LastIndexOfAny(ClauseEnds) is var clause and >= 0 ? from + clause : -1;
        }

        var start = boundary >= 0 ? boundary + 1 : firstMark;
        while (start < firstMark && IsInWord(text, start))
        {
            start++;
        }

        return start;
    }

    // After the last sentence end between the last mark and the window's end, else after one a little further on, else
    // at the window's end moved back out of any Latin word.
    private static int EndNear(ReadOnlySpan<char> text, int lastMark, int windowEnd)
    {
        if (windowEnd >= text.Length)
        {
            return text.Length;
        }

        var within = LastSentenceEnd(text, lastMark, windowEnd);
        if (within >= 0)
        {
            return within + 1;
        }

        var ahead = NextSentenceEnd(text, windowEnd, Math.Min(text.Length, windowEnd + BoundaryReach / 2));
        if (ahead >= 0)
        {
            return ahead + 1;
        }

        var cut = windowEnd;
        while (cut > lastMark && IsInWord(text, cut))
        {
            cut--;
        }

        return cut;
    }

    private static int LastSentenceEnd(ReadOnlySpan<char> text, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (IsSentenceEnd(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static int NextSentenceEnd(ReadOnlySpan<char> text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsSentenceEnd(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    // 。！？; and line breaks end a sentence; a full stop only before a space or the end (not in 1.15 or a host name).
    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int at) =>
        SentenceEnds.Contains(text[at]) || (text[at] == '.' && (at + 1 == text.Length || char.IsWhiteSpace(text[at + 1])));

    // Inside a Latin word, number, or a word joined by - _ / . (a URL, a file name): cutting here would leave half of it.
    private static bool IsInWord(ReadOnlySpan<char> text, int at) =>
        at > 0 && at < text.Length && IsWordChar(text[at]) && IsWordChar(text[at - 1]);

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or '%' or '=' or '&' or '?' or '#' or '~' or ':';

    // The passages in order, an ellipsis wherever text is left out.
    private static string Join(ReadOnlySpan<char> text, IReadOnlyList<MarkSpan> marks, ReadOnlySpan<(int Start, int End)> passages)
    {
        var html = new StringBuilder(SnippetLength * 2);
        var shownTo = 0;
        foreach (var (start, end) in passages)
        {
            var from = Math.Max(start, shownTo);
            if (from >= end)
            {
                continue;
            }

            if (from > shownTo || (from > 0 && html.Length == 0))
            {
                html.Append(Ellipsis);
            }

            var before = html.Length;
            Append(html, text, from, end, marks);
            Trim(html, before);
            shownTo = end;
        }

        if (shownTo < text.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString();
    }

    private static void Trim(StringBuilder html, int from)
    {
        while (html.Length > from && html[^1] == ' ')
        {
            html.Length--;
        }

        var lead = from;
        while (lead < html.Length && html[lead] == ' ')
        {
            lead++;
        }

        html.Remove(from, lead - from);
    }

    private static void Append(StringBuilder html, ReadOnlySpan<char> text, int start, int end, IReadOnlyList<MarkSpan> spans)
    {
        var at = start;
        var markStart = -1;
        var markEnd = -1;
        // Overlapping and touching marks inside [start, end) as one (仅|一|次 reads better as one mark); spans arrive
        // in any order for titles, sorted for snippets.
        foreach (var (s, e) in Merged(spans, start, end))
        {
            (markStart, markEnd) = (s, e);
            AppendText(html, text[at..markStart]);
            html.Append("<mark>");
            AppendText(html, text[markStart..markEnd]);
            html.Append("</mark>");
            at = markEnd;
        }

        AppendText(html, text[at..end]);
    }

    private static List<(int Start, int End)> Merged(IReadOnlyList<MarkSpan> spans, int start, int end)
    {
        var inside = new List<(int Start, int End)>();
        foreach (var span in spans)
        {
            if (span.Start >= start && span.End <= end && span.Start < span.End)
            {
                inside.Add((span.Start, span.End));
            }
        }

        inside.Sort();
        var merged = new List<(int Start, int End)>(inside.Count);
        foreach (var span in inside)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    // Escapes the five HTML-sensitive characters and folds whitespace runs into one space, a run of plain text at a time.
    private static void AppendText(StringBuilder html, ReadOnlySpan<char> rest)
    {
        var space = false;
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOfAny(Special);
            var plain = next < 0 ? rest : rest[..next];
            if (!plain.IsEmpty)
            {
                if (space)
                {
                    html.Append(' ');
                    space = false;
                }

                html.Append(plain);
            }

            if (next < 0)
            {
                break;
            }

            var c = rest[next];
            rest = rest[(next + 1)..];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                html.Append(' ');
                space = false;
            }

            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
        }

        if (space)
        {
            html.Append(' ');
        }
    }
}
