using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Api.WebUi;

public sealed partial class WebUiTests : IAsyncLifetime
{
    private readonly TempDataDirectory data = new();
    private FlinkSearchApp app = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        app = new FlinkSearchApp(data);
        client = await app.StartAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task The_search_page_is_served_at_the_root_with_security_headers()
    {
        var response = await client.GetAsync("/", Cancellation);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<flink-search", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Embed_js_is_briefly_cached_and_revalidated_by_its_etag()
    {
        var first = await client.GetAsync("/embed.js", Cancellation);
        first.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(5), first.Headers.CacheControl?.MaxAge);
        var etag = first.Headers.ETag!;

        using var revalidation = new HttpRequestMessage(HttpMethod.Get, "/embed.js");
        revalidation.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(revalidation, Cancellation);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Embed_js_loads_a_content_hashed_widget_that_is_cached_for_a_year()
    {
        var loader = await client.GetStringAsync("/embed.js", Cancellation);
        var widgetPath = "/" + WidgetPath().Match(loader).Value;
        var widget = await client.GetAsync(widgetPath, Cancellation);

        Assert.Matches(@"^/widget/flink-search\.[0-9a-f]{16}\.js$", widgetPath);
        widget.EnsureSuccessStatusCode();
        Assert.Equal(TimeSpan.FromDays(365), widget.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", widget.Headers.CacheControl!.Extensions.Select(e => e.Name));
        var code = await widget.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("customElements.define(\"flink-search\"", code, StringComparison.Ordinal);
        Assert.Contains(":host", code, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/widget/flink-search.js")]
    [InlineData("/widget/flink-search.css")]
    [InlineData("/widget/search-client.js")]
    [InlineData("/widget/other.0123456789abcdef.js")]
    public async Task Widget_sources_are_only_served_under_a_versioned_name(string path)
    {
        var response = await client.GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_widget_name_from_an_older_loader_gets_the_current_code_without_long_caching()
    {
        var response = await client.GetAsync("/widget/flink-search.0000000000000000.js", Cancellation);

        response.EnsureSuccessStatusCode();
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/search?q=checkpoint")]
    [InlineData("/embed.js")]
    public async Task Any_site_may_call_the_read_only_endpoints_by_default(string path)
    {
        var response = await client.SendAsync(CrossOrigin(HttpMethod.Get, path, "https://blog.example"), Cancellation);

        response.EnsureSuccessStatusCode();
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Endpoints_outside_the_embedding_set_get_no_cors_headers()
    {
        var response = await client.SendAsync(CrossOrigin(HttpMethod.Get, "/stats", "https://blog.example"), Cancellation);

        response.EnsureSuccessStatusCode();
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_are_the_only_ones_allowed()
    {
        using var restricted = new TempDataDirectory();
        await using var restrictedApp = new FlinkSearchApp(restricted, new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://blog.example, https://wiki.example/",
        });
        var restrictedClient = await restrictedApp.StartAsync(Cancellation);

        var allowed = await restrictedClient.SendAsync(CrossOrigin(HttpMethod.Get, "/search?q=flink", "https://wiki.example"), Cancellation);
        var refused = await restrictedClient.SendAsync(CrossOrigin(HttpMethod.Get, "/search?q=flink", "https://elsewhere.example"), Cancellation);
        var preflight = CrossOrigin(HttpMethod.Options, "/search?q=flink", "https://blog.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var preflightResponse = await restrictedClient.SendAsync(preflight, Cancellation);

        Assert.Equal("https://wiki.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NoContent, preflightResponse.StatusCode);
        Assert.Equal("https://blog.example", Assert.Single(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task An_allowed_origin_that_is_not_an_origin_stops_the_start()
    {
        using var misconfigured = new TempDataDirectory();
        await using var misconfiguredApp = new FlinkSearchApp(misconfigured, new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://blog.example/posts",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => misconfiguredApp.StartAsync(Cancellation));

        Assert.Contains("https://blog.example/posts", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage CrossOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        return request;
    }

    [GeneratedRegex(@"widget/flink-search\.[0-9a-f]+\.js")]
    private static partial Regex WidgetPath();
}
