using FlinkSearch.Indexing;
using FlinkSearch.Search;
using FlinkSearch.Takedowns;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace FlinkSearch.Related;

/// <summary>
/// Articles like a given one, by Lucene's <see cref="MoreLikeThis"/>: the most telling terms of its title and of its
/// body (with its sections and note, as the catch-all field holds them) asked of the same fields, the same section
/// weighted up, the article itself and taken-down articles left out.
/// </summary>
/// <remarks>
/// The index keeps no term vectors and stores no body field, so <c>MoreLikeThis.Like(docNum)</c> has nothing to read;
/// the body's characters are in doc values (<see cref="StoredArticles.Body"/>), and <c>Like(TextReader, field)</c>
/// analyses them again with the index's own analysis (concept tokens included when the index was built with the current
/// synonyms), so 窗口 and Window articles share their concept term.
/// </remarks>
public sealed class RelatedArticles(ServingIndex index, TextAnalysis analysis, SynonymDictionary synonyms, HiddenArticles hidden)
{
    public const int DefaultSize = 5;
    public const int MaxSize = 20;

    // Titles are a few words: every one counts. Bodies are long: only terms said twice or more, and the 25 most telling.
    private const int TitleTerms = 12;
    private const int BodyTerms = 25;

    // A title term says more about the topic than one body term; sharing a section says the curator put them together.
    private const float TitleBoost = 2f;
    private const float SectionBoost = 1.5f;

    // A term in more than this share of the articles ("Flink") tells nothing about any of them.
    private const int MaxDocFreqPercent = 40;

    /// <summary>The related articles of <paramref name="id"/>, best first; null when no served article has that id or it is hidden.</summary>
    public RelatedResult? Find(string id, int size)
    {
        if (!index.TryAcquire(out var lease))
        {
            throw new IndexNotReadyException();
        }

        using (lease)
        {
            var searcher = lease.Searcher;
            var reader = searcher.IndexReader;
            if (hidden.IsHidden(id) || DocOf(searcher, id) is not { } doc || StoredArticles.Read(reader, doc) is not { } article)
            {
                return null;
            }

            var hiddenDocs = hidden.Of(reader, lease.Metadata.Generation);
            var query = QueryFor(reader, doc, article, lease.Metadata.SynonymsVersion);
            var top = searcher.Search(query, size + hiddenDocs.Count);
            var hits = top.ScoreDocs
                .Where(scoreDoc => !hiddenDocs.Contains(scoreDoc.Doc))
                .Take(size)
                .Select(scoreDoc => RelatedHit.Of(reader, scoreDoc))
                .OfType<SearchHit>()
                .ToList();
            return new RelatedResult(article.Id, hits, lease.Metadata.Generation);
        }
    }

    private static int? DocOf(IndexSearcher searcher, string id)
    {
        var found = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        return found.TotalHits > 0 ? found.ScoreDocs[0].Doc : null;
    }

    private Query QueryFor(IndexReader reader, int doc, StoredArticle article, string? indexSynonyms)
    {
        var current = synonyms.Current;
        // Concept tokens are terms of the index only when it was built with the synonym sets in use now.
        using var conceptAnalyzer = indexSynonyms == current.Version ? analysis.ForIndex(current) : null;
        var analyzer = conceptAnalyzer ?? analysis.Words;

        var body = StoredArticles.Body(reader, doc);
        var catchAll = string.Join('\n', [body.ToString(), .. article.Sections, article.Note ?? ""]);
        var alike = new BooleanQuery(disableCoord: true);
        AddLike(alike, reader, analyzer, IndexFields.Title, article.Title, minTermFreq: 1, TitleTerms, TitleBoost);
        AddLike(alike, reader, analyzer, IndexFields.All, catchAll, minTermFreq: body.IsEmpty ? 1 : 2, BodyTerms, 1f);

        var query = new BooleanQuery(disableCoord: true);
        if (alike.Clauses.Count > 0)
        {
            query.Add(alike, Occur.MUST);
        }

        foreach (var section in article.Sections)
        {
            query.Add(new TermQuery(new Term(IndexFields.Section, section)) { Boost = SectionBoost }, alike.Clauses.Count > 0 ? Occur.SHOULD : Occur.SHOULD);
        }

        query.Add(new TermQuery(new Term(IndexFields.Id, article.Id)), Occur.MUST_NOT);
        return query;
    }

    private static void AddLike(BooleanQuery alike, IndexReader reader, Analyzer analyzer, string field, string text, int minTermFreq, int maxTerms, float boost)
    {
        var moreLikeThis = new MoreLikeThis(reader)
        {
            Analyzer = analyzer,
            FieldNames = [field],
            MinTermFreq = minTermFreq,
            MinDocFreq = 2,
            MaxQueryTerms = maxTerms,
            ApplyBoost = true,
        };
        moreLikeThis.SetMaxDocFreqPct(MaxDocFreqPercent);
        using var textReader = new StringReader(text);
        if (moreLikeThis.Like(textReader, field) is BooleanQuery { Clauses.Count: > 0 } like)
        {
            like.Boost = boost;
            alike.Add(like, Occur.SHOULD);
        }
    }
}

/// <summary>The related articles of <see cref="Id"/>; <see cref="Generation"/> travels as a header, not in the body.</summary>
public sealed record RelatedResult(
    string Id,
    IReadOnlyList<SearchHit> Hits,
    [property: System.Text.Json.Serialization.JsonIgnore] string? Generation = null);
