using FlinkSearch.Benchmarks.Corpus;

namespace FlinkSearch.Benchmarks.Measurements;

/// <summary>
/// Timed rounds of the query mix after untimed warm-up rounds, as the Java reference runs them: wall and thread-CPU
/// milliseconds per query, hits per round, and the hits of each query in the first timed round.
/// </summary>
public sealed record QueryRounds(List<double> Wall, List<double> Cpu, long HitsPerRound, IReadOnlyList<int> FirstRoundHits)
{
    public static QueryRounds Run(IReadOnlyList<MixQuery> mix, int rounds, int warmup, Func<string, int> search)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var firstRound = new List<int>();
        long hits = 0;
        for (var round = -warmup; round < rounds; round++)
        {
            foreach (var query in mix)
            {
                var (wallMs, cpuMs, total) = CpuTime.Measure(() => search(query.Text));
                if (round < 0)
                {
                    continue;
                }

                wall.Add(wallMs);
                cpu.Add(cpuMs);
                hits += total;
                if (round == 0)
                {
                    firstRound.Add(total);
                }
            }
        }

        return new QueryRounds(wall, cpu, hits / Math.Max(rounds, 1), firstRound);
    }
}
