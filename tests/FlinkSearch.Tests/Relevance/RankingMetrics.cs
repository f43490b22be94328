namespace FlinkSearch.Tests.Relevance;

/// <summary>Standard ranking metrics over the grades of a ranked list (index 0 = first hit).</summary>
public static class RankingMetrics
{
    public const int Depth = 10;

    /// <summary>1 / rank of the first hit graded at least <paramref name="minimumGrade"/> within the depth; 0 when none.</summary>
    public static double ReciprocalRank(IReadOnlyList<int> rankedGrades, int minimumGrade = 2)
    {
        for (var i = 0; i < Math.Min(Depth, rankedGrades.Count); i++)
        {
            if (rankedGrades[i] >= minimumGrade)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>nDCG@10 with exponential gain (2^grade − 1), against the ideal ordering of every judged article.</summary>
    public static double Ndcg(IReadOnlyList<int> rankedGrades, IEnumerable<int> allGrades)
    {
        var ideal = Dcg([.. allGrades.OrderDescending()]);
        return ideal == 0 ? 0 : Dcg(rankedGrades) / ideal;
    }

    private static double Dcg(IReadOnlyList<int> grades)
    {
        var sum = 0.0;
        for (var i = 0; i < Math.Min(Depth, grades.Count); i++)
        {
            sum += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        }

        return sum;
    }
}
