using System.Text;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Source lists written by tests. Links point at a closed loopback port, so nothing is ever fetched from outside.</summary>
public static class TestSources
{
    /// <summary>
    /// Settings under which a crawl of <see cref="Numbered"/> lists ends at once: the address guard refuses the loopback
    /// links before connecting, and no per-host delay spaces them out.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> QuickCrawl = new Dictionary<string, string?>
    {
        ["Crawler:AllowPrivateNetworks"] = "false",
        ["Crawler:PerHostDelay"] = "00:00:00",
        ["Crawler:MaxConcurrency"] = "8",
        ["Crawler:MaxConcurrencyPerHost"] = "8",
    };

    /// <summary>A data dir whose only source list has <paramref name="count"/> articles on a refused loopback port.</summary>
    public static TempDataDirectory Quick(int count)
    {
        var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("quick.md", Numbered("快速", count));
        return data;
    }

    public static string Numbered(string label, int count, string section = "测试")
    {
        var markdown = new StringBuilder($"## {section}\n\n");
        for (var i = 1; i <= count; i++)
        {
            markdown.Append($"* [{label} 第{i}篇](http://127.0.0.1:9/{Uri.EscapeDataString(label)}/{i})\n");
        }

        return markdown.ToString();
    }
}
