using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;

namespace FlinkSearch.Search;

public sealed record Suggestion(string Text, string Html, string Kind, string? Url)
{
    public const string TermKind = "term";
    public const string TitleKind = "title";
}

public sealed record SuggestResponse(string Query, IReadOnlyList<Suggestion> Suggestions);

/// <summary>
/// Sorted prefix tables for search-as-you-type, built once per index generation and synonym version: known terms
/// (words of the titles and every synonym) and titles from each word start, so 窗 finds 滚动窗口 and
/// "chec" finds "Flink中的Checkpoint". A lookup is a binary search and a short scan.
/// </summary>
public sealed partial class SuggestIndex
{
    private readonly Candidate[] terms;
    private readonly Candidate[] titles;

    public SuggestIndex(IReadOnlyList<(string Title, string Url)> articles, SynonymSets synonyms, TextAnalysis analysis)
    {
        var foldedTitles = articles.Select(article => Folded(article.Title)).ToArray();
        var termTexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in articles.SelectMany(article => WordsOf(article.Title, analysis)).Concat(synonyms.Sets.SelectMany(set => set)))
        {
            termTexts.TryAdd(Folded(text), text);
        }

        // "checkpoints" adds nothing next to "Checkpoint".
        terms = [.. termTexts
            .Where(pair => !(pair.Key.EndsWith('s') && termTexts.ContainsKey(pair.Key[..^1])))
            .Select(pair => new Candidate(pair.Key, pair.Value, null, 0, -foldedTitles.Count(title => title.Contains(pair.Key, StringComparison.Ordinal))))
            .OrderBy(candidate => candidate.Key, StringComparer.Ordinal)];
        titles = [.. articles
            .SelectMany((article, i) => WordStarts(article.Title).Select(start => new Candidate(foldedTitles[i][start..], article.Title, article.Url, start, start)))
            .OrderBy(candidate => candidate.Key, StringComparer.Ordinal)];
    }

    /// <summary>Whether the prefix is long enough to answer: one Han character, or two of anything else.</summary>
    public static bool IsLongEnough(string key) => key.Length >= 2 || (key.Length == 1 && BilingualTokenizer.IsHan(key[0]));

    /// <summary>The lookup key of typed text: folded, lower case, spaces collapsed.</summary>
    public static string KeyOf(string text) =>
        Whitespace().Replace(CharacterFolding.Fold(text).ToLowerInvariant(), " ").TrimStart();

    // One character for one, so a match at a position of the key is the same stretch of the original text.
    private static string Folded(string text) => CharacterFolding.Fold(text).ToLowerInvariant();

    public IReadOnlyList<Suggestion> Lookup(string prefix, int size)
    {
        var key = KeyOf(prefix);
        if (!IsLongEnough(key))
        {
            return [];
        }

        var termMatches = Matching(terms, key).OrderBy(c => c.Rank).ThenBy(c => c.Text.Length).ToList();
        var titleMatches = Matching(titles, key).OrderBy(c => c.Rank).ThenBy(c => c.Text.Length).DistinctBy(c => c.Url).ToList();

        // Terms first (at most half the list, so titles show too), then titles, then any room left goes to terms.
        var termCount = Math.Min(termMatches.Count, Math.Max(size / 2, size - titleMatches.Count));
        return [.. termMatches.Take(termCount).Select(c => ToSuggestion(c, key.Length, Suggestion.TermKind))
            .Concat(titleMatches.Take(size - termCount).Select(c => ToSuggestion(c, key.Length, Suggestion.TitleKind)))];
    }

    private static IEnumerable<Candidate> Matching(Candidate[] sorted, string key)
    {
        var low = 0;
        var high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(sorted[middle].Key, key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < sorted.Length && sorted[i].Key.StartsWith(key, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }

    // Keys are folded one character for one, so the typed prefix covers exactly Text[Start..Start + length].
    private static Suggestion ToSuggestion(Candidate candidate, int length, string kind)
    {
        var text = candidate.Text;
        var end = Math.Min(text.Length, candidate.Start + length);
        var html = HtmlText.Escape(text[..candidate.Start]) + "<mark>" + HtmlText.Escape(text[candidate.Start..end]) + "</mark>" + HtmlText.Escape(text[end..]);
        return new Suggestion(text, html, kind, candidate.Url);
    }

    private static IEnumerable<string> WordsOf(string title, TextAnalysis analysis)
    {
        foreach (Match latin in LatinWord().Matches(title))
        {
            yield return latin.Value;
        }

        using var stream = analysis.Words.GetTokenStream(IndexFields.Title, title);
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var words = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var surface = title[offsets.StartOffset..offsets.EndOffset];
            if (type.Type == BilingualTokenizer.WordType && surface.Length >= 2 && surface.All(BilingualTokenizer.IsHan))
            {
                words.Add(surface);
            }
        }

        stream.End();
        foreach (var word in words)
        {
            yield return word;
        }
    }

    // Every Han character starts a word as far as typing goes; Latin words start after a non-letter or at a case change.
    private static IEnumerable<int> WordStarts(string title)
    {
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (BilingualTokenizer.IsHan(c)
                || (BilingualTokenizer.IsWordChar(c) && (i == 0 || !BilingualTokenizer.IsWordChar(title[i - 1]) || (char.IsUpper(c) && char.IsLower(title[i - 1])))))
            {
                yield return i;
            }
        }
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A suggestion's sort key; <see cref="Rank"/> orders matches (lower first).</summary>
    private sealed record Candidate(string Key, string Text, string? Url, int Start, int Rank);
}
