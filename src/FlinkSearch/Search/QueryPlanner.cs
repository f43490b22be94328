using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Search;

/// <summary>
/// Analyses what a user typed, once per request. Plain text becomes concepts (expanded by the synonym sets). Text with
/// Lucene syntax (quotes, AND/OR, wildcards) is parsed as such when it parses, and taken as plain text when it
/// doesn't; never an error.
/// </summary>
public sealed partial class QueryPlanner(TextAnalysis analysis, SynonymDictionary synonyms, IOptions<RankingWeights> weights)
{
    private const int MaxConcepts = 32;

    // Fuzzy and wildcard terms compile into automata per field whose cost grows with the term's length, alphabet and
    // wildcards: a long `xxxxxxxx…~` or `c*e*c*k*p*o*…` cost seconds, so such terms, and any beyond the first few,
    // are searched as typed.
    internal const int MaxExpensiveTermLength = 16;
    internal const int MaxWildcards = 2;
    internal const int MaxExpensiveTerms = 4;

    private static readonly ConditionalWeakTable<SynonymSets, ConcurrentDictionary<string, IReadOnlyList<PlannedForm>>> SynonymForms = [];

    public QueryPlan Plan(string text)
    {
        var sets = synonyms.Current;
        if (IsSyntax(text) && TryParse(text) is { } parsed)
        {
            return new QueryPlan(text, sets, parsed, [], []);
        }

        var tokens = Tokens(text);
        var concepts = QueryConcepts.Split(text, tokens, Tokens, sets, MaxConcepts)
            .Select(concept => new PlannedConcept(concept, Forms(concept, sets)))
            .Where(concept => concept.Forms.Count > 0)
            .ToList();
        return new QueryPlan(text, sets, null, concepts, Groups(tokens));
    }

    /// <summary>True when the text looks like Lucene syntax; such queries are taken as written and not relaxed.</summary>
    public static bool IsSyntax(string text) => LuceneSyntax().IsMatch(text);

    /// <summary>Whole words of the text with their positions, parts attached to their whole.</summary>
    public IReadOnlyList<WordGroup> Groups(string text) => Groups(Tokens(text));

    private static List<WordGroup> Groups(IReadOnlyList<QueryToken> tokens)
    {
        var groups = new List<WordGroup>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.IsPart && groups.Count > 0)
            {
                ((List<string>)groups[^1].Parts).Add(token.Term);
            }
            else
            {
                groups.Add(new WordGroup(token.Term, new List<string>(), token.Position));
            }
        }

        return groups;
    }

    // The one analysis of a text: whole words and compound parts with their offsets and positions.
    private List<QueryToken> Tokens(string text)
    {
        var tokens = new List<QueryToken>();
        using var stream = analysis.Words.GetTokenStream(IndexFields.Title, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new QueryToken(term.ToString(), type.Type == BilingualTokenizer.PartType, offsets.StartOffset, offsets.EndOffset, position));
        }

        stream.End();
        return tokens;
    }

    // A synonym set's forms are the same in every query until the file changes: they are analysed once per version
    // (and per typed term, which decides the order and which form counts as typed). A plain word is analysed each time.
    private IReadOnlyList<PlannedForm> Forms(QueryConcept concept, SynonymSets sets) =>
        concept.SetIndexes is null
            ? AnalyseForms(concept)
            : SynonymForms.GetValue(sets, _ => new ConcurrentDictionary<string, IReadOnlyList<PlannedForm>>(StringComparer.Ordinal))
                .GetOrAdd(concept.TypedKey, _ => AnalyseForms(concept));

    private List<PlannedForm> AnalyseForms(QueryConcept concept)
    {
        var forms = new List<PlannedForm>(concept.Variants.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The typed form first, so that of forms analysing alike the typed one is kept.
        foreach (var variant in concept.Variants.OrderBy(variant => SynonymSets.KeyOf(variant) == concept.TypedKey ? 0 : 1))
        {
            var groups = Groups(variant);
            var han = HanOnly(variant);
            if ((groups.Count > 0 || han is not null) && seen.Add(han ?? string.Join(' ', groups.Select(group => group.Whole))))
            {
                forms.Add(new PlannedForm(variant, groups, han, SynonymSets.KeyOf(variant) == concept.TypedKey));
            }
        }

        return forms;
    }

    private static string? HanOnly(string text)
    {
        var folded = CharacterFolding.Fold(text).Trim();
        return folded.Length > 0 && folded.All(BilingualTokenizer.IsHan) ? folded : null;
    }

    private Query? TryParse(string text)
    {
        // The parser keeps state per parse, so one is made per query (it is cheap next to the search).
        var parser = new BoundedQueryParser(analysis, SyntaxFields(weights.Value))
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

    /// <summary>The fields a query in Lucene syntax searches: the catch-all, and the title weighted as in plain searches.</summary>
    public static IDictionary<string, float> SyntaxFields(RankingWeights weights) => new Dictionary<string, float>
    {
        [IndexFields.Title] = weights.Title,
        [IndexFields.All] = 1f,
    };

    private sealed class BoundedQueryParser(TextAnalysis analysis, IDictionary<string, float> fields)
        : MultiFieldQueryParser(TextAnalysis.Version, [.. fields.Keys], analysis.Words, fields)
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
