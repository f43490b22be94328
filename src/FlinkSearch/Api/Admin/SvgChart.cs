using System.Globalization;

namespace FlinkSearch.Api.Admin;

/// <summary>One bar: its value, a part of it drawn over it in the second colour (zero-result searches, p50 under p99), and a tooltip.</summary>
public sealed record ChartBar(string Label, double Value, double Part, string Tooltip);

/// <summary>
/// Bar charts drawn on the server as inline SVG: no chart script, nothing from a CDN, and nothing the page's
/// Content-Security-Policy has to allow (colours come from classes in <c>admin.css</c>, not inline styles).
/// </summary>
public static class SvgChart
{
    private const double Width = 760;
    private const double Height = 220;
    private const double Left = 72;
    private const double Right = 8;
    private const double Top = 12;
    private const double Bottom = 30;
    private const int MaxLabels = 8;

    public static Html Bars(string title, IReadOnlyList<ChartBar> bars, string legendMain, string legendPart, string unit = "")
    {
        if (bars.All(bar => bar.Value <= 0 && bar.Part <= 0))
        {
            return Html.Of($"""<p class="empty">{title}：这段时间没有数据。</p>""");
        }

        var max = NiceCeiling(bars.Max(b => Math.Max(b.Value, b.Part)));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / bars.Count;
        var parts = new List<Html>();
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = Top + plotHeight - tick / max * plotHeight;
            parts.Add(Html.Of($"""<line class="grid" x1="{N(Left)}" x2="{N(Width - Right)}" y1="{N(y)}" y2="{N(y)}"/><text class="tick" x="{N(Left - 6)}" y="{N(y + 4)}" text-anchor="end">{Format(tick)}{unit}</text>"""));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / (double)MaxLabels));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + i * slot + slot * 0.1;
            var width = Math.Max(1, slot * 0.8);
            var height = bar.Value / max * plotHeight;
            var partHeight = bar.Part / max * plotHeight;
            parts.Add(Html.Of($"""<g class="bar"><title>{bar.Tooltip}</title><rect class="bar-main" x="{N(x)}" y="{N(Top + plotHeight - height)}" width="{N(width)}" height="{N(height)}"/><rect class="bar-part" x="{N(x)}" y="{N(Top + plotHeight - partHeight)}" width="{N(width)}" height="{N(partHeight)}"/></g>"""));
            if (i % labelEvery == 0)
            {
                parts.Add(Html.Of($"""<text class="tick" x="{N(x + width / 2)}" y="{N(Height - 10)}" text-anchor="middle">{bar.Label}</text>"""));
            }
        }

        return Html.Of($"""
            <figure class="chart">
              <svg viewBox="0 0 {N(Width)} {N(Height)}" role="img" aria-label="{title}">{Html.Join(parts)}</svg>
              <figcaption><span class="key bar-main"></span>{legendMain} <span class="key bar-part"></span>{legendPart}</figcaption>
            </figure>
            """);
    }

    // 1, 2 or 5 times a power of ten, so the gridlines fall on round numbers.
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(candidate => candidate >= value);
    }

    private static string Format(double value) => value.ToString(value >= 10 || value == 0 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
