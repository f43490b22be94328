using FlinkSearch.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Search;

/// <summary>The queries of one search: candidates (scored for every match), their relaxed retry, the ranking that rescores the best candidates, and the marks.</summary>
public sealed record SearchQueries(Query Candidates, Query? Relaxed, Query? Ranking, MarkPlan Marks);

/// <summary>
/// Builds a search's queries from its plan. Finding and first scoring use one field per concept: the catch-all (a
/// synonym set is one concept token there, a Chinese word a bigram term, an English word a word), plus the title,
/// weighted up; most concepts are required. Everything else the ranking knows (sections, note, names, the exact typed
/// form, words close together) only rescores the best few candidates, so its cost does not grow with the matches.
/// </summary>
public sealed class QueryBuilder(IOptions<RankingWeights> options)
{
    // English function words say nothing of the topic: in "Flink on K8S" the "on" must not count as one of the
    // concepts a hit needs (it would let "on" + "Flink" match without K8S). They still add to the score where present.
    // Words about the page rather than its topic (documentation, 文档) and the words of a question (如何, 哪些) are
    // likewise wanted but not required: a page answers "访问 hdfs 需要 哪些 配置" without saying 需要 or 哪些.
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "in", "into", "is",
        "it", "of", "on", "or", "should", "the", "to", "what", "when", "which", "why", "with",
        "doc", "docs", "documentation", "guide", "manual", "tutorial",
        "如何", "怎么", "怎样", "怎么样", "怎么办", "什么", "为什么", "哪些", "哪个", "哪里", "吗", "呢", "吧", "的", "了", "是",
        "在", "和", "与", "及", "或", "中", "下", "上", "里", "时", "会", "能", "可以", "需要", "要", "有", "没有", "一个",
        "一些", "这个", "那个", "之间", "是否", "能否", "还", "还能", "都", "也", "就", "文档", "教程",
    };

    private RankingWeights Weights => options.Value;

    /// <summary>
    /// The queries for <paramref name="plan"/> against <paramref name="reader"/>. Concept tokens are searched only when
    /// the index was built with the synonym sets the plan used (<paramref name="indexSynonyms"/>); else every form.
    /// </summary>
    public SearchQueries Build(QueryPlan plan, IndexReader reader, string? indexSynonyms)
    {
        if (plan.Parsed is { } parsed)
        {
            return new SearchQueries(parsed, null, null, SyntaxMarks(parsed, reader));
        }

        var context = new Context(plan, reader, indexSynonyms == plan.Synonyms.Version, Weights);
        var (required, optional) = ConceptClauses(context);
        // With one required concept the relaxed query would be the same query again.
        var relaxed = required.Count >= 2 ? Candidates(required, optional, relaxed: true) : null;
        return new SearchQueries(Candidates(required, optional, relaxed: false), relaxed, Ranking(context), Marks(context));
    }

    /// <summary>All of one or two concepts, all but one of three or four, 60 % of longer queries.</summary>
    public static int MinimumToMatch(int concepts) => concepts switch
    {
        <= 2 => concepts,
        <= 4 => concepts - 1,
        _ => (int)Math.Ceiling(concepts * 0.6),
    };

    // Per concept, its candidate clause: the catch-all and the title. The clauses serve both the query and its relaxed
    // retry (a query's parts may be shared; building them twice cost a second round of terms dictionary lookups).
    private static (List<Query> Required, List<Query> Optional) ConceptClauses(Context context)
    {
        var required = new List<Query>();
        var optional = new List<Query>();
        foreach (var concept in context.Plan.Concepts)
        {
            var query = Any(context.ConceptIn(concept, IndexFields.All, IndexFields.AllGrams),
                Boosted(context.ConceptIn(concept, IndexFields.Title, IndexFields.TitleGrams), context.Weights.Title));
            if (query is not null)
            {
                (IsCommon(context, concept) ? optional : required).Add(query);
            }
        }

        return required.Count == 0 ? (optional, required) : (required, optional);
    }

    private static Query Candidates(List<Query> required, List<Query> optional, bool relaxed)
    {
        // When every concept is required they are a conjunction, which Lucene leapfrogs from the rarest one; asking for
        // "n of n should match" instead keeps a heap of them all (MinShouldMatchSumScorer: 11 % of search CPU at 10k).
        var minimum = relaxed ? Math.Min(1, required.Count) : MinimumToMatch(required.Count);
        var core = new BooleanQuery(disableCoord: true);
        foreach (var query in required)
        {
            core.Add(query, minimum == required.Count && required.Count > 1 ? Occur.MUST : Occur.SHOULD);
        }

        core.MinimumNumberShouldMatch = minimum == required.Count || minimum <= 1 ? 0 : minimum;
        if (optional.Count == 0)
        {
            return core;
        }

        var whole = new BooleanQuery(disableCoord: true) { { core, Occur.MUST } };
        foreach (var query in optional)
        {
            whole.Add(query, Occur.SHOULD);
        }

        return whole;
    }

    private static Query Ranking(Context context)
    {
        var weights = context.Weights;
        // Lucene.Net 4.8's QueryRescorer needs a scorer in every segment it visits; this clause matches all, adds nothing.
        var ranking = new BooleanQuery(disableCoord: true) { { new MatchAllDocsQuery { Boost = 0 }, Occur.SHOULD } };
        foreach (var concept in context.Plan.Concepts)
        {
            Add(ranking, Boosted(context.ConceptIn(concept, IndexFields.SectionText, null), weights.Section));
            Add(ranking, Boosted(context.ConceptIn(concept, IndexFields.Note, IndexFields.NoteGrams), weights.Note));
            Add(ranking, Boosted(context.ConceptIn(concept, IndexFields.Author, null), weights.Name));
            Add(ranking, Boosted(context.ConceptIn(concept, IndexFields.Account, null), weights.Name));
            if (concept.Forms.Count > 1 || concept.Typed.Han is not null)
            {
                // The words the user typed rank above their equivalents (窗口 lists 窗口 titles before Window ones) and
                // above the same characters inside other words (算子 in 常用算子 before 计算子任务).
                Add(ranking, Boosted(context.FormIn(concept.Typed, IndexFields.Title, grams: null), weights.ExactTitle));
                Add(ranking, Boosted(context.FormIn(concept.Typed, IndexFields.All, grams: null), weights.ExactBody));
            }
        }

        // Hits where the typed words stand together, in order or nearly, rank above hits where they are scattered.
        // Only across concepts: the words of one concept's form (exactly once) are that form, rewarded as exact already.
        if (context.Plan.TypedWords.Count >= 2 && context.Plan.Concepts.Count >= 2)
        {
            Add(ranking, Proximity(context.Plan.TypedWords, IndexFields.Title, weights.TitleSlop, weights.TitleProximity));
            Add(ranking, Proximity(context.Plan.TypedWords, IndexFields.Note, weights.TitleSlop, weights.NoteProximity));
            Add(ranking, Proximity(context.Plan.TypedWords, IndexFields.All, weights.BodySlop, weights.BodyProximity));
        }

        return ranking;
    }

    private static MarkPlan Marks(Context context)
    {
        var patterns = new List<MarkPattern>();
        for (var i = 0; i < context.Plan.Concepts.Count; i++)
        {
            var concept = context.Plan.Concepts[i];
            foreach (var (words, grams) in (ReadOnlySpan<(string, string)>)[(IndexFields.Title, IndexFields.TitleGrams), (IndexFields.All, IndexFields.AllGrams), (IndexFields.Note, IndexFields.NoteGrams)])
            {
                if (context.Tokens(concept) is { } tokens)
                {
                    patterns.AddRange(tokens.Select(token => new MarkPattern(words, [token], i)));
                    continue;
                }

                foreach (var form in concept.Forms)
                {
                    patterns.AddRange(FormMarks(form, words, grams, i));
                }
            }
        }

        return new MarkPlan(patterns);
    }

    private static IEnumerable<MarkPattern> FormMarks(PlannedForm form, string words, string grams, int concept)
    {
        if (form.Han is { Length: >= 2 } han)
        {
            yield return new MarkPattern(grams, han.Length == 2 ? [han] : Bigrams(han), concept);
            yield break;
        }

        if (form.Groups.Count > 1)
        {
            yield return new MarkPattern(words, [.. form.Groups.Select(group => group.Whole)], concept);
            yield break;
        }

        yield return new MarkPattern(words, [form.Groups[0].Whole], concept);
        foreach (var part in form.Groups[0].Parts)
        {
            yield return new MarkPattern(words, [part], concept);
        }
    }

    private static MarkPlan SyntaxMarks(Query parsed, IndexReader reader)
    {
        var terms = new HashSet<Term>();
        try
        {
            parsed.Rewrite(reader).ExtractTerms(terms);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or BooleanQuery.TooManyClausesException)
        {
            return MarkPlan.None;
        }

        var texts = terms.Select(term => term.Text).Distinct(StringComparer.Ordinal).ToList();
        return new MarkPlan([.. texts.SelectMany((text, i) => (IEnumerable<MarkPattern>)
            [new(IndexFields.Title, [text], i), new(IndexFields.All, [text], i), new(IndexFields.Note, [text], i)])]);
    }

    private static bool IsCommon(Context context, PlannedConcept concept) =>
        concept.Concept.SetIndexes is null && concept.Forms switch
        {
            [{ Han: { } han }] => FunctionWords.Contains(han),
            [{ Han: null, Groups: [{ Parts.Count: 0 } only] }] => FunctionWords.Contains(only.Whole) || (context.Reader.MaxDoc > 0
                && context.Terms.DocFreq(new Term(IndexFields.Title, only.Whole)) > context.Reader.MaxDoc * context.Weights.CommonShare),
            _ => false,
        };

    private static Query? Proximity(IReadOnlyList<WordGroup> words, string field, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word.Whole), word.Position);
        }

        return phrase;
    }

    private static string[] Bigrams(string han) => [.. Enumerable.Range(0, han.Length - 1).Select(i => han.Substring(i, 2))];

    private static Query? Boosted(Query? query, float boost)
    {
        if (query is not null)
        {
            query.Boost *= boost;
        }

        return query;
    }

    private static void Add(BooleanQuery query, Query? clause)
    {
        if (clause is not null)
        {
            query.Add(clause, Occur.SHOULD);
        }
    }

    private static Query? Any(params Query?[] queries)
    {
        var present = queries.Where(query => query is not null).ToList();
        if (present.Count <= 1)
        {
            return present.FirstOrDefault();
        }

        var any = new BooleanQuery(disableCoord: true);
        foreach (var query in present)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>One search's view: its plan, the index it runs on, and whether that index carries the plan's concept tokens.</summary>
    private sealed class Context(QueryPlan plan, IndexReader reader, bool conceptTokens, RankingWeights weights)
    {
        private static readonly DefaultSimilarity Similarity = new();

        public QueryPlan Plan { get; } = plan;
        public IndexReader Reader { get; } = reader;
        public TermLookup Terms { get; } = new(reader);
        public RankingWeights Weights { get; } = weights;

        /// <summary>The concept tokens standing for the concept, or null when it is a plain word or the index predates the synonyms.</summary>
        public IEnumerable<string>? Tokens(PlannedConcept concept) =>
            conceptTokens && concept.Concept.SetIndexes is { } sets ? sets.Select(Plan.Synonyms.TokenOf) : null;

        /// <summary>The concept in one field (and its bigram field for Chinese forms), or null when nothing of it can match there.</summary>
        public Query? ConceptIn(PlannedConcept concept, string words, string? grams)
        {
            var forms = new List<Query?>();
            if (Tokens(concept) is { } tokens)
            {
                var terms = tokens.Select(token => new Term(words, token)).ToList();
                forms.AddRange(terms.Select(Informative));
                if (words == IndexFields.Title)
                {
                    // Titles also take what a token cannot: pieces, and forms of several words with a stop word between
                    // them (端到端的精确语义 for 端到端精确语义). They are looser evidence than the token, and a phrase's
                    // weight would sum its words' rarity (仅 一 次 outscoring the concept itself): a loose match scores a
                    // fixed share of what the token's rarity gives. Only in titles: every term of a query costs a terms
                    // dictionary lookup per field (11 % of search CPU at 10k), and in the other short fields these
                    // added dozens of lookups to a two-concept query for a handful of matches.
                    var rarity = terms.Max(Idf);
                    var loose = Weights.Loose * rarity * rarity;
                    forms.AddRange(concept.Forms.Select(form => Constant(Pieces(form, words), loose)));
                    forms.AddRange(concept.Forms.Where(form => form.Groups.Count > 1).Select(form => Constant(FormIn(form, words, grams: null), loose)));
                }

                return Best(forms);
            }

            foreach (var form in concept.Forms)
            {
                var query = Best([FormIn(form, words, grams), Pieces(form, words)]);
                forms.Add(form.IsTyped || concept.Forms.Count == 1 ? query : Boosted(query, Weights.Equivalent));
            }

            return Best(forms);
        }

        // Per field the best way a concept matches counts, not the sum of them: a title with both 时间窗口 and Time Window
        // is not twice as relevant.
        private static Query? Best(List<Query?> ways)
        {
            var present = ways.OfType<Query>().ToList();
            if (present.Count <= 1)
            {
                return present.FirstOrDefault();
            }

            var best = new DisjunctionMaxQuery(0f);
            foreach (var way in present)
            {
                best.Add(way);
            }

            return best;
        }

        /// <summary>One form in one field: a Chinese form as bigrams, other forms as their words (a compound whole).</summary>
        public Query? FormIn(PlannedForm form, string words, string? grams)
        {
            if (form.Han is { Length: >= 2 } han && grams is not null)
            {
                return han.Length == 2 ? Terms.Query(new Term(grams, han)) : Phrase(grams, Bigrams(han), slop: 0);
            }

            if (form.Groups.Count == 0)
            {
                return null;
            }

            if (form.Groups.Count > 1)
            {
                var phrase = new PhraseQuery { Slop = 1 };
                foreach (var group in form.Groups)
                {
                    phrase.Add(new Term(words, group.Whole), group.Position - form.Groups[0].Position);
                }

                return phrase;
            }

            return Informative(new Term(words, form.Groups[0].Whole));
        }

        // A compound also matches as its pieces close together (滑动窗口 finds 滑动时间窗口, checkpoint coordinator finds
        // CheckpointCoordinator), in the short fields only: checking positions in every body would cost a pass over them.
        private PhraseQuery? Pieces(PlannedForm form, string field) =>
            field != IndexFields.All && form.Groups is [{ Parts.Count: >= 2 } word] ? Phrase(field, word.Parts, Weights.PiecesSlop) : null;

        private float Idf(Term term) => Similarity.Idf(Terms.DocFreq(term), Math.Max(1, Reader.MaxDoc));

        private static ConstantScoreQuery? Constant(Query? query, float score) => query is null ? null : new ConstantScoreQuery(query) { Boost = score };

        // Author and account names repeat across articles (most come from a handful of official accounts). A word that
        // most articles carry there cannot tell them apart, yet scoring it visits every one of them.
        private TermQuery? Informative(Term term) =>
            term.Field is IndexFields.Author or IndexFields.Account && Reader.MaxDoc > 0
            && Terms.DocFreq(term) > Reader.MaxDoc * Weights.UninformativeShare
                ? null
                : Terms.Query(term);

        private static PhraseQuery Phrase(string field, IReadOnlyList<string> terms, int slop)
        {
            var phrase = new PhraseQuery { Slop = slop };
            for (var i = 0; i < terms.Count; i++)
            {
                phrase.Add(new Term(field, terms[i]), i);
            }

            return phrase;
        }
    }
}
