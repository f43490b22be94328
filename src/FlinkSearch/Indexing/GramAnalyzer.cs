using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace FlinkSearch.Indexing;

/// <summary>
/// Overlapping Han bigrams for the secondary <c>*_cjk</c> fields: whatever SmartCn made of a sentence, any Chinese
/// substring of two or more characters is still found as a phrase of bigrams. Single characters are left to the word
/// fields (SmartCn's one-character words): indexing every character again as a unigram doubled the field for queries
/// of one character. Other text is left to the main fields.
/// </summary>
public sealed class GramAnalyzer : Analyzer
{
    public const string UnigramType = "<SINGLE>";
    public const string BigramType = "<DOUBLE>";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream stream = new CJKBigramFilter(tokenizer, CJKScript.HAN, outputUnigrams: false);
        stream = new TypeTokenFilter(TextAnalysis.Version, stream, [UnigramType, BigramType], useWhiteList: true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    public override int GetPositionIncrementGap(string fieldName) => WordAnalyzer.ValueGap;
}
