using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FlinkSearch.Api;
using FlinkSearch.Tests.Extraction;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Importing;

public sealed class ImportApiTests : IAsyncLifetime
{
    private const string Key = "import-key";
    private readonly TempDataDirectory data = new(withSeed: false);
    private FlinkSearchApp app = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        data.WriteSource("imports.md", ImportFixtures.SourceList);
        app = new FlinkSearchApp(data, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        client = await app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        data.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string html, string query = "", string? key = Key, string type = "text/html")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/import" + query) { Content = new StringContent(html, Encoding.UTF8, type) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_posted_page_is_stored_for_its_article()
    {
        var response = await PostAsync(ImportFixtures.Read("exporter-single-file.html"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<ImportedPage>(TestContext.Current.CancellationToken);
        Assert.Equal(("imported", "address", "https://mp.weixin.qq.com/s/ExporterFixture02"), (page!.Result, page.MatchedBy, page.Url));
    }

    [Fact]
    public async Task The_url_parameter_names_the_article()
    {
        var response = await PostAsync(ImportFixtures.Read("unlisted.html"), "?url=" + Uri.EscapeDataString("https://mp.weixin.qq.com/s/OtherFixture04"));

        Assert.Equal("--url", (await response.Content.ReadFromJsonAsync<ImportedPage>(TestContext.Current.CancellationToken))!.MatchedBy);
    }

    [Fact]
    public async Task Pages_that_are_not_listed_articles_are_400_with_the_reason()
    {
        var unlisted = await PostAsync(ImportFixtures.Read("unlisted.html"));
        var verification = await PostAsync(Fixture.Read("wechat-verification.html"));

        Assert.Equal(HttpStatusCode.BadRequest, unlisted.StatusCode);
        Assert.Equal("skipped", (await unlisted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, verification.StatusCode);
        Assert.Equal("verification", (await verification.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Key_content_type_and_url_are_checked()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(ImportFixtures.Read("exporter-single-file.html"), key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PostAsync("{}", type: "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(ImportFixtures.Read("unlisted.html"), "?url=ftp://example.org/x")).StatusCode);
    }
}
