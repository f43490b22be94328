using System.Globalization;
using FlinkSearch.Jobs;

namespace FlinkSearch.Api.Admin;

/// <summary>The run history as a timeline (the running run live, the page reloading itself while it goes) and "reindex now".</summary>
public static class ReindexesPage
{
    public const string Trigger = "console";

    public static IResult Show(
        HttpContext context, ReindexHistory history, ScheduleOwnership ownership, ReindexScheduler scheduler, TimeProvider time, bool? busy)
    {
        var runs = history.All;
        var now = time.GetUtcNow().UtcDateTime;
        var running = runs.FirstOrDefault(r => !ReindexState.IsFinished(r.State));
        var longest = runs.Select(run => Duration(run, now)).DefaultIfEmpty(TimeSpan.Zero).Max();
        var rows = Html.Join(runs.Select(run => Row(run, Duration(run, now), longest)));
        var live = running is null
            ? Html.Empty
            : Html.Of($"""<p class="notice" role="status">正在重建索引（{running.Trigger}）：已抓取 {running.Counts.Fetched}，未变 {running.Counts.Unchanged}，失败 {running.Counts.Failed}。页面每 2 秒刷新。</p>""");
        var body = Html.Of($"""
            <form method="post" action="/admin/console/reindex" class="panel">
              {AdminAccess.AntiforgeryInput(context)}
              <button type="submit" {(running is null ? Html.Empty : Html.Of($"disabled"))}>立即重建索引</button>
              <label class="inline"><input type="checkbox" name="full" value="true"> 完整重建（不沿用未变的文章）</label>
            </form>
            {(busy == true ? Html.Of($"""<p class="error" role="alert">已有一次重建在进行，没有再开始。</p>""") : Html.Empty)}
            {live}
            {Schedule(ownership, scheduler.NextOccurrence(time.GetUtcNow()))}
            <table class="data timeline">
              <thead><tr><th>开始</th><th>触发</th><th>状态</th><th>用时</th><th>抓取 / 未变 / 失败 / 索引</th><th>失败原因</th><th>构建</th></tr></thead>
              <tbody>{rows}</tbody>
            </table>
            """);
        return ConsoleLayout.Page(context, "/admin/console/reindexes", "重建索引", body, refreshSeconds: running is null ? null : 2);
    }

    public static async Task<IResult> StartAsync(HttpContext context, ReindexCoordinator coordinator)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var run = coordinator.TryStart(Trigger, form["full"] == "true");
        return TypedResults.Redirect(run is null ? "/admin/console/reindexes?busy=true" : "/admin/console/reindexes");
    }

    private static Html Row(ReindexRun run, TimeSpan duration, TimeSpan longest)
    {
        var share = longest > TimeSpan.Zero ? Math.Max(0.01, duration / longest) : 0;
        var failures = string.Join("，", run.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}"));
        return Html.Of($"""
            <tr class="run {run.State}" data-run="{run.Id}">
              <td>{ConsoleLayout.Time(run.StartedAt is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : null)}</td>
              <td>{run.Trigger}</td>
              <td><span class="badge {run.State}">{run.State}</span></td>
              <td><svg class="span" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="1" height="8" width="{(share * 100).ToString("0.#", CultureInfo.InvariantCulture)}"/></svg>{Seconds(duration)}</td>
              <td>{run.Counts.Fetched} / {run.Counts.Unchanged} / {run.Counts.Failed} / {run.Counts.Indexed}</td>
              <td>{(failures.Length == 0 ? "—" : failures)}</td>
              <td>{run.Build ?? run.Errors.LastOrDefault() ?? ""}</td>
            </tr>
            """);
    }

    /// <summary>Which server runs the schedule: with several on one data dir, the one holding the schedule lock.</summary>
    private static Html Schedule(ScheduleOwnership ownership, DateTimeOffset? next)
    {
        if (next is null)
        {
            return Html.Of($"""<p class="schedule">定时重建已关闭（Reindex:Schedule 为空）。</p>""");
        }

        var owner = ownership.Owner;
        var who = (ownership.IsOwner, owner) switch
        {
            (true, { } me) => Html.Of($"由本服务器运行（{me.Host}，进程 {me.Pid}，自 {ConsoleLayout.Time(me.Since)} 起）"),
            (false, { } other) => Html.Of($"由 {other.Host} 的进程 {other.Pid} 运行（自 {ConsoleLayout.Time(other.Since)} 起）；它若已停止，本服务器在下次时刻接手"),
            _ => Html.Of($"目前没有服务器持有，下次时刻由先到的服务器接手"),
        };
        return Html.Of($"""<p class="schedule">定时重建{who}。下次：{ConsoleLayout.Time(next)}</p>""");
    }

    // A running run is as long as it has gone so far.
    private static TimeSpan Duration(ReindexRun run, DateTime now) =>
        run.StartedAt is { } start ? (run.EndedAt ?? now) - start : TimeSpan.Zero;

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds < 60 ? $"{duration.TotalSeconds:0.0} 秒" : $"{(int)duration.TotalMinutes} 分 {duration.Seconds} 秒";
}
