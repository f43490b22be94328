using System.Text;
using FlinkSearch.Indexing;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace FlinkSearch.Search;

/// <summary>
/// Turns what a user typed into a Lucene query over the article fields. Lucene syntax (quotes, AND/OR, wildcards)
/// is honoured when it parses; anything that doesn't parse is searched as plain words instead of failing.
/// </summary>
public sealed class QueryBuilder(TextAnalysis analysis)
{
    private const int MaxPlainTerms = 64;

    // Fuzzy and wildcard terms compile into automata per field whose cost grows with the term's length, alphabet and
    // wildcards: a long `xxxxxxxx…~` or `c*e*c*k*p*o*…` cost seconds, so such terms, and any beyond the first few,
    // are searched as typed.
    internal const int MaxExpensiveTermLength = 16;
    internal const int MaxWildcards = 2;
    internal const int MaxExpensiveTerms = 4;

    // Title matches outrank everything; the section a link is listed under and its note say more than a passing mention.
    private static readonly Dictionary<string, float> FieldBoosts = new()
    {
        [IndexFields.Title] = 4f,
        [IndexFields.SectionText] = 2f,
        [IndexFields.Note] = 2f,
        [IndexFields.Body] = 1f,
        [IndexFields.Author] = 1f,
        [IndexFields.Account] = 1f,
    };

    public Query Build(string text)
    {
        // The parser keeps state per parse, so one is made per query (it is cheap next to the search).
        var parser = new BoundedQueryParser([.. FieldBoosts.Keys], analysis)
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
            return PlainWords(text);
        }
    }

    /// <summary>Every analysed word of the text, in any field; the fallback for text that is not valid query syntax.</summary>
    public Query PlainWords(string text)
    {
        var words = new List<string>();
        using (var stream = analysis.Analyzer.GetTokenStream(IndexFields.Title, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && words.Count < MaxPlainTerms)
            {
                words.Add(term.ToString());
            }

            stream.End();
        }

        var query = new BooleanQuery();
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            foreach (var (field, boost) in FieldBoosts)
            {
                query.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return query;
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

    private sealed class BoundedQueryParser(string[] fields, TextAnalysis analysis)
        : MultiFieldQueryParser(TextAnalysis.Version, fields, analysis.Analyzer, FieldBoosts)
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
