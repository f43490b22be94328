using System.Text;
using FlinkSearch.Indexing;

namespace FlinkSearch.Benchmarks.Corpus;

/// <summary>
/// The exported corpus both the .NET and the Java reference read, so they index identical input: one document per
/// line, tab-separated id, title, sections (joined by U+001F), note, body; backslash, tab and newlines escaped.
/// </summary>
public static class DocumentFile
{
    private const char SectionSeparator = '\u001f';

    public static void Write(string path, IEnumerable<IndexableArticle> articles)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var a in articles)
        {
            writer.Write(string.Join('\t', Escape(a.Id), Escape(a.Title), Escape(string.Join(SectionSeparator, a.Sections)),
                Escape(a.Note ?? ""), Escape(a.Body ?? "")));
            writer.Write('\n');
        }
    }

    public static List<IndexableArticle> Read(string path) =>
        ReadFields(path).Select((f, i) => new IndexableArticle(f[0], $"https://bench.invalid/{f[0]}", f[1], f[2].Split(SectionSeparator),
            f[3].Length == 0 ? null : f[3], "bench", i, ArticleStatus.Ok, f[4].Length == 0 ? null : f[4])).ToList();

    /// <summary>The raw fields of each line, unescaped (what bench/java/LuceneReference.java reads).</summary>
    public static IEnumerable<string[]> ReadFields(string path) =>
        File.ReadLines(path, Encoding.UTF8).Select(line => line.Split('\t').Select(Unescape).ToArray());

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            result.Append(text[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }

        return result.ToString();
    }
}
