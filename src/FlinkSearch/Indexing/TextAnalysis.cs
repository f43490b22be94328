using Lucene.Net.Analysis;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>The analyzers shared by indexing and querying, so both sides segment Chinese the same way.</summary>
public sealed class TextAnalysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public TextAnalysis()
    {
        Analyzer = new FieldAnalyzer(Words, Grams, ownsWords: false);
    }

    /// <summary>Words (SmartCn plus domain terms and identifier handling) for the main fields, as queries see them.</summary>
    public Analyzer Words { get; } = new WordAnalyzer();

    /// <summary>Han unigrams and bigrams for the secondary <c>*_cjk</c> fields.</summary>
    public Analyzer Grams { get; } = new GramAnalyzer();

    /// <summary>Per field: <see cref="Grams"/> for the <c>*_cjk</c> fields, <see cref="Words"/> for the rest.</summary>
    public Analyzer Analyzer { get; }

    /// <summary>What an index build writes with: <see cref="Analyzer"/> plus the concept tokens of <paramref name="synonyms"/>.</summary>
    public Analyzer ForIndex(SynonymSets synonyms) => new FieldAnalyzer(new WordAnalyzer(new ConceptTagger(synonyms)), Grams, ownsWords: true);

    public void Dispose()
    {
        Analyzer.Dispose();
        Words.Dispose();
        Grams.Dispose();
    }

    private sealed class FieldAnalyzer(Analyzer words, Analyzer grams, bool ownsWords) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
    {
        protected override Analyzer GetWrappedAnalyzer(string fieldName) => IndexFields.IsGramField(fieldName) ? grams : words;

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsWords)
            {
                words.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
