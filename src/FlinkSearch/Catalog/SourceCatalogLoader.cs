using FlinkSearch.Kernel;
using Microsoft.Extensions.Logging;

namespace FlinkSearch.Catalog;

/// <summary>Loads every <c>*.md</c> under <c>&lt;data-dir&gt;/sources/</c>; one bad file never stops the others.</summary>
public sealed partial class SourceCatalogLoader(DataDirectory dataDirectory, ILogger<SourceCatalogLoader> logger)
{
    public async Task<SourceCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        // A fresh data dir (e.g. a new container volume) starts from the lists shipped with the app.
        dataDirectory.EnsureDefaults();
        var lists = new List<SourceList>();
        var warnings = new List<SourceWarning>();
        var directory = dataDirectory.SourcesPath;
        var files = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(dataDirectory.Root, file);
            try
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                lists.Add(SourceListParser.Parse(relative, text, warnings));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                warnings.Add(new SourceWarning(relative, 0, $"could not be read: {e.Message}", FileUnreadable: true));
            }
        }

        foreach (var warning in warnings)
        {
            LogWarning(warning.ToString());
        }

        var catalog = SourceCatalog.Merge(lists, warnings);
        LogLoaded(catalog.Entries.Count, files.Count, directory);
        return catalog;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source list: {Warning}")]
    private partial void LogWarning(string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} articles from {Files} source list(s) in {Directory}")]
    private partial void LogLoaded(int count, int files, string directory);
}
