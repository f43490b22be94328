using System.Globalization;

namespace FlinkSearch.Indexing;

/// <summary>
/// Facts about one generation, kept in its Lucene commit so they travel with the index files. <see cref="SynonymsVersion"/>
/// names the synonym sets whose concept tokens the generation carries; with <see cref="Format"/> and
/// <see cref="Analysis"/> it is what the generation was built with (<see cref="Inputs"/>), and <see cref="Build"/> says
/// how it was built.
/// </summary>
public sealed record IndexMetadata(
    string Generation,
    DateTimeOffset BuiltAt,
    int Documents,
    int Crawled,
    string? SynonymsVersion = null,
    int? Format = null,
    string? Analysis = null,
    BuildSummary? Build = null)
{
    private const string BuiltAtKey = "builtAt";
    private const string DocumentsKey = "documents";
    private const string CrawledKey = "crawled";
    private const string SynonymsKey = "synonyms";
    private const string FormatKey = "format";
    private const string AnalysisKey = "analysis";
    private const string BuildKey = "build";
    private const string ReasonKey = "buildReason";
    private const string CarriedKey = "carried";
    private const string UpdatedKey = "updated";
    private const string AddedKey = "added";
    private const string RemovedKey = "removed";

    public int Uncrawled => Documents - Crawled;

    /// <summary>What the generation was built with, or null when it does not record all of it (built before they were recorded).</summary>
    public BuildInputs? Inputs => Format is { } format && Analysis is { } analysis && SynonymsVersion is { } synonyms
        ? new BuildInputs(format, analysis, synonyms)
        : null;

    public IDictionary<string, string> ToCommitData()
    {
        var data = new Dictionary<string, string>
        {
            [BuiltAtKey] = BuiltAt.ToString("O", CultureInfo.InvariantCulture),
            [DocumentsKey] = Number(Documents),
            [CrawledKey] = Number(Crawled),
        };
        Put(data, SynonymsKey, SynonymsVersion);
        Put(data, FormatKey, Format is { } format ? Number(format) : null);
        Put(data, AnalysisKey, Analysis);
        if (Build is { } build)
        {
            data[BuildKey] = build.Kind;
            data[ReasonKey] = build.Reason ?? "";
            data[CarriedKey] = Number(build.Carried);
            data[UpdatedKey] = Number(build.Updated);
            data[AddedKey] = Number(build.Added);
            data[RemovedKey] = Number(build.Removed);
        }

        return data;
    }

    public static IndexMetadata FromCommitData(string generation, IDictionary<string, string> data, int fallbackDocuments) => new(
        generation,
        data.TryGetValue(BuiltAtKey, out var builtAt) && DateTimeOffset.TryParse(builtAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue,
        Int(data, DocumentsKey) ?? fallbackDocuments,
        Int(data, CrawledKey) ?? 0,
        data.TryGetValue(SynonymsKey, out var synonyms) ? synonyms : null,
        Int(data, FormatKey),
        data.TryGetValue(AnalysisKey, out var analysis) ? analysis : null,
        data.TryGetValue(BuildKey, out var kind)
            ? new BuildSummary(kind, data.TryGetValue(ReasonKey, out var reason) && reason.Length > 0 ? reason : null,
                Int(data, CarriedKey) ?? 0, Int(data, UpdatedKey) ?? 0, Int(data, AddedKey) ?? 0, Int(data, RemovedKey) ?? 0)
            : null);

    private static void Put(Dictionary<string, string> data, string key, string? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int? Int(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>How a generation came about: written in full (and why), or carried over from the previous one with changes.</summary>
public sealed record BuildSummary(string Kind, string? Reason, int Carried, int Updated, int Added, int Removed)
{
    public const string Full = "full";
    public const string Incremental = "incremental";

    public bool IsIncremental => Kind == Incremental;

    public static BuildSummary FullBuild(string reason, int documents) => new(Full, reason, 0, 0, documents, 0);

    public override string ToString() => IsIncremental
        ? $"incremental: {Carried} carried over, {Updated} updated, {Added} added, {Removed} removed"
        : $"full ({Reason})";
}
