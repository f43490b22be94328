using FlinkSearch.Indexing;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FlinkSearch.Tests.Relevance;

/// <summary>
/// The yardstick for body relevance: plain Lucene with SmartCn over the same articles, fields title and body, the query
/// parsed as OR over title (boost 2) and body with the default similarity — the baseline the maintainers run in Java.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Title = "title";
    private const string Body = "body";
    private const string Id = "id";

    private readonly RAMDirectory directory = new();
    private readonly SmartChineseAnalyzer analyzer = new(Version);
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public LuceneBaseline(IEnumerable<IndexableArticle> articles)
    {
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer)))
        {
            foreach (var article in articles)
            {
                writer.AddDocument(new Document
                {
                    new StringField(Id, article.Id, Field.Store.YES),
                    new TextField(Title, article.Title, Field.Store.NO),
                    new TextField(Body, article.Body ?? "", Field.Store.NO),
                });
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
    }

    /// <summary>The ids of the best <paramref name="size"/> articles for the query text, best first.</summary>
    public IReadOnlyList<string> Search(string text, int size)
    {
        var parser = new MultiFieldQueryParser(Version, [Title, Body], analyzer, new Dictionary<string, float> { [Title] = 2f, [Body] = 1f })
        {
            DefaultOperator = Operator.OR,
        };
        var query = parser.Parse(QueryParserBase.Escape(text));
        return [.. searcher.Search(query, size).ScoreDocs.Select(hit => searcher.Doc(hit.Doc).Get(Id))];
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }
}
