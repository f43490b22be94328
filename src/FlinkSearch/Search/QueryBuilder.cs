using System.Text;
using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// Turns what a user typed into a Lucene query. Plain text becomes concepts (expanded by the synonym sets), most of
/// which a hit must match, plus boosts for the words appearing close together. Text with Lucene syntax (quotes,
/// AND/OR, wildcards) is parsed as such when it parses, and searched as plain text when it doesn't; never an error.
/// </summary>
public sealed partial class QueryBuilder(TextAnalysis analysis, SynonymDictionary synonyms, ConceptQueries concepts)
{
    private const int MaxConcepts = 32;

    // Fuzzy and wildcard terms compile into automata per field whose cost grows with the term's length, alphabet and
    // wildcards: a long `xxxxxxxx…~` or `c*e*c*k*p*o*…` cost seconds, so such terms, and any beyond the first few,
    // are searched as typed.
    internal const int MaxExpensiveTermLength = 16;
    internal const int MaxWildcards = 2;
    internal const int MaxExpensiveTerms = 4;

    // A word in more than this share of titles ("Flink") helps ranking but is not required.
    private const double CommonShare = 0.4;

    // English function words say nothing of the topic: in "Flink on K8S" the "on" must not count as one of the
    // concepts a hit needs (it would let "on" + "Flink" match without K8S). They still add to the score where present.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "into", "is", "it", "of", "on", "or",
        "the", "to", "what", "with",
    };

    private static readonly (string Field, int Slop, float Boost)[] ProximityFields =
        [(IndexFields.Title, 2, 3f), (IndexFields.Note, 2, 1.5f)];

    // Checking positions in every matching body costs more than the rest of the search at 100k articles, so body
    // proximity only reorders the best hits (ProximityRescorer).
    private static readonly (string Field, int Slop, float Boost)[] BodyProximityFields = [(IndexFields.Body, 6, 1f)];

    /// <summary>The query for the text; <paramref name="relaxed"/> asks for any one concept instead of most of them.</summary>
    public Query Build(string text, IndexReader? reader = null, bool relaxed = false)
    {
        if (IsSyntax(text) && TryParse(text) is { } parsed)
        {
            return parsed;
        }

        return PlainWords(text, reader, relaxed);
    }

    /// <summary>True when the text looks like Lucene syntax; such queries are taken as written and not relaxed.</summary>
    public bool IsSyntax(string text) => LuceneSyntax().IsMatch(text);

    /// <summary>The relevance query for plain text: concepts, most of them required, and proximity boosts.</summary>
    public Query PlainWords(string text, IndexReader? reader = null, bool relaxed = false)
    {
        var required = new List<Query>();
        var optional = new List<Query>();
        foreach (var concept in QueryConcepts.Split(text, synonyms.Current, analysis.Words, MaxConcepts))
        {
            if (concepts.Build(concept, reader) is { } query)
            {
                (IsCommon(concept, reader) ? optional : required).Add(query);
            }
        }

        if (required.Count == 0)
        {
            (required, optional) = (optional, required);
        }

        var core = new BooleanQuery();
        foreach (var query in required)
        {
            core.Add(query, Occur.SHOULD);
        }

        core.MinimumNumberShouldMatch = relaxed ? Math.Min(1, required.Count) : MinimumToMatch(required.Count);
        // Coordination would scale a hit down for every proximity boost it misses; boosts should only add.
        var whole = new BooleanQuery(disableCoord: true) { { core, Occur.MUST } };
        foreach (var query in optional.Concat(Proximity(text, ProximityFields)))
        {
            whole.Add(query, Occur.SHOULD);
        }

        return whole;
    }

    /// <summary>All of one or two concepts, all but one of three or four, 60 % of longer queries.</summary>
    public static int MinimumToMatch(int concepts) => concepts switch
    {
        <= 2 => concepts,
        <= 4 => concepts - 1,
        _ => (int)Math.Ceiling(concepts * 0.6),
    };

    /// <summary>The boost for bodies where the typed words stand close together; null for syntax and one-word queries.</summary>
    public Query? BodyProximity(string text) => IsSyntax(text) ? null : Proximity(text, BodyProximityFields).SingleOrDefault();

    // Hits where the typed words stand together, in order or nearly, rank above hits where they are scattered.
    private IEnumerable<Query> Proximity(string text, (string Field, int Slop, float Boost)[] fields)
    {
        var groups = concepts.Analyze(text);
        if (groups.Count < 2)
        {
            yield break;
        }

        foreach (var (field, slop, boost) in fields)
        {
            var phrase = new PhraseQuery { Slop = slop, Boost = boost };
            foreach (var group in groups)
            {
                phrase.Add(new Term(field, group.Whole), group.Position);
            }

            yield return phrase;
        }
    }

    private bool IsCommon(QueryConcept concept, IndexReader? reader) =>
        concepts.SingleWord(concept) is { } word
        && (FunctionWords.Contains(word) || (reader is { MaxDoc: > 0 } && reader.DocFreq(new Term(IndexFields.Title, word)) > reader.MaxDoc * CommonShare));

    private Query? TryParse(string text)
    {
        // The parser keeps state per parse, so one is made per query (it is cheap next to the search).
        var parser = new BoundedQueryParser(analysis)
        {
            DefaultOperator = Operator.OR,
            AllowLeadingWildcard = false,
        };

        try
        {
            // Field syntax and regular expressions are not part of our query language; treat ':' and '/' as text.
            return parser.Parse(EscapeFieldAndRegexSyntax(text));
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException or ArgumentException)
        {
            return null;
        }
    }

    private static string EscapeFieldAndRegexSyntax(string text)
    {
        if (text.IndexOfAny([':', '/']) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is ':' or '/')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    // Quotes, grouping, wildcards, fuzziness, boosts, escapes, ranges, +/-/! before a word, and the boolean keywords.
    // A '?' that ends a question (是什么?) is punctuation, not a wildcard.
    [GeneratedRegex("""["()*~^\\\[\]{}]|\?(?=\w)|(?:^|\s)[+\-!]\S|\b(?:AND|OR|NOT)\b|&&|\|\|""")]
    private static partial Regex LuceneSyntax();

    private sealed class BoundedQueryParser(TextAnalysis analysis)
        : MultiFieldQueryParser(TextAnalysis.Version, [.. ConceptQueries.MainFields.Keys], analysis.Words, ConceptQueries.MainFields.ToDictionary())
    {
        private readonly Dictionary<string, int> expensiveTerms = new(StringComparer.Ordinal);

        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            field is null || Affordable(field, termStr)
                ? base.GetFuzzyQuery(field, termStr, minSimilarity)
                : AsTyped(field, termStr);

        protected override Query GetWildcardQuery(string field, string termStr) =>
            field is null || (termStr.Count(c => c is '*' or '?') <= MaxWildcards && Affordable(field, termStr))
                ? base.GetWildcardQuery(field, termStr)
                : AsTyped(field, termStr);

        // Text that analyses to nothing (`????`) matches nothing; the multi-field parser needs a query, not null.
        private Query AsTyped(string field, string termStr) => GetFieldQuery(field, termStr, quoted: false) ?? new BooleanQuery();

        // Called once per field for each such term in the query (the multi-field parser expands them field by field).
        private bool Affordable(string field, string term)
        {
            var count = expensiveTerms.GetValueOrDefault(field);
            if (term.Length > MaxExpensiveTermLength || count >= MaxExpensiveTerms)
            {
                return false;
            }

            expensiveTerms[field] = count + 1;
            return true;
        }
    }
}
