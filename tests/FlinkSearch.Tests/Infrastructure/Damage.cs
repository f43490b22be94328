namespace FlinkSearch.Tests.Infrastructure;

/// <summary>What a bad disk, a bad copy or a stray write does to a file, done on purpose.</summary>
public static class Damage
{
    public const string FlippedByte = "a flipped byte";
    public const string CutShort = "cut short";

    public static TheoryData<string> Kinds => [FlippedByte, CutShort];

    public static void Apply(string kind, string path)
    {
        switch (kind)
        {
            case FlippedByte:
                FlipByte(path);
                break;
            case CutShort:
                CutInHalf(path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Inverts one bit-pattern byte in the middle of the file: same length, same name, different content.</summary>
    public static void FlipByte(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = file.Length / 2;
        var value = file.ReadByte();
        file.Position = file.Length / 2;
        file.WriteByte((byte)~value);
    }

    /// <summary>
    /// What a failing disk does: one byte in the middle reads differently, and nothing the file system records changes
    /// (same length, same modification time), so only reading the file whole can tell.
    /// </summary>
    public static void FlipByteUnseen(string path)
    {
        var modified = File.GetLastWriteTimeUtc(path);
        FlipByte(path);
        File.SetLastWriteTimeUtc(path, modified);
    }

    public static void CutInHalf(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.SetLength(file.Length / 2);
    }

    /// <summary>The largest file of a generation directory: with Lucene's layout here, the stored bodies.</summary>
    public static string LargestFile(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles().OrderByDescending(f => f.Length).First().FullName;
}
