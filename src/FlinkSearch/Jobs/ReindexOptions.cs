using Cronos;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Jobs;

/// <summary>The <c>Reindex</c> config section: when the scheduled crawl + index runs.</summary>
public sealed class ReindexOptions
{
    public const string Section = "Reindex";

    /// <summary>Cron expression (Cronos): five fields, or six with seconds first; empty turns the schedule off.</summary>
    public string? Schedule { get; set; } = "0 3 * * *";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Start a reindex right after start-up when nothing has been crawled yet.</summary>
    public bool OnStart { get; set; } = true;

    /// <summary>How many finished runs are kept (and survive restarts).</summary>
    public int History { get; set; } = 20;

    public CronExpression? ParsedSchedule() =>
        string.IsNullOrWhiteSpace(Schedule) ? null
        : CronExpression.Parse(Schedule, Schedule.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    public TimeZoneInfo ParsedTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class ReindexOptionsValidator : IValidateOptions<ReindexOptions>
{
    public ValidateOptionsResult Validate(string? name, ReindexOptions options)
    {
        var failures = new List<string>();
        try
        {
            options.ParsedSchedule();
        }
        catch (CronFormatException e)
        {
            failures.Add($"Reindex:Schedule '{options.Schedule}' is not a valid cron expression (five fields, or six with seconds first): {e.Message}");
        }

        try
        {
            options.ParsedTimeZone();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"Reindex:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.History is < 1 or > 1000)
        {
            failures.Add("Reindex:History must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
