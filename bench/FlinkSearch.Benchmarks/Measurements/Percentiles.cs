namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>Latency figures of one series of timed calls, in milliseconds (nearest-rank percentiles).</summary>
public sealed record Percentiles(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double Rank(double p) => milliseconds[Math.Clamp((int)Math.Ceiling(p * milliseconds.Count) - 1, 0, milliseconds.Count - 1)];
        return new Percentiles(milliseconds.Count, milliseconds.Average(), Rank(0.50), Rank(0.95), Rank(0.99), milliseconds[^1]);
    }
}
