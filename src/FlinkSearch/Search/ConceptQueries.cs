using FlinkSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// The Lucene query of one concept: any of its forms in any field, scored by the best field (title above section
/// and note above body), with the Han bigram fields as a weaker fallback for Chinese that SmartCn cut differently.
/// </summary>
public sealed class ConceptQueries(TextAnalysis analysis)
{
    public static readonly IReadOnlyDictionary<string, float> MainFields = new Dictionary<string, float>
    {
        [IndexFields.Title] = 4f,
        [IndexFields.SectionText] = 2f,
        [IndexFields.Note] = 2f,
        [IndexFields.Body] = 1f,
        [IndexFields.Author] = 1f,
        [IndexFields.Account] = 1f,
    };

    private static readonly Dictionary<string, float> GramFields = new()
    {
        [IndexFields.TitleGrams] = 1.2f,
        [IndexFields.NoteGrams] = 0.6f,
        [IndexFields.BodyGrams] = 0.3f,
    };

    // A second field matching adds half its score: a title hit that is also in the right section beats a bare title hit.
    private const float FieldTieBreaker = 0.5f;

    // The form the user typed ranks a little above its equivalents: 窗口 lists 窗口 titles before Window ones.
    private const float EquivalentWeight = 0.85f;

    // 滑动窗口 also finds 滑动时间窗口 and 滑动计数窗口, below the exact compound, which matches whole as well.
    private const int PiecesSlop = 2;

    // Author and account names repeat across articles (most come from a handful of official accounts). A word that
    // more than this share of articles carry there cannot tell them apart, yet scoring it visits every one of them.
    private static readonly string[] NameFields = [IndexFields.Author, IndexFields.Account];
    private const double UninformativeShare = 0.5;

    /// <summary>The query, or null when no form of the concept leaves any searchable word.</summary>
    public Query? Build(QueryConcept concept, IndexReader? reader = null)
    {
        // Per field the best form counts, not the sum of forms (a title with both 窗口 and Window is not twice as
        // relevant); across fields the best field counts fully and the others in part.
        var byField = new Dictionary<string, Dictionary<string, Query>>(StringComparer.Ordinal);
        foreach (var variant in concept.Variants)
        {
            var weight = SynonymSets.KeyOf(variant) == concept.TypedKey ? 1f : EquivalentWeight;
            var groups = Analyze(variant);
            var han = HanOnly(variant);
            if (groups.Count > 0)
            {
                foreach (var (field, boost) in MainFields)
                {
                    if (GroupsQuery(field, groups, han is not null) is { } query && !Uninformative(query, reader))
                    {
                        Add(byField, field, query, boost * weight);
                    }
                }
            }

            if (han is not null)
            {
                foreach (var (field, boost) in GramFields)
                {
                    Add(byField, field, GramQuery(field, han), boost * weight);
                }
            }
        }

        if (byField.Count == 0)
        {
            return null;
        }

        var anyField = new DisjunctionMaxQuery(FieldTieBreaker);
        foreach (var forms in byField.Values)
        {
            var best = new DisjunctionMaxQuery(0f);
            foreach (var query in forms.Values)
            {
                best.Add(query);
            }

            anyField.Add(best);
        }

        return anyField;
    }

    private static bool Uninformative(Query query, IndexReader? reader) =>
        reader is { MaxDoc: > 0 }
        && query is TermQuery { Term: var term }
        && NameFields.Contains(term.Field)
        && reader.DocFreq(term) > reader.MaxDoc * UninformativeShare;

    // Forms that analyse alike (window and Window, two spellings of "state backend") are searched once, at the
    // higher weight: each copy would cost a pass over the same postings and could not change which form is best.
    private static void Add(Dictionary<string, Dictionary<string, Query>> byField, string field, Query query, float boost)
    {
        if (!byField.TryGetValue(field, out var forms))
        {
            byField[field] = forms = new Dictionary<string, Query>(StringComparer.Ordinal);
        }

        var key = query.ToString();
        if (forms.TryGetValue(key, out var same))
        {
            same.Boost = Math.Max(same.Boost, boost);
            return;
        }

        query.Boost = boost;
        forms[key] = query;
    }

    /// <summary>The single indexed word a concept stands for, when it has one form of one word (for frequency checks).</summary>
    public string? SingleWord(QueryConcept concept) =>
        concept.Variants.Count == 1 && Analyze(concept.Variants[0]) is [{ Parts.Count: 0 } only] ? only.Whole : null;

    /// <summary>Whole words of the text with their positions, parts left out; what proximity boosts are built from.</summary>
    public IReadOnlyList<WordGroup> Analyze(string text)
    {
        var groups = new List<WordGroup>();
        using var stream = analysis.Words.GetTokenStream(IndexFields.Title, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            if (type.Type == BilingualTokenizer.PartType && groups.Count > 0)
            {
                groups[^1].Parts.Add(term.ToString());
            }
            else
            {
                groups.Add(new WordGroup(term.ToString(), [], position));
            }
        }

        stream.End();
        return groups;
    }

    // Bodies are long: checking word positions there costs a pass over the positions of every article holding the
    // words, which for common words is most of them (at 100k articles, tens of ms per phrase). So in the body a
    // compound is matched whole, and Chinese phrases are left to the body's gram field, whose bigrams are rarer than
    // the words they span and find the same text.
    private static Query? GroupsQuery(string field, IReadOnlyList<WordGroup> groups, bool hanOnly)
    {
        if (groups.Count == 1)
        {
            return GroupQuery(field, groups[0]);
        }

        if (hanOnly && field == IndexFields.Body)
        {
            return null;
        }

        var phrase = new PhraseQuery { Slop = 1 };
        foreach (var group in groups)
        {
            phrase.Add(new Term(field, group.Whole), group.Position - groups[0].Position);
        }

        return phrase;
    }

    // A compound matches whole (CheckpointCoordinator) or as its pieces close together (checkpoint coordinator).
    private static Query GroupQuery(string field, WordGroup group)
    {
        var whole = new TermQuery(new Term(field, group.Whole));
        if (group.Parts.Count < 2 || field == IndexFields.Body)
        {
            return whole;
        }

        var pieces = new PhraseQuery { Slop = PiecesSlop };
        foreach (var part in group.Parts)
        {
            pieces.Add(new Term(field, part));
        }

        return new BooleanQuery { { whole, Occur.SHOULD }, { pieces, Occur.SHOULD } };
    }

    private static Query GramQuery(string field, string han)
    {
        if (han.Length == 1)
        {
            return new TermQuery(new Term(field, han));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i + 1 < han.Length; i++)
        {
            phrase.Add(new Term(field, han.Substring(i, 2)), i);
        }

        return phrase;
    }

    private static string? HanOnly(string text)
    {
        var folded = CharacterFolding.Fold(text).Trim();
        return folded.Length > 0 && folded.All(BilingualTokenizer.IsHan) ? folded : null;
    }

    public sealed record WordGroup(string Whole, List<string> Parts, int Position);
}
