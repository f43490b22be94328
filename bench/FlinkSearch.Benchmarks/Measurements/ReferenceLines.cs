using System.Globalization;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// The <c>key value</c> lines bench/compare-java.sh reads, formatted as LuceneReference.java prints them (doubles with
/// four decimals, whole numbers as they are). A prefix keeps the app pipeline's keys apart from the engine's.
/// </summary>
public sealed class ReferenceLines(string prefix)
{
    public void Print(string key, object value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{prefix}{key} {(value is double d ? d.ToString("F4", CultureInfo.InvariantCulture) : value)}"));

    /// <summary>The index build's figures in the Java program's order.</summary>
    public void PrintIndexing(string implementation, int documents, long textBytes, double seconds, double cpuSeconds, long indexBytes)
    {
        Print("implementation", implementation);
        Print("documents", documents);
        Print("text_mb", textBytes / 1_048_576.0);
        Print("index_seconds", seconds);
        Print("index_docs_per_s", documents / seconds);
        Print("index_cpu_seconds", cpuSeconds);
        Print("index_docs_per_cpu_s", documents / cpuSeconds);
        Print("index_mb", indexBytes / 1_048_576.0);
    }

    /// <summary>The query figures in the Java program's order: count, hits per round, then wall and thread-CPU percentiles.</summary>
    public void PrintLatency(QueryRounds measured)
    {
        var p = Percentiles.Of(measured.Wall);
        Print("queries", p.Count);
        Print("hits_per_round", measured.HitsPerRound);
        Print("query_mean_ms", p.Mean);
        Print("query_p50_ms", p.P50);
        Print("query_p95_ms", p.P95);
        Print("query_p99_ms", p.P99);
        var c = Percentiles.Of(measured.Cpu);
        Print("query_cpu_mean_ms", c.Mean);
        Print("query_cpu_p50_ms", c.P50);
        Print("query_cpu_p95_ms", c.P95);
        Print("query_cpu_p99_ms", c.P99);
    }
}
