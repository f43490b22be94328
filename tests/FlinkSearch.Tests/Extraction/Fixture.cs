using FlinkSearch.Extraction;

namespace FlinkSearch.Tests.Extraction;

/// <summary>The HTML pages under <c>Extraction/Fixtures/</c>, copied beside the test binaries.</summary>
public static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>Extraction as the crawler does it: WeChat's extractor first, then the generic one.</summary>
    public static ExtractionResult Extract(Uri url, string html) => ArticleExtractor.Extract(url, html, [WeChatArticleExtractor.Instance]);
}
