using System.Globalization;
using FlinkSearch.Analytics;

namespace FlinkSearch.Api.Admin;

/// <summary>
/// What people search for over a chosen window: searches per hour or day, p50/p99 search time, the top queries and
/// the zero-result ones (each a link to the search, the to-do list for <c>synonyms.txt</c>).
/// </summary>
public static class QueriesPage
{
    private static readonly int[] Windows = [1, 7, 30, 90];
    private const int TopCount = 20;

    public static async Task<IResult> Show(HttpContext context, SearchAnalytics analytics, TimeProvider time, int? days, CancellationToken cancellationToken)
    {
        var window = Windows.Contains(days ?? 0) ? days!.Value : 7;
        await analytics.FlushAsync(cancellationToken);
        var now = time.GetUtcNow();
        var from = now.AddDays(-window);
        var hourly = analytics.Hourly(from);
        var total = hourly.Sum(h => h.Searches);
        var zero = hourly.Sum(h => h.ZeroResults);
        var overall = analytics.Latency(from, perDay: false).FirstOrDefault();
        var volume = window <= 2 ? PerHour(hourly, from, now) : PerDay(hourly, from, now);
        var latency = analytics.Latency(from, perDay: true)
            .Select(d => new ChartBar(d.From.ToString("MM-dd", CultureInfo.InvariantCulture), d.P99Ms, d.P50Ms, $"{d.From:yyyy-MM-dd}（UTC）：p50 {d.P50Ms} ms，p99 {d.P99Ms} ms，{d.Searches} 次")).ToList();

        var windowLinks = Html.Join(Windows.Select(w => w == window
            ? Html.Of($"""<a href="/admin/console/queries?days={w}" aria-current="true">{w} 天</a>""")
            : Html.Of($"""<a href="/admin/console/queries?days={w}">{w} 天</a>""")));
        var body = Html.Of($"""
            <nav class="windows" aria-label="时间范围">{windowLinks}</nav>
            <dl class="figures">
              <div><dt>搜索</dt><dd>{total:N0}</dd></div>
              <div><dt>无结果</dt><dd>{zero:N0}（{(total == 0 ? 0 : 100.0 * zero / total):0.#}%）</dd></div>
              <div><dt>p50</dt><dd>{overall?.P50Ms ?? 0} ms</dd></div>
              <div><dt>p99</dt><dd>{overall?.P99Ms ?? 0} ms</dd></div>
            </dl>
            <h2>{(window <= 2 ? "每小时搜索次数" : "每天搜索次数")}</h2>
            {SvgChart.Bars("搜索次数", volume, "搜索", "无结果")}
            <h2>搜索耗时（每天）</h2>
            {SvgChart.Bars("搜索耗时", latency, "p99", "p50", " ms")}
            <div class="columns">
              <section><h2>热门查询</h2>{Table(analytics.TopQueries(from, TopCount))}</section>
              <section><h2>无结果的查询</h2><p class="muted">可考虑为它们在 synonyms.txt 里加同义词。</p>{Table(analytics.TopQueries(from, TopCount, zeroResultsOnly: true))}</section>
            </div>
            """);
        return ConsoleLayout.Page(context, "/admin/console/queries", "查询统计", body);
    }

    private static Html Table(IReadOnlyList<QueryCount> queries)
    {
        if (queries.Count == 0)
        {
            return Html.Of($"""<p class="empty">没有数据。</p>""");
        }

        var max = queries.Max(q => q.Count);
        var rows = Html.Join(queries.Select(q => Html.Of($"""
            <tr><td><a href="/?q={Uri.EscapeDataString(q.Query)}">{q.Query}</a></td><td class="count"><meter min="0" max="{max}" value="{q.Count}"></meter> {q.Count:N0}</td></tr>
            """)));
        return Html.Of($"""<table class="data queries"><thead><tr><th>查询</th><th>次数</th></tr></thead><tbody>{rows}</tbody></table>""");
    }

    // Every hour of the window gets a bar, quiet ones at zero, so the axis is time and not "hours that had searches".
    private static List<ChartBar> PerHour(IReadOnlyList<HourlySearches> hourly, DateTimeOffset from, DateTimeOffset now)
    {
        var byHour = hourly.ToDictionary(h => AnalyticsBuckets.HourOf(h.Hour));
        var bars = new List<ChartBar>();
        for (var hour = AnalyticsBuckets.HourOf(from) + 1; hour <= AnalyticsBuckets.HourOf(now); hour++)
        {
            var (searches, zero) = byHour.TryGetValue(hour, out var h) ? (h.Searches, h.ZeroResults) : (0, 0);
            var start = Local(AnalyticsBuckets.StartOfHour(hour));
            bars.Add(new ChartBar(start.ToString("HH:00", CultureInfo.InvariantCulture), searches, zero, $"{start:MM-dd HH:00}：{searches} 次搜索，{zero} 次无结果"));
        }

        return bars;
    }

    private static List<ChartBar> PerDay(IReadOnlyList<HourlySearches> hourly, DateTimeOffset from, DateTimeOffset now)
    {
        var byDay = hourly.GroupBy(h => Local(h.Hour).Date).ToDictionary(d => d.Key, d => (Searches: d.Sum(h => h.Searches), Zero: d.Sum(h => h.ZeroResults)));
        var bars = new List<ChartBar>();
        for (var day = Local(from).Date.AddDays(1); day <= Local(now).Date; day = day.AddDays(1))
        {
            var (searches, zero) = byDay.GetValueOrDefault(day);
            bars.Add(new ChartBar(day.ToString("MM-dd", CultureInfo.InvariantCulture), searches, zero, $"{day:yyyy-MM-dd}：{searches} 次搜索，{zero} 次无结果"));
        }

        return bars;
    }

    // The console speaks China time, like the schedule's default.
    private static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8));
}
