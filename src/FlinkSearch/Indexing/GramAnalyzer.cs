using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace FlinkSearch.Indexing;

/// <summary>
/// Overlapping Han unigrams and bigrams for the secondary <c>*_cjk</c> fields: whatever SmartCn made of a sentence,
/// any Chinese substring of it is still found as a phrase of bigrams. Other text is left to the main fields.
/// </summary>
public sealed class GramAnalyzer : Analyzer
{
    public const string UnigramType = "<SINGLE>";
    public const string BigramType = "<DOUBLE>";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream stream = new CJKBigramFilter(tokenizer, CJKScript.HAN, outputUnigrams: true);
        stream = new TypeTokenFilter(TextAnalysis.Version, stream, [UnigramType, BigramType], useWhiteList: true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new FoldingCharFilter(reader);

    public override int GetPositionIncrementGap(string fieldName) => WordAnalyzer.ValueGap;
}
