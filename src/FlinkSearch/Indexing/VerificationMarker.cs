using System.Globalization;
using Lucene.Net.Store;

namespace FlinkSearch.Indexing;

/// <summary>
/// A generation's record that each of its files was read in full and matched its checksum: name, size, modification
/// time and footer checksum per file, in <c>verified</c> beside them. An open whose files still agree with the record
/// can skip reading them whole. When the record is written every file's modification time is set back by a second, so
/// that any later write to a file shows, even one within the same tick of the file system's coarse clock.
/// Damage that no write makes (a disk returning other bytes) changes none of this: it is left to the full check that
/// follows in the background (see <see cref="ServingIndex"/>).
/// </summary>
public static class VerificationMarker
{
    public const string FileName = "verified";
    private const string Header = "flinksearch-verified 1";

    /// <summary>Records <paramref name="files"/> as verified; call only after each passed a full check.</summary>
    public static void Write(FSDirectory directory, IEnumerable<string> files)
    {
        var root = directory.Directory.FullName;
        var lines = new List<string> { Header };
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(root, file);
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(-1));
            var info = new FileInfo(path);
            lines.Add(string.Join(' ', file, Number(info.Length), Number(info.LastWriteTimeUtc.Ticks), Number(FileChecksum.Footer(directory, file))));
        }

        var target = Path.Combine(root, FileName);
        var temp = target + ".tmp-" + Environment.ProcessId;
        File.WriteAllLines(temp, lines);
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>
    /// Null when every one of <paramref name="files"/> agrees with the record (size, modification time, footer checksum);
    /// otherwise why not (no record, a file not in it or different from it).
    /// </summary>
    public static string? Disagreement(FSDirectory directory, IEnumerable<string> files)
    {
        var root = directory.Directory.FullName;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(Path.Combine(root, FileName));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "no verification record";
        }

        if (lines.Length == 0 || lines[0] != Header)
        {
            return "the verification record is not readable";
        }

        var recorded = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ');
            if (fields.Length != 4)
            {
                return "the verification record is not readable";
            }

            recorded[fields[0]] = fields;
        }

        foreach (var file in files)
        {
            if (!recorded.TryGetValue(file, out var fields))
            {
                return $"{file} is not in the verification record";
            }

            var info = new FileInfo(Path.Combine(root, file));
            if (!info.Exists || Number(info.Length) != fields[1] || Number(info.LastWriteTimeUtc.Ticks) != fields[2])
            {
                return $"{file} changed since it was verified";
            }

            if (Number(FileChecksum.Footer(directory, file)) != fields[3])
            {
                return $"{file} has another checksum than when it was verified";
            }
        }

        return null;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
