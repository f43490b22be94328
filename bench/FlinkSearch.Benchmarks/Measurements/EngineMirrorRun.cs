using System.Diagnostics;
using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.VectorHighlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using FlinkSearch.Benchmarks.Corpus;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The engine half of the Java comparison: bench/java/LuceneReference.java statement by statement in Lucene.Net, so
/// both sides do identical work (stock SmartChineseAnalyzer, the same fields, parser, collectors, stored-field loads,
/// FastVectorHighlighter settings, one-segment merge, warm-up and rounds). Nothing of the app's pipeline is used here;
/// <see cref="ReferenceRun"/> measures that. Prints the same <c>key value</c> lines as the Java program.
/// </summary>
public static class EngineMirrorRun
{
    // Java: Version.LUCENE_4_10_4. Lucene.Net implements 4.8; its newest match version is the nearest equivalent.
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly FieldType Highlighted = new(TextField.TYPE_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    };

    static EngineMirrorRun() => Highlighted.Freeze();

    public static void Run(string input, IReadOnlyList<MixQuery> mix, int rounds, int warmup)
    {
        // Java: line.split("\t", -1) and an unescape of each field, as DocumentFile.ReadFields does.
        var docs = DocumentFile.ReadFields(input).ToList();
        var dir = System.IO.Directory.CreateDirectory(Path.Combine(BenchPaths.WorkDirectory, "engine-mirror-" + Guid.NewGuid().ToString("N"))).FullName;

        // Java: new SmartChineseAnalyzer() (4.10 dropped the Version argument); both load the default stop words.
        using var analyzer = new SmartChineseAnalyzer(Version);
        try
        {
            long textBytes = docs.Sum(d => (long)Utf8(d[1]) + Utf8(d[3]) + Utf8(d[4]));
            var cpuStarted = CpuTime.ProcessSeconds();
            var started = Stopwatch.StartNew();

            // Java: FSDirectory.open (MMapDirectory on 64-bit Linux) with try-with-resources; Lucene.Net picks the same way.
            // The codecs differ by version (Lucene410 in Java, Lucene46 in Lucene.Net 4.8); neither side configures one.
            using (var directory = FSDirectory.Open(dir))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE }))
            {
                var position = 0;
                foreach (var d in docs)
                {
                    writer.AddDocument(ToDocument(d, position++));
                }

                writer.ForceMerge(1);
                writer.Commit();
            }

            var seconds = started.Elapsed.TotalSeconds;
            var cpuSeconds = CpuTime.ProcessSeconds() - cpuStarted;
            var lines = new ReferenceLines("");
            lines.PrintIndexing($"Lucene.Net {LuceneNetVersion()} (EngineMirrorRun.cs, mirror of LuceneReference.java), .NET {Environment.Version}",
                docs.Count, textBytes, seconds, cpuSeconds, IndexingRun.SizeOf(dir));

            using var readDirectory = FSDirectory.Open(dir);
            using var reader = DirectoryReader.Open(readDirectory);
            var searcher = new Lucene.Net.Search.IndexSearcher(reader);
            var highlighter = new FastVectorHighlighter(phraseHighlight: true, fieldMatch: true);
            var measured = QueryRounds.Run(mix, rounds, warmup, text => EngineMirrorSearch.Search(searcher, highlighter, analyzer, text));
            lines.PrintLatency(measured);
            lines.Print("hits_per_query", string.Join(',', measured.FirstRoundHits));

            // Where the thread's CPU goes, from a separate pass after the timed rounds (the timed rounds take no laps).
            var phases = new double[EngineMirrorSearch.Phases.Length];
            for (var round = 0; round < rounds; round++)
            {
                foreach (var query in mix)
                {
                    EngineMirrorSearch.Search(searcher, highlighter, analyzer, query.Text, phases);
                }
            }

            for (var i = 0; i < phases.Length; i++)
            {
                lines.Print($"phase_{EngineMirrorSearch.Phases[i]}_cpu_ms", phases[i] / Math.Max(1, (long)rounds * mix.Count));
            }
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }

    private static Document ToDocument(string[] d, int position)
    {
        var doc = new Document
        {
            new StringField("id", d[0], Field.Store.YES),
            new StoredField("url", "https://bench.invalid/" + d[0]),
            new Field("title", d[1], Highlighted),
            new StringField("status", "ok", Field.Store.YES),
            new StoredField("list_id", "bench"),
            new Int32Field("position", position, Field.Store.YES), // Java: IntField (renamed Int32Field in Lucene.Net)
        };
        foreach (var section in JavaSplit(d[2], '\u001f'))
        {
            doc.Add(new StringField("section", section, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField("section_facet", new BytesRef(section)));
            doc.Add(new TextField("section_text", section, Field.Store.NO));
        }

        if (!IsJavaBlank(d[3]))
        {
            doc.Add(new TextField("note", d[3], Field.Store.YES));
        }

        if (!IsJavaBlank(d[4]))
        {
            doc.Add(new Field("body", d[4], Highlighted));
        }

        return doc;
    }

    // Java's String.split(regex) drops trailing empty strings (a lone "" stays); the sections field is split that way.
    private static string[] JavaSplit(string text, char separator)
    {
        var parts = text.Split(separator);
        if (parts.Length == 1)
        {
            return parts;
        }

        var length = parts.Length;
        while (length > 0 && parts[length - 1].Length == 0)
        {
            length--;
        }

        return parts[..length];
    }

    // Java's trim() strips every char up to U+0020, not Unicode white space.
    private static bool IsJavaBlank(string text) => text.All(c => c <= ' ');

    private static int Utf8(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    private static string LuceneNetVersion() =>
        typeof(IndexWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+', ' ')[0] ?? "4.8";
}
