using System.Globalization;

namespace FlinkSearch.Indexing;

/// <summary>
/// Facts about one generation, kept in its Lucene commit so they travel with the index files. <see cref="SynonymsVersion"/>
/// names the synonym sets whose concept tokens the generation carries.
/// </summary>
public sealed record IndexMetadata(string Generation, DateTimeOffset BuiltAt, int Documents, int Crawled, string? SynonymsVersion = null)
{
    private const string BuiltAtKey = "builtAt";
    private const string DocumentsKey = "documents";
    private const string CrawledKey = "crawled";
    private const string SynonymsKey = "synonyms";

    public int Uncrawled => Documents - Crawled;

    public IDictionary<string, string> ToCommitData()
    {
        var data = new Dictionary<string, string>
        {
            [BuiltAtKey] = BuiltAt.ToString("O", CultureInfo.InvariantCulture),
            [DocumentsKey] = Documents.ToString(CultureInfo.InvariantCulture),
            [CrawledKey] = Crawled.ToString(CultureInfo.InvariantCulture),
        };
        if (SynonymsVersion is not null)
        {
            data[SynonymsKey] = SynonymsVersion;
        }

        return data;
    }

    public static IndexMetadata FromCommitData(string generation, IDictionary<string, string> data, int fallbackDocuments) => new(
        generation,
        data.TryGetValue(BuiltAtKey, out var builtAt) && DateTimeOffset.TryParse(builtAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue,
        data.TryGetValue(DocumentsKey, out var docs) && int.TryParse(docs, CultureInfo.InvariantCulture, out var d) ? d : fallbackDocuments,
        data.TryGetValue(CrawledKey, out var crawled) && int.TryParse(crawled, CultureInfo.InvariantCulture, out var c) ? c : 0,
        data.TryGetValue(SynonymsKey, out var synonyms) ? synonyms : null);
}
