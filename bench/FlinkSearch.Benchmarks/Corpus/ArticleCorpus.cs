using FlinkSearch.Catalog;
using FlinkSearch.Indexing;

namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>
/// The documents every benchmark indexes. Document i of N is the same in every run and every size:
/// the 100 seed articles first (given the body of a corpus article, as if crawled), then the corpus's own
/// article-sized documents, then documents synthesised by recombining corpus paragraphs with a per-document seed.
/// </summary>
public sealed class ArticleCorpus
{
    private const int TargetArticleLength = 2_500;
    private const int MinArticleLength = 400;
    private static readonly DateTimeOffset CrawledAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyList<CatalogEntry> seed;
    private readonly IReadOnlyList<(string Title, string Body)> articles;
    private readonly IReadOnlyList<string> paragraphs;
    private readonly IReadOnlyList<string> headings;
    private readonly IReadOnlyList<string> sections;

    private ArticleCorpus(IReadOnlyList<CatalogEntry> seed, IReadOnlyList<(string Title, string Body)> articles, IReadOnlyList<string> headings, string description)
    {
        this.seed = seed;
        this.articles = articles;
        this.headings = headings;
        paragraphs = articles.SelectMany(a => a.Body.Split('\n')).Where(p => p.Length > 0).ToList();
        sections = seed.SelectMany(e => e.Sections).Distinct(StringComparer.Ordinal).ToList();
        Description = description;
    }

    /// <summary>What the documents were made of, for every report.</summary>
    public string Description { get; }

    public int SeedCount => seed.Count;

    public int RealCount => articles.Count;

    public static ArticleCorpus Load()
    {
        var seed = LoadSeed();
        var docs = BenchPaths.FlinkDocs();
        if (docs is null)
        {
            Console.Error.WriteLine($"bench: ../shared/corpus/flink-docs-zh not found (nor ${BenchPaths.CorpusVariable}); " +
                "falling back to bodies made only of the seed titles and notes — figures are NOT comparable to runs with the corpus.");
            var fallback = seed.Select(e => (e.Title, string.Join('\n', seed.Select(s => s.Title + " " + s.Note).Skip(e.Position % 50).Take(40))))
                .ToList();
            return new ArticleCorpus(seed, fallback, seed.Select(e => e.Title).ToList(),
                $"FALLBACK: seed catalog ({seed.Count} entries) only; bodies recombined from its own titles and notes");
        }

        var pages = Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var split = new List<(string Title, string Body)>();
        var allHeadings = new List<string>();
        foreach (var file in pages)
        {
            var page = HugoPageReader.Read(File.ReadAllText(file), Path.GetFileNameWithoutExtension(file));
            allHeadings.AddRange(page.Parts.Select(p => p.Heading));
            split.AddRange(SplitIntoArticles(page));
        }

        return new ArticleCorpus(seed, split, allHeadings.Distinct(StringComparer.Ordinal).ToList(),
            $"seed catalog ({seed.Count} entries) + Apache Flink Chinese docs (flink-docs-zh, {pages.Count} pages → {split.Count} article-sized documents); " +
            "documents beyond those are synthesised by recombining corpus paragraphs (seeded, deterministic)");
    }

    /// <summary>The first <paramref name="count"/> documents.</summary>
    public IReadOnlyList<IndexableArticle> Take(int count) => Enumerable.Range(0, count).Select(Document).ToList();

    public IndexableArticle Document(int i)
    {
        if (i < seed.Count)
        {
            var entry = seed[i];
            var (_, body) = articles[i % articles.Count];
            return new IndexableArticle(entry.Id, entry.Url, entry.Title, entry.Sections, entry.Note, entry.ListId, entry.Position,
                ArticleStatus.Ok, body, "Flink 中文社区", "Apache Flink", CrawledAt.AddDays(-i), CrawledAt);
        }

        var random = new Random(i);
        var section = sections[random.Next(sections.Count)];
        var real = i - seed.Count;
        string title, text;
        if (real < articles.Count)
        {
            (title, text) = articles[real];
        }
        else
        {
            title = headings[random.Next(headings.Count)] + " " + headings[random.Next(headings.Count)];
            text = Recombine(random, articles[random.Next(articles.Count)].Body.Length);
        }

        return new IndexableArticle($"bench{i:D6}", $"https://bench.invalid/a/{i}", title, [section], null, "bench", i,
            ArticleStatus.Ok, text, "Flink 中文社区", "Apache Flink", CrawledAt.AddMinutes(-i), CrawledAt);
    }

    private string Recombine(Random random, int length)
    {
        var picked = new List<string>();
        var total = 0;
        while (total < length)
        {
            var paragraph = paragraphs[random.Next(paragraphs.Count)];
            picked.Add(paragraph);
            total += paragraph.Length + 1;
        }

        return string.Join('\n', picked);
    }

    // Consecutive parts of a page are joined until an article's length is reached; a short tail joins the one before it.
    private static IEnumerable<(string Title, string Body)> SplitIntoArticles(HugoPage page)
    {
        var chunks = new List<(string Title, List<string> Paragraphs)>();
        (string Title, List<string> Paragraphs)? open = null;
        foreach (var part in page.Parts)
        {
            open ??= (chunks.Count == 0 ? page.Title : $"{page.Title}：{part.Heading}", []);
            open.Value.Paragraphs.AddRange(part.Paragraphs);
            if (open.Value.Paragraphs.Sum(p => p.Length) >= TargetArticleLength)
            {
                chunks.Add(open.Value);
                open = null;
            }
        }

        if (open is { } tail)
        {
            if (tail.Paragraphs.Sum(p => p.Length) < MinArticleLength && chunks.Count > 0)
            {
                chunks[^1].Paragraphs.AddRange(tail.Paragraphs);
            }
            else
            {
                chunks.Add(tail);
            }
        }

        return chunks.Where(c => c.Paragraphs.Sum(p => p.Length) >= MinArticleLength)
            .Select(c => (c.Title, string.Join('\n', c.Paragraphs)));
    }

    private static List<CatalogEntry> LoadSeed()
    {
        var warnings = new List<SourceWarning>();
        var lists = Directory.EnumerateFiles(BenchPaths.SourcesDirectory, "*.md").Order(StringComparer.Ordinal)
            .Select(file => SourceListParser.Parse(Path.GetFileName(file), File.ReadAllText(file), warnings))
            .ToList();
        return SourceCatalog.Merge(lists, warnings).Entries.ToList();
    }
}
