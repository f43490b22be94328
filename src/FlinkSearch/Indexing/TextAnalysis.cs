using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>The analyzers shared by indexing and querying, so both sides segment Chinese the same way.</summary>
public sealed class TextAnalysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public TextAnalysis()
    {
        Analyzer = new PerFieldAnalyzerWrapper(Words, IndexFields.GramFields.ToDictionary(field => field, Analyzer (_) => Grams));
    }

    /// <summary>Words (SmartCn plus domain terms and identifier handling) for the main fields.</summary>
    public Analyzer Words { get; } = new WordAnalyzer();

    /// <summary>Han unigrams and bigrams for the secondary <c>*_cjk</c> fields.</summary>
    public Analyzer Grams { get; } = new GramAnalyzer();

    /// <summary>Per field: <see cref="Grams"/> for the <c>*_cjk</c> fields, <see cref="Words"/> for the rest.</summary>
    public Analyzer Analyzer { get; }

    public void Dispose()
    {
        Analyzer.Dispose();
        Words.Dispose();
        Grams.Dispose();
    }
}
