using AngleSharp.Dom;

namespace FlinkSearch.Extraction;

/// <summary>
/// Reads one kind of article page (a site's layout). <see cref="ArticleExtractor"/> asks the extractors it is given in
/// turn and falls back to <see cref="GenericArticleExtractor"/>; the source types say which extractors there are.
/// </summary>
public interface IPageExtractor
{
    /// <summary>True when the page is of this kind, by its address or its structure.</summary>
    bool Handles(Uri url, IDocument document);

    ExtractionResult Extract(Uri url, IDocument document);
}
