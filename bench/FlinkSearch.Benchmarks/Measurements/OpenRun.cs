using System.Globalization;
using FlinkSearch.Benchmarks.Corpus;
using FlinkSearch.Indexing;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// What opening a generation costs before it can serve, in one process and one run: the check every open did before
/// the verification record (Lucene's <c>CodecUtil.ChecksumEntireFile</c> on every file, kept here as the baseline), an
/// open that goes by the record, and the full check that then follows in the background (the same as an open without
/// a record). Rounds alternate between the three; the page cache is warm after the first.
/// </summary>
public static class OpenRun
{
    private sealed record Way(string Label, Action<string, string> Open);

    private static readonly Way[] Ways =
    [
        new("before: every file through CodecUtil.ChecksumEntireFile (baseline)", OpenAsBefore),
        new("now: open by the verification record (serving starts here)", (name, path) => Close(VerifiedGeneration.Open(name, path, trustRecord: true))),
        new("now: full check (background after an open by record; an open without a record)", (name, path) => Close(VerifiedGeneration.Open(name, path, trustRecord: false))),
    ];

    public static void Run(IReadOnlyList<int> sizes, ArticleCorpus corpus, int rounds)
    {
        Console.WriteLine("| documents | index MiB | how | wall ms (median) | process CPU ms (median) | peak RSS growth MiB (max) | managed allocation MiB (median) | wall ratio to baseline |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var root = BenchIndex.Prepare(corpus, size);
            var generations = new IndexGenerations(new FlinkSearch.Kernel.DataDirectory(root), TimeProvider.System);
            var name = generations.Current!;
            var path = generations.PathOf(name);
            var mib = IndexingRun.SizeOf(path) / 1_048_576.0;

            // One untimed pass of each: the record exists, the page cache holds the files, the code is compiled.
            foreach (var way in Ways)
            {
                way.Open(name, path);
            }

            var samples = Ways.ToDictionary(w => w, _ => new List<(double Wall, double Cpu, double PeakMiB, double AllocatedMiB)>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var way in Ways)
                {
                    samples[way].Add(Measure(() => way.Open(name, path)));
                }
            }

            var baseline = Median(samples[Ways[0]].Select(s => s.Wall));
            foreach (var way in Ways)
            {
                var taken = samples[way];
                var wall = Median(taken.Select(s => s.Wall));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {BenchIndex.Describe(size)} | {mib:F0} | {way.Label} | {wall:F1} | {Median(taken.Select(s => s.Cpu)):F1} | {taken.Max(s => s.PeakMiB):F1} | {Median(taken.Select(s => s.AllocatedMiB)):F1} | {wall / baseline:F3} |"));
            }
        }
    }

    // The open as it was before the record (VerifiedGeneration at 93a30c7): a reader, then every file read through Lucene.
    private static void OpenAsBefore(string name, string path)
    {
        using var directory = FSDirectory.Open(path);
        using var reader = DirectoryReader.Open(directory);
        foreach (var file in reader.IndexCommit.FileNames)
        {
            using var input = directory.OpenInput(file, IOContext.READ_ONCE);
            CodecUtil.ChecksumEntireFile(input);
        }
    }

    private static void Close(VerifiedGeneration.Opened opened)
    {
        opened.Reader.Dispose();
        opened.Directory.Dispose();
    }

    private static (double Wall, double Cpu, double PeakMiB, double AllocatedMiB) Measure(Action open)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeakResident();
        var rssBefore = StatusKiB("VmRSS");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = CpuTime.ProcessSeconds();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        open();
        var wall = watch.Elapsed.TotalMilliseconds;
        var cpuMs = (CpuTime.ProcessSeconds() - cpu) * 1000;
        var peak = (StatusKiB("VmHWM") - rssBefore) / 1024.0;
        return (wall, cpuMs, peak, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1_048_576.0);
    }

    // Linux: writing 5 to clear_refs resets the peak resident set (VmHWM) to the current one.
    private static void ResetPeakResident() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long StatusKiB(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).First();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
