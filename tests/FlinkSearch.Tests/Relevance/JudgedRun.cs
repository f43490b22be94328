using System.Globalization;
using System.Text;

namespace FlinkSearch.Tests.Relevance;

/// <summary>
/// A judged set run through one ranker: the mean reciprocal rank and nDCG@10, and the queries that fell short
/// (reciprocal rank below 1 or nDCG@10 below 0.7), weakest first, with the grades of their hits and the first hit.
/// </summary>
public sealed record JudgedRun(int Queries, double Mrr, double Ndcg, IReadOnlyList<JudgedRun.Miss> Misses)
{
    public const string ReportHeading = "(reciprocal rank, nDCG@10, query, grades of the hits in order, first hit):";

    /// <param name="rankedKeys">The keys (as the judgments name them) of a query's hits, best first, at most <see cref="RankingMetrics.Depth"/>.</param>
    public static JudgedRun Of(IReadOnlyList<JudgedQuery> judged, Func<JudgedQuery, IReadOnlyList<string>> rankedKeys)
    {
        double mrr = 0, ndcg = 0;
        var misses = new List<Miss>();
        foreach (var query in judged)
        {
            var keys = rankedKeys(query);
            var ranked = keys.Select(key => query.Grades.GetValueOrDefault(key)).ToList();
            var rr = RankingMetrics.ReciprocalRank(ranked);
            var n = RankingMetrics.Ndcg(ranked, query.Grades.Values);
            mrr += rr;
            ndcg += n;
            if (rr < 1 || n < 0.7)
            {
                misses.Add(new Miss(query.Query, rr, n, ranked, keys.FirstOrDefault()));
            }
        }

        return new JudgedRun(judged.Count, mrr / judged.Count, ndcg / judged.Count, [.. misses.OrderBy(m => m.ReciprocalRank).ThenBy(m => m.Ndcg)]);
    }

    public string Summary => string.Create(CultureInfo.InvariantCulture, $"Judged queries: {Queries}  MRR: {Mrr:F3}  nDCG@10: {Ndcg:F3}");

    /// <summary>One line per miss, the weakest first; <paramref name="top"/> limits the lines.</summary>
    public string Report(int? top = null)
    {
        var report = new StringBuilder();
        foreach (var miss in top is { } count ? Misses.Take(count) : Misses)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{miss.ReciprocalRank,5:F2} {miss.Ndcg,5:F2}  {miss.Query}  [{string.Join(' ', miss.Ranked)}]  {miss.FirstHit ?? "(no hits)"}");
        }

        return report.ToString();
    }

    public sealed record Miss(string Query, double ReciprocalRank, double Ndcg, IReadOnlyList<int> Ranked, string? FirstHit);
}
