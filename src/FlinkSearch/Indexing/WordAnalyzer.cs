using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;

namespace FlinkSearch.Indexing;

/// <summary>
/// The analysis of the main text fields: folding, <see cref="BilingualTokenizer"/>, lower case, stop words, and only
/// plural stripping for English (SmartCn's Porter stemmer turns <c>elastic</c> into <c>elast</c>). Given a
/// <see cref="ConceptTagger"/> (index builds), it also adds the synonym sets' concept tokens.
/// </summary>
public sealed class WordAnalyzer(ConceptTagger? concepts = null) : Analyzer
{
    /// <summary>Between the values of a multi-valued field (the catch-all holds body, title, note…): no phrase spans two.</summary>
    public const int ValueGap = 100;

    // Particles and question words that carry no topic; titles here are mostly questions ("…是什么？").
    private static readonly CharArraySet StopWords = new(TextAnalysis.Version,
    [
        "的", "了", "吗", "呢", "吧", "啊", "和", "与", "及", "或", "是", "在", "之", "中", "把", "被", "让", "对", "于", "也", "都",
        "就", "又", "这", "那", "个", "什么", "如何", "怎么", "怎样", "哪些", "为什么", "有没有", "一个", "一下", "以及", "还是",
    ], ignoreCase: false);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new BilingualTokenizer(reader);
        TokenStream stream = new LowerCaseFilter(TextAnalysis.Version, tokenizer);
        stream = new StopFilter(TextAnalysis.Version, stream, StopWords);
        stream = new EnglishMinimalStemFilter(stream);
        if (concepts is not null)
        {
            stream = new ConceptTokenFilter(stream, tokenizer, concepts);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;
}
