using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Search;

public sealed class HighlightingTests
{
    [Fact]
    public async Task Markup_in_a_title_is_escaped_and_only_mark_remains()
    {
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("evil.md", """
            ## 安全
            * [<script>alert(1)</script> Checkpoint & <img src=x onerror=alert(1)>](https://example.com/evil)
            """);
        await using var app = new FlinkSearchApp(data);
        var client = await app.StartAsync(TestContext.Current.CancellationToken);

        var response = await FlinkSearchApp.GetJsonAsync<SearchResponse>(client, "/search?q=checkpoint", TestContext.Current.CancellationToken);

        var title = Assert.Single(response.Hits).Title;
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Checkpoint</mark> &amp; &lt;img src=x onerror=alert(1)&gt;", title);
    }

    [Fact]
    public void Escaping_leaves_chinese_alone()
    {
        Assert.Equal("窗口 &lt;b&gt; &amp; &quot;x&quot; &#39;", HtmlText.Escape("窗口 <b> & \"x\" '"));
    }
}
