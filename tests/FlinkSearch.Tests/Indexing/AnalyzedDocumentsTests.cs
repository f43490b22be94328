using FlinkSearch.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FlinkSearch.Tests.Indexing;

public sealed class AnalyzedDocumentsTests
{
    // Domain terms, camel case and hyphenated identifiers (tokens at the same position), stop words at the end (a final
    // position increment), punctuation (offset gaps), several sections (a multi-valued field) and an article without body.
    private static readonly IndexableArticle[] Articles =
    [
        new("a", "https://example.com/a", "Flink 的两阶段提交是什么？", ["容错是什么", "状态管理"], "备注：exactly-once 语义", "flink", 1, ArticleStatus.Ok,
            Body: "CheckpointCoordinator 负责触发检查点。两阶段提交保证端到端的 exactly-once，Kafka sink 用到了它。这是什么", Author: "张三", Account: "Flink 中文社区"),
        new("b", "https://example.com/b", "keyBy 与 HTTPServer 的窗口", ["窗口"], null, "flink", 2, ArticleStatus.Uncrawled),
        new("c", "https://example.com/c", "滚动窗口和滑动窗口", [], "对比", "flink", 3, ArticleStatus.Ok,
            Body: "滚动窗口（Tumbling Window）不重叠；滑动窗口会重叠。k8s 上部署 Flink on YARN 也可以吗", PublishedAt: DateTimeOffset.UnixEpoch),
    ];

    [Fact]
    public void Captured_tokens_index_the_same_terms_positions_offsets_and_norms_as_analysing_in_the_writer()
    {
        using var analysis = new TextAnalysis();
        using var inWriter = Build(analysis.Analyzer, Articles.Select(ArticleDocumentMapper.ToDocument));
        using var captured = Build(analysis.Analyzer, Articles.Select(a => AnalyzedDocuments.Analyze(a, analysis.Analyzer)));

        Assert.Equal(Describe(inWriter), Describe(captured));
    }

    [Fact]
    public void Captured_tokens_keep_the_concept_tokens_of_the_synonym_sets()
    {
        using var analysis = new TextAnalysis();
        using var index = analysis.ForIndex(SynonymSets.Parse(["检查点, checkpoint", "两阶段提交, two phase commit", "窗口, window", "滚动窗口, tumbling window"]));
        using var inWriter = Build(index, Articles.Select(ArticleDocumentMapper.ToDocument));
        using var captured = Build(index, Articles.Select(a => AnalyzedDocuments.Analyze(a, index)));

        var described = Describe(captured);
        Assert.Equal(Describe(inWriter), described);
        Assert.Contains(described, line => line.StartsWith("all:⁂窗口 ", StringComparison.Ordinal));
        Assert.Contains(described, line => line.StartsWith("title:⁂两阶段提交 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_come_out_in_source_order_with_their_stored_values()
    {
        using var analysis = new TextAnalysis();
        var articles = Enumerable.Range(0, 60)
            .Select(i => Articles[i % Articles.Length] with { Id = $"doc-{i}", Position = i })
            .ToList();

        var documents = AnalyzedDocuments.InSourceOrder(articles, analysis.Analyzer, TestContext.Current.CancellationToken).ToList();

        Assert.Equal(articles.Select(a => a.Id), documents.Select(d => d.Get(IndexFields.Id)));
        // The catch-all's first value is the body, when there is one.
        Assert.Equal(articles.Select(a => a.Body ?? a.Sections[0]), documents.Select(d => d.GetFields(IndexFields.All)[0].GetStringValue()));
    }

    [Fact]
    public void A_cancelled_build_stops_handing_out_documents()
    {
        using var analysis = new TextAnalysis();
        using var cancellation = new CancellationTokenSource();
        var articles = Enumerable.Range(0, 200).Select(i => Articles[0] with { Id = $"doc-{i}" }).ToList();
        var handed = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in AnalyzedDocuments.InSourceOrder(articles, analysis.Analyzer, cancellation.Token))
            {
                if (++handed == 3)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.InRange(handed, 3, 199);
    }

    [Fact]
    public void An_article_whose_analysis_fails_fails_the_enumeration_after_the_documents_before_it()
    {
        using var analyzer = new FailingAnalyzer("boom");
        var articles = Enumerable.Range(0, 40)
            .Select(i => Articles[0] with { Id = $"doc-{i}", Body = i == 25 ? "boom" : "正文" })
            .ToList();
        var handed = new List<string>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var document in AnalyzedDocuments.InSourceOrder(articles, analyzer, TestContext.Current.CancellationToken))
            {
                handed.Add(document.Get(IndexFields.Id));
            }
        });

        Assert.Equal("boom", error.Message);
        Assert.Equal(articles.Take(25).Select(a => a.Id), handed);
    }

    private static RAMDirectory Build(Analyzer analyzer, IEnumerable<Document> documents)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer));
        foreach (var document in documents)
        {
            writer.AddDocument(document);
        }

        writer.Commit();
        return directory;
    }

    // Every indexed field's postings (documents, frequencies, positions), norms, term vectors (with positions and
    // offsets) and stored values, as text that two indexes can be compared by.
    private static List<string> Describe(Lucene.Net.Store.Directory directory)
    {
        using var reader = DirectoryReader.Open(directory);
        var leaf = Assert.Single(reader.Leaves).AtomicReader;
        var lines = new List<string>();
        foreach (var field in leaf.Fields)
        {
            var termsEnum = leaf.GetTerms(field).GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var postings = termsEnum.DocsAndPositions(null, null);
                lines.Add($"{field}:{termsEnum.Term.Utf8ToString()} {(postings is null ? Docs(termsEnum) : Positions(postings))}");
            }

            var norms = leaf.GetNormValues(field);
            lines.Add($"{field} norms {(norms is null ? "none" : string.Join(",", Enumerable.Range(0, leaf.MaxDoc).Select(norms.Get)))}");
        }

        for (var doc = 0; doc < leaf.MaxDoc; doc++)
        {
            lines.AddRange(leaf.Document(doc).Fields.Select(f => $"{doc} stored {f.Name}={f.GetStringValue()}"));
            if (leaf.GetTermVectors(doc) is not { } vectors)
            {
                continue;
            }

            foreach (var field in vectors)
            {
                var termsEnum = vectors.GetTerms(field).GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    lines.Add($"{doc} vector {field}:{termsEnum.Term.Utf8ToString()} {Positions(termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS))}");
                }
            }
        }

        return lines;
    }

    private static string Docs(TermsEnum termsEnum)
    {
        var docs = termsEnum.Docs(null, null);
        var found = new List<string>();
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            found.Add($"{docs.DocID}x{docs.Freq}");
        }

        return string.Join(" ", found);
    }

    private static string Positions(DocsAndPositionsEnum postings)
    {
        var found = new List<string>();
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            var positions = Enumerable.Range(0, postings.Freq)
                .Select(_ => $"{postings.NextPosition()}[{postings.StartOffset}-{postings.EndOffset}]");
            found.Add($"{postings.DocID}:{string.Join(",", positions)}");
        }

        return string.Join(" ", found);
    }

    private sealed class FailingAnalyzer(string poison) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
            new(new FailingTokenizer(reader, poison));
    }

    private sealed class FailingTokenizer(TextReader reader, string poison) : Tokenizer(reader)
    {
        public override bool IncrementToken() =>
            m_input.ReadToEnd() == poison ? throw new InvalidOperationException(poison) : false;
    }
}
