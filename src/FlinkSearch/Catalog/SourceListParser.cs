using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FlinkSearch.Catalog;

/// <summary>
/// Reads one Markdown source list. Sections are <c>##</c> headings; a plain line before the first heading names the
/// first section; paragraphs inside a section (captions such as "文章介绍") are not sections and are skipped.
/// </summary>
public static class SourceListParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static SourceList Parse(string path, string markdown, ICollection<SourceWarning> warnings)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatter = ReadFrontMatter(document);
        var fallbackId = System.IO.Path.GetFileNameWithoutExtension(path);
        var id = frontMatter.GetValueOrDefault("id") is { Length: > 0 } given ? given : fallbackId;
        var title = frontMatter.GetValueOrDefault("title") is { Length: > 0 } t ? t : id;
        var order = int.TryParse(frontMatter.GetValueOrDefault("order"), out var o) ? o : int.MaxValue;
        CheckFeedKeys(path, frontMatter, warnings);

        var links = new List<SourceLink>();
        string? section = null;
        foreach (var block in document)
        {
            switch (block)
            {
                case HeadingBlock heading when heading.Level <= 2:
                    section = InlineText(heading.Inline).Trim();
                    break;
                case ParagraphBlock paragraph when section is null:
                    // Text before the first heading names the opening section (the seed's "Flink 介绍").
                    section = InlineText(paragraph.Inline).Trim().Split('\n')[0].Trim();
                    break;
                case ListBlock list:
                    ReadList(path, list, section ?? title, links, warnings);
                    break;
            }
        }

        return new SourceList(id, title, order, path, links) { FrontMatter = frontMatter };
    }

    private static void ReadList(string path, ListBlock list, string section, List<SourceLink> links, ICollection<SourceWarning> warnings)
    {
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var line = item.Line + 1;
            var found = false;
            foreach (var child in item)
            {
                if (child is ListBlock nested)
                {
                    ReadList(path, nested, section, links, warnings);
                    found = true;
                    continue;
                }

                if (child is not ParagraphBlock { Inline: { } inline })
                {
                    continue;
                }

                var linksInParagraph = inline.Descendants<LinkInline>().Where(l => !l.IsImage).ToList();
                foreach (var link in linksInParagraph)
                {
                    found = true;
                    var title = NormalizeSpace(InlineText(link));
                    if (!CanonicalUrl.TryParse(link.Url, out var url))
                    {
                        warnings.Add(new SourceWarning(path, line, string.IsNullOrWhiteSpace(link.Url)
                            ? $"empty link '{title}' skipped"
                            : $"link '{link.Url}' is not an http(s) URL; skipped"));
                        continue;
                    }

                    if (title.Length == 0)
                    {
                        warnings.Add(new SourceWarning(path, line, $"link {link.Url} has no title; skipped"));
                        continue;
                    }

                    links.Add(new SourceLink(url!, title, section, line, TrailingNote(link)));
                }
            }

            if (!found)
            {
                warnings.Add(new SourceWarning(path, line, "list item without a link skipped"));
            }
        }
    }

    /// <summary>The feed keys of the front matter (read by the feed source type): a bad value is named, not silently dropped.</summary>
    private static void CheckFeedKeys(string path, Dictionary<string, string> frontMatter, ICollection<SourceWarning> warnings)
    {
        if (frontMatter.GetValueOrDefault("feed") is { } feed
            && !(Uri.TryCreate(feed, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            warnings.Add(new SourceWarning(path, 1, $"feed: '{feed}' is not an http(s) address; the feed is not read"));
        }

        if (frontMatter.GetValueOrDefault("keep") is { } keep
            && !(double.TryParse(keep, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var days) && days >= 0))
        {
            warnings.Add(new SourceWarning(path, 1, $"keep: '{keep}' is not a number of days; items that leave the feed are kept for good"));
        }
    }

    /// <summary>Text after a link up to the next link, e.g. "。资源提供者，部署模式，部署流程" → "资源提供者，部署模式，部署流程".</summary>
    private static string? TrailingNote(LinkInline link)
    {
        var text = new StringBuilder();
        for (var next = link.NextSibling; next is not null and not LinkInline; next = next.NextSibling)
        {
            AppendText(next, text);
        }

        var note = NormalizeSpace(text.ToString()).TrimStart('。', '，', ',', '.', ':', '：', '-', '—', ' ', ';', '；').Trim();
        return note.Length > 0 ? note : null;
    }

    private static Dictionary<string, string> ReadFrontMatter(MarkdownDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { } yaml)
        {
            return values;
        }

        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count))
        {
            var text = line.Slice.ToString();
            var colon = text.IndexOf(':');
            if (colon > 0)
            {
                values[text[..colon].Trim()] = text[(colon + 1)..].Trim().Trim('"', '\'');
            }
        }

        return values;
    }

    private static string InlineText(Inline? inline)
    {
        var text = new StringBuilder();
        if (inline is not null)
        {
            AppendText(inline, text);
        }

        return text.ToString();
    }

    private static void AppendText(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlInline html:
                // Markup typed into a title is part of the title's text; it is escaped when shown.
                text.Append(html.Tag);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case DelimiterInline delimiter:
                // Unmatched brackets inside a link title stay literal text ("彻底搞懂[会话窗口]的").
                text.Append(delimiter.ToLiteral());
                foreach (var child in delimiter)
                {
                    AppendText(child, text);
                }

                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendText(child, text);
                }

                break;
        }
    }

    private static string NormalizeSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
