using System.Globalization;
using FlinkSearch.Crawling;

namespace FlinkSearch.Cli;

/// <summary>
/// Crawl progress on the console: a live bar that rewrites one line on a terminal, one plain line per page when output
/// is redirected. Failures always get a line of their own. Reports arrive from several workers, hence the lock.
/// </summary>
public sealed class CrawlProgressDisplay(TextWriter output, bool live) : IProgress<CrawlProgress>
{
    private const int BarWidth = 24;
    private readonly Lock gate = new();
    private int fetched;
    private int unchanged;
    private int failed;
    private int lastWidth;

    public void Report(CrawlProgress value)
    {
        lock (gate)
        {
            var page = value.Page;
            _ = page.Outcome switch
            {
                PageOutcome.Fetched => ++fetched,
                PageOutcome.Unchanged => ++unchanged,
                _ => ++failed,
            };
            var counter = string.Create(CultureInfo.InvariantCulture, $"[{value.Completed.ToString().PadLeft(value.Total.ToString().Length)}/{value.Total}]");
            if (!live)
            {
                output.WriteLine(PageLine(counter, page));
                return;
            }

            ClearLine();
            if (page.Outcome == PageOutcome.Failed)
            {
                output.WriteLine(PageLine(counter, page));
            }

            var done = value.Total == 0 ? BarWidth : value.Completed * BarWidth / value.Total;
            var status = $"[{new string('#', done)}{new string('.', BarWidth - done)}] {value.Completed}/{value.Total}  fetched {fetched} · unchanged {unchanged} · failed {failed}";
            output.Write(status);
            lastWidth = status.Length;
            if (value.Completed == value.Total)
            {
                output.WriteLine();
                lastWidth = 0;
            }

            output.Flush();
        }
    }

    private static string PageLine(string counter, PageCrawlResult page) => page.Outcome switch
    {
        PageOutcome.Failed => $"{counter} failed    {page.Url}  {page.Reason}: {page.Detail}",
        PageOutcome.Unchanged => $"{counter} unchanged {page.Url}",
        _ => $"{counter} fetched   {page.Url}",
    };

    private void ClearLine()
    {
        if (lastWidth > 0)
        {
            output.Write("\r" + new string(' ', lastWidth) + "\r");
        }
    }
}
