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
    public static string Whole(string text, IReadOnlyList<MarkSpan> spans) => Format(text, 0, text.Length, spans);

    /// <summary>The passage (two, when a second shows concepts the first lacks) with the most concepts; null without marks.</summary>
    public static string? Snippet(string text, IReadOnlyList<MarkSpan> spans)
    {
        var inText = spans.Where(span => span.End <= text.Length && span.Start < span.End).OrderBy(span => span.Start).ToList();
        if (inText.Count == 0)
        {
            return null;
        }

        var (start, end) = Passage(text, inText, SnippetLength, concepts: null);
        var shown = inText.Where(span => span.Start >= start && span.End <= end).Select(span => span.Concept).ToHashSet();
        var rest = inText.Where(span => (span.Start >= end || span.End <= start) && !shown.Contains(span.Concept)).ToList();
        var snippet = new StringBuilder();
        if (rest.Count == 0)
        {
            return Fragment(snippet, text, start, end, inText).ToString();
        }

        var (start2, end2) = Passage(text, rest, SecondPassageLength, shown);
        var ordered = start2 < start ? ((start2, end2), (start, end)) : ((start, end), (start2, end2));
        Fragment(snippet, text, ordered.Item1.Item1, ordered.Item1.Item2, inText);
        if (ordered.Item2.Item1 < ordered.Item1.Item2)
        {
            return snippet.ToString();
        }

        if (snippet.Length > 0 && !snippet.ToString().EndsWith(Ellipsis, StringComparison.Ordinal))
        {
            snippet.Append(Ellipsis);
        }

        var second = Fragment(new StringBuilder(), text, ordered.Item2.Item1, ordered.Item2.Item2, inText).ToString();
        return snippet.Append(second.StartsWith(Ellipsis, StringComparison.Ordinal) && snippet.ToString().EndsWith(Ellipsis, StringComparison.Ordinal) ? second[1..] : second).ToString();
    }

    /// <summary>The opening of a text, for hits whose body holds no mark.</summary>
    public static string Opening(string text)
    {
        var end = EndNear(text, 0, Math.Min(text.Length, SnippetLength));
        return Fragment(new StringBuilder(), text, 0, end, []).ToString();
    }

    // The window of at most `length` characters holding the most distinct concepts, then the most marks, earliest first.
    private static (int Start, int End) Passage(string text, List<MarkSpan> spans, int length, HashSet<int>? concepts)
    {
        var bestFrom = 0;
        var best = (-1, -1);
        for (var i = 0; i < spans.Count; i++)
        {
            var seen = 0UL;
            var count = 0;
            for (var j = i; j < spans.Count && spans[j].End - spans[i].Start <= length; j++)
            {
                if (concepts?.Contains(spans[j].Concept) != true)
                {
                    seen |= 1UL << (spans[j].Concept & 63);
                }

                count++;
            }

            if ((BitOperations.PopCount(seen), count).CompareTo(best) > 0)
            {
                (best, bestFrom) = ((BitOperations.PopCount(seen), count), i);
            }
        }

        var first = spans[bestFrom];
        var last = first;
        for (var j = bestFrom; j < spans.Count && spans[j].End - first.Start <= length; j++)
        {
            last = spans[j];
        }

        var start = StartNear(text, first.Start);
        return (start, EndNear(text, Math.Max(last.End, first.End), Math.Min(text.Length, Math.Max(start + length, last.End))));
    }

    // After the nearest sentence end before the first mark, else the text's start, else after a clause mark, when one
    // is within reach; else at the mark itself (never inside a word).
    private static int StartNear(string text, int firstMark)
    {
        var from = Math.Max(0, firstMark - BoundaryReach);
        var before = text.AsSpan(from, firstMark - from);
        var boundary = before.LastIndexOfAny(SentenceEnds);
        if (boundary < 0 && from == 0)
        {
            return 0;
        }

        if (boundary < 0)
        {
            boundary = before.LastIndexOfAny(ClauseEnds);
        }

        return boundary >= 0 ? from + boundary + 1 : firstMark;
    }

    // After the last sentence end between the last mark and the window's end, else after one a little further on, else
    // at the window's end moved back out of any Latin word.
    private static int EndNear(string text, int lastMark, int windowEnd)
    {
        if (windowEnd >= text.Length)
        {
            return text.Length;
        }

        var within = text.AsSpan(lastMark, windowEnd - lastMark).LastIndexOfAny(SentenceEnds);
        if (within >= 0)
        {
            return lastMark + within + 1;
        }

        var ahead = text.AsSpan(windowEnd, Math.Min(BoundaryReach / 2, text.Length - windowEnd)).IndexOfAny(SentenceEnds);
        if (ahead >= 0)
        {
            return windowEnd + ahead + 1;
        }

        var cut = windowEnd;
        while (cut > lastMark && IsInWord(text, cut))
        {
            cut--;
        }

        return cut;
    }

    // Inside a Latin word or number: cutting here would leave half a word.
    private static bool IsInWord(string text, int at) =>
        at > 0 && at < text.Length && char.IsAsciiLetterOrDigit(text[at]) && char.IsAsciiLetterOrDigit(text[at - 1]);

    private static StringBuilder Fragment(StringBuilder into, string text, int start, int end, IReadOnlyList<MarkSpan> spans)
    {
        var body = Format(text, start, end, spans).Trim();
        if (start > 0)
        {
            into.Append(Ellipsis);
        }

        into.Append(body);
        if (end < text.Length)
        {
            into.Append(Ellipsis);
        }

        return into;
    }

    private static string Format(string text, int start, int end, IReadOnlyList<MarkSpan> spans)
    {
        var html = new StringBuilder(end - start + 32);
        var at = start;
        foreach (var (markStart, markEnd) in Merged(spans, start, end))
        {
            AppendText(html, text, at, markStart);
            html.Append("<mark>");
            AppendText(html, text, markStart, markEnd);
            html.Append("</mark>");
            at = markEnd;
        }

        AppendText(html, text, at, end);
        return html.ToString();
    }

    // Overlapping and touching spans inside [start, end) as one (仅|一|次 reads better as one mark).
    private static List<(int Start, int End)> Merged(IReadOnlyList<MarkSpan> spans, int start, int end)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var span in spans.Where(span => span.Start >= start && span.End <= end).OrderBy(span => span.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add((span.Start, span.End));
            }
        }

        return merged;
    }

    // Escapes the five HTML-sensitive characters and folds whitespace runs into one space, a run of plain text at a time.
    private static void AppendText(StringBuilder html, string text, int from, int to)
    {
        var rest = text.AsSpan(from, to - from);
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
