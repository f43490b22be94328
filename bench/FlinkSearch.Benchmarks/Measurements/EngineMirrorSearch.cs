using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.VectorHighlight;
using Lucene.Net.Util;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>One query of LuceneReference.java's <c>search</c> and <c>parse</c>, mirrored in Lucene.Net.</summary>
public static class EngineMirrorSearch
{
    private const int SnippetLength = 160;
    private static readonly string[] Pre = ["<mark>"];
    private static readonly string[] Post = ["</mark>"];

    // Java: Character[] for SimpleBoundaryScanner; Lucene.Net takes char[].
    private static readonly char[] Boundaries = ['。', '，', '；', '！', '？', '、', '.', ',', ';', '!', '?', ' ', '\t', '\n'];
    private static readonly string[] Fields = ["title", "section_text", "note", "body", "author", "account"];
    private static readonly Dictionary<string, float> Boosts = new(StringComparer.Ordinal)
    {
        ["title"] = 4f, ["section_text"] = 2f, ["note"] = 2f, ["body"] = 1f, ["author"] = 1f, ["account"] = 1f,
    };

    private static readonly IEncoder Escaping = new EscapingEncoder();

    /// <summary>The phases a lap can be charged to, in the Java program's order and spelling.</summary>
    public static readonly string[] Phases = ["parse", "search", "stored", "highlight"];

    /// <summary>Runs one query; with <paramref name="phases"/>, also adds each phase's thread CPU milliseconds to it.</summary>
    public static int Search(IndexSearcher searcher, FastVectorHighlighter highlighter, Analyzer analyzer, string text, double[]? phases = null)
    {
        var mark = phases is null ? 0 : CpuTime.ThreadMilliseconds();
        var query = Parse(analyzer, text);
        mark = Lap(phases, 0, mark);
        var counter = new SectionCounter();
        var top = TopScoreDocCollector.Create(10, false);
        searcher.Search(query, MultiCollector.Wrap(counter, top));
        var docs = top.GetTopDocs(0, 10); // Java: topDocs(0, 10)
        counter.Flush();
        mark = Lap(phases, 1, mark);
        var reader = searcher.IndexReader;
        var sink = new StringBuilder();
        foreach (var scoreDoc in docs.ScoreDocs)
        {
            var doc = searcher.Doc(scoreDoc.Doc);
            var title = doc.Get("title");
            var body = doc.Get("body");
            mark = Lap(phases, 2, mark);
            var fieldQuery = highlighter.GetFieldQuery(query, reader);
            var t = highlighter.GetBestFragments(fieldQuery, reader, scoreDoc.Doc, "title", SnippetLength, 1,
                new SingleFragListBuilder(), new LoadedText(title), Pre, Post, Escaping);
            sink.Append(t is null || t.Length == 0 ? Escape(title) : string.Join('…', t));
            if (body is not null)
            {
                var b = highlighter.GetBestFragments(highlighter.GetFieldQuery(query, reader), reader, scoreDoc.Doc, "body", SnippetLength, 2,
                    new SimpleFragListBuilder(), new LoadedText(body), Pre, Post, Escaping);
                sink.Append(b is null || b.Length == 0 ? Escape(body[..Math.Min(SnippetLength, body.Length)]) : string.Join('…', b));
            }

            mark = Lap(phases, 3, mark);
        }

        return docs.TotalHits + (sink.Length < 0 ? 1 : 0);
    }

    private static double Lap(double[]? phases, int phase, double mark)
    {
        if (phases is null)
        {
            return 0;
        }

        var now = CpuTime.ThreadMilliseconds();
        phases[phase] += now - mark;
        return now;
    }

    private static Query Parse(Analyzer analyzer, string text)
    {
        // Java 4.10 has a constructor without the match version; Lucene.Net 4.8 still requires it.
        var parser = new MultiFieldQueryParser(LuceneVersion.LUCENE_48, Fields, analyzer, Boosts)
        {
            DefaultOperator = Operator.OR,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text.Replace(":", "\\:", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal));
        }
        catch (ParseException)
        {
            return parser.Parse(QueryParserBase.Escape(text));
        }
    }

    private static string Escape(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"': output.Append("&quot;"); break;
                case '\'': output.Append("&#39;"); break;
                default: output.Append(c); break;
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Counts every match per section from doc values (Java: a subclass of the 4.10 abstract Collector; Lucene.Net: ICollector).
    /// Like the app's SectionCountingCollector today, but kept apart on purpose: the mirror follows the Java program, not the app's later changes.
    /// </summary>
    private sealed class SectionCounter : ICollector
    {
        private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);
        private SortedSetDocValues? values;
        private int[] segment = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            values = context.AtomicReader.GetSortedSetDocValues("section_facet");
            segment = values is null ? [] : new int[values.ValueCount];
        }

        public void Collect(int doc)
        {
            if (values is null)
            {
                return;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                segment[ord]++;
            }
        }

        public void Flush()
        {
            if (values is null)
            {
                return;
            }

            // Java 4.10: lookupOrd(ord) returns the term; Lucene.Net 4.8 fills a BytesRef the caller passes.
            var name = new BytesRef();
            for (var ord = 0; ord < segment.Length; ord++)
            {
                if (segment[ord] > 0)
                {
                    values.LookupOrd(ord, name);
                    var key = name.Utf8ToString();
                    counts[key] = counts.GetValueOrDefault(key) + segment[ord];
                }
            }

            values = null;
        }
    }

    /// <summary>Gives the highlighter the already loaded text instead of a second stored-field read.</summary>
    private sealed class LoadedText(string text) : ScoreOrderFragmentsBuilder(Pre, Post, new SimpleBoundaryScanner(20, Boundaries))
    {
        protected override Field[] GetFields(IndexReader reader, int docId, string fieldName) => [new TextField(fieldName, text, Field.Store.YES)];
    }

    private sealed class EscapingEncoder : IEncoder
    {
        public string EncodeText(string originalText) => Escape(originalText);
    }
}
