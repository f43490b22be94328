using System.Text;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>Source lists written by tests. Links point at a closed loopback port, so nothing is ever fetched from outside.</summary>
public static class TestSources
{
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
