using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace FlinkSearch.Indexing;

/// <summary>
/// A hash of what decides a document's tokens. A generation whose analysis differs from today's cannot be carried over:
/// its old documents would hold tokens that today's queries no longer produce.
/// </summary>
public static class AnalysisVersion
{
    /// <summary>Bump when an analyzer, tokenizer, filter, stop-word list or the choice of analyzer per field changes.</summary>
    public const int Revision = 1;

    // Stands for every article: Chinese with domain terms and stop words, Traditional and full-width text, identifiers,
    // plurals and punctuation, in every field the mapper fills.
    private static readonly IndexableArticle Probe = new(
        "probe", "https://example.org/probe", "Flink 的检查点（Checkpoint）是什么？", ["State&Checkpoint", "窗口"],
        "備註：ＫａｆｋａＳｉｎｋ 的 exactly-once 语义", "probe", 1, ArticleStatus.Ok,
        Body: "CheckpointCoordinator 负责触发检查点，两阶段提交保证端到端的精确一次。滚动窗口和滑动窗口的水位线；keyBy 之后 Watermarks 会对齐。",
        Author: "张三", Account: "Flink 中文社区", PublishedAt: DateTimeOffset.UnixEpoch, CrawledAt: DateTimeOffset.UnixEpoch);

    // Fixed sets, so that the probe covers how concept tokens are made while the data dir's synonyms stay an input of their own.
    private static readonly SynonymSets ProbeSynonyms = SynonymSets.Parse(["检查点, checkpoint, checkpoints", "水位线, 水印, watermark"]);

    /// <summary>
    /// The revision, the domain terms, the analysis packages (SmartCn's dictionary ships inside its package), and the
    /// tokens the app makes of a sample article through its own mapper and index analyzers. The sample is a safety net for a
    /// forgotten bump: a changed analyzer, filter or field layout usually changes some of its tokens or field types.
    /// </summary>
    public static string Of(TextAnalysis analysis)
    {
        var text = new StringBuilder();
        text.Append(Revision).Append('\n');
        text.AppendJoin('|', DomainTerms.All.Order(StringComparer.Ordinal)).Append('\n');
        text.Append(typeof(SmartChineseAnalyzer).Assembly.FullName).Append('\n');
        text.Append(typeof(Lucene.Net.Analysis.Cjk.CJKBigramFilter).Assembly.FullName).Append('\n');
        using var analyzer = analysis.ForIndex(ProbeSynonyms);
        foreach (var field in AnalyzedDocuments.Analyze(Probe, analyzer).Fields.OfType<Field>())
        {
            text.Append(field.Name).Append(' ').Append(field.FieldType).Append('\n');
            if (field.GetTokenStreamValue() is { } tokens)
            {
                AppendTokens(text, tokens);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void AppendTokens(StringBuilder text, Lucene.Net.Analysis.TokenStream tokens)
    {
        var term = tokens.AddAttribute<ICharTermAttribute>();
        var position = tokens.AddAttribute<IPositionIncrementAttribute>();
        var offset = tokens.AddAttribute<IOffsetAttribute>();
        tokens.Reset();
        while (tokens.IncrementToken())
        {
            text.Append(term).Append('/').Append(position.PositionIncrement).Append('/').Append(offset.StartOffset).Append('-').Append(offset.EndOffset).Append(' ');
        }

        tokens.End();
        text.Append('\n');
    }
}
