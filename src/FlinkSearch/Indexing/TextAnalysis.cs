using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;

namespace FlinkSearch.Indexing;

/// <summary>The analyzer shared by indexing and querying, so both sides segment Chinese the same way.</summary>
public sealed class TextAnalysis : IDisposable
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // SmartCn loads its dictionaries once per process; the analyzer is thread-safe and reused.
    public Analyzer Analyzer { get; } = new SmartChineseAnalyzer(Version);

    public void Dispose() => Analyzer.Dispose();
}
