using System.Net;
using System.Net.Http.Json;
using System.Text;
using FlinkSearch.Admin;
using FlinkSearch.Tests.Importing;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api.Admin;

public sealed class ArticlesApiTests
{
    private const string Key = "articles-key";

    [Fact]
    public async Task Articles_carry_their_state_and_an_imported_copy_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory(withSeed: false);
        data.WriteSource("imports.md", ImportFixtures.SourceList);
        await using var app = new FlinkSearchApp(data, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        var client = await app.StartAsync(ct);
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var before = await FlinkSearchApp.GetJsonAsync<List<ArticleState>>(client, "/admin/articles", ct);

        var imported = await client.PostAsync("/admin/import", new StringContent(ImportFixtures.Read("exporter-single-file.html"), Encoding.UTF8, "text/html"), ct);
        imported.EnsureSuccessStatusCode();

        Assert.NotEmpty(before);
        Assert.All(before, article => Assert.Equal(ArticleStates.Never, article.State));
        var article = Assert.Single(await FlinkSearchApp.GetJsonAsync<List<ArticleState>>(client, "/admin/articles?state=imported", ct));
        Assert.Equal("https://mp.weixin.qq.com/s/ExporterFixture02", article.Url);
        Assert.Null(article.Reason);
        Assert.Equal(before.Count - 1, (await FlinkSearchApp.GetJsonAsync<List<ArticleState>>(client, "/admin/articles?state=never", ct)).Count);
        var detail = await FlinkSearchApp.GetJsonAsync<ArticleDetail>(client, $"/admin/articles/{article.Id}", ct);
        Assert.True(detail.BodyLength > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/articles/0123456789abcdef", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/admin/articles", ct)).StatusCode);
    }
}
