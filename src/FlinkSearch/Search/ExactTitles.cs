using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// A query that is a hit's whole title (case, width, Traditional forms, spaces and punctuation aside) names the article
/// the reader is looking for: such hits among the first few go first, in their order. Scores cannot promise this, as a
/// long body that repeats the title's words can outscore the short page that bears it.
/// </summary>
public static class ExactTitles
{
    /// <summary>How far down the ranking a title equal to the query is looked for: one page.</summary>
    public const int Reach = 10;

    public static void Promote(IndexReader reader, ScoreDoc[] ranked, string query)
    {
        var key = Key(query);
        if (key.Length == 0 || ranked.Length < 2)
        {
            return;
        }

        var reach = Math.Min(Reach, ranked.Length);
        var exact = new List<ScoreDoc>();
        var rest = new List<ScoreDoc>(reach);
        for (var i = 0; i < reach; i++)
        {
            var title = StoredArticles.Read(reader, ranked[i].Doc)?.Title;
            (title is not null && Key(title) == key ? exact : rest).Add(ranked[i]);
        }

        if (exact.Count == 0 || rest.Count == 0)
        {
            return;
        }

        exact.AddRange(rest);
        exact.CopyTo(ranked);
    }

    // Letters and digits only, folded and lower-cased.
    private static string Key(string text)
    {
        var key = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = CharacterFolding.Fold(c);
            if (char.IsLetterOrDigit(folded))
            {
                key.Append(char.ToLowerInvariant(folded));
            }
        }

        return key.ToString();
    }
}
