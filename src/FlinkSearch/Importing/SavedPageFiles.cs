namespace FlinkSearch.Importing;

/// <summary>
/// The pages named on the command line: a file as given, a directory as the <c>.html</c>/<c>.htm</c> files in it (not
/// in the <c>*_files/</c> folders where browsers put a page's images and scripts).
/// </summary>
public static class SavedPageFiles
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".xhtml"];

    /// <summary>The page files in order, or the first argument that names nothing (a usage error).</summary>
    public static (IReadOnlyList<string> Files, string? Missing) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else if (Directory.Exists(argument))
            {
                files.AddRange(Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories)
                    .Where(f => PageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(f => !InAssetsFolder(Path.GetRelativePath(argument, f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                return ([], argument);
            }
        }

        return (files, null);
    }

    /// <summary>Reads one saved page, its file time taken as when it was saved.</summary>
    public static async Task<SavedPage> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        return SavedPage.FromBytes(Path.GetFileName(file), bytes, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
    }

    /// <summary>MHTML archives (.mhtml, .mht) are not read: the verb reports them with what to save instead.</summary>
    public static bool IsArchive(string file) =>
        Path.GetExtension(file) is var extension && (extension.Equals(".mhtml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".mht", StringComparison.OrdinalIgnoreCase));

    private static bool InAssetsFolder(string relative) =>
        Path.GetDirectoryName(relative)?.Split(Path.DirectorySeparatorChar).Any(part => part.EndsWith("_files", StringComparison.OrdinalIgnoreCase)) == true;
}
