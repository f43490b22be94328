using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlinkSearch.Api;
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
    public async Task Embed_js_loads_a_versioned_entry_module_whose_imports_are_cached_for_a_year()
    {
        var loader = await client.GetStringAsync("/embed.js", Cancellation);
        var entry = "/" + EntryPath().Match(loader).Value;
        var folder = entry[..(entry.LastIndexOf('/') + 1)];

        Assert.Matches(@"^/widget/[0-9a-f]{16}/flink-search\.js$", entry);
        Assert.Contains("type = \"module\"", loader, StringComparison.Ordinal);
        var code = await GetVersionedAsync(entry);
        Assert.Contains("customElements.define(\"flink-search\"", code, StringComparison.Ordinal);

        // The entry's imports, and theirs, resolve within the same folder: every one is served and cached for a year.
        var seen = new HashSet<string> { "flink-search.js" };
        var pending = new Queue<string>(Imports(code));
        while (pending.TryDequeue(out var module))
        {
            if (seen.Add(module))
            {
                foreach (var next in Imports(await GetVersionedAsync(folder + module)))
                {
                    pending.Enqueue(next);
                }
            }
        }

        Assert.Superset(new HashSet<string> { "layout.js", "limits.js", "markup.js", "search-client.js", "styles.js", "text.js" }, seen);
        Assert.Contains(":host", await GetVersionedAsync(folder + "flink-search.css"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limits_module_carries_the_bounds_of_the_request_records()
    {
        var loader = await client.GetStringAsync("/embed.js", Cancellation);
        var entry = "/" + EntryPath().Match(loader).Value;

        var module = await GetVersionedAsync(entry.Replace("flink-search.js", "limits.js", StringComparison.Ordinal));
        using var limits = JsonDocument.Parse(Regex.Match(module, @"Object\.freeze\((.*)\);").Groups[1].Value);

        Assert.Equal(Bound<MaxLengthAttribute>(typeof(SearchParameters), "Query").Length, limits.RootElement.GetProperty("maxQueryLength").GetInt32());
        Assert.Equal(Bound<RangeAttribute>(typeof(SearchParameters), "Size").Maximum, limits.RootElement.GetProperty("maxPageSize").GetInt32());
        Assert.Equal(Bound<RangeAttribute>(typeof(SuggestParameters), "Size").Maximum, limits.RootElement.GetProperty("maxSuggestions").GetInt32());
        Assert.Equal(Bound<RangeAttribute>(typeof(RelatedParameters), "Size").Maximum, limits.RootElement.GetProperty("maxRelated").GetInt32());
        // The depth is checked across two parameters (SearchParameters.Validate): the server's answer is the proof.
        var depth = limits.RootElement.GetProperty("maxDepth").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search?q=flink&size=10&page={depth / 10}", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/search?q=flink&size=10&page={(depth / 10) + 1}", Cancellation)).StatusCode);
    }

    [Theory]
    [InlineData("/widget/search-client.js")]
    [InlineData("/widget/flink-search.0123456789abcdef.js")]
    [InlineData("/widget/0123456789abcdef/other.js")]
    public async Task Widget_files_are_not_served_for_long_outside_a_version_folder(string path)
    {
        var response = await client.GetAsync(path, Cancellation);

        // The build layout's development fallback may serve a plain file, but never as immutable.
        Assert.False(response.IsSuccessStatusCode && response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable") == true, path);
    }

    [Theory]
    [InlineData("flink-search.js")]
    [InlineData("limits.js")]
    public async Task A_version_from_an_older_loader_is_sent_to_the_current_one_without_long_caching(string file)
    {
        var loader = await client.GetStringAsync("/embed.js", Cancellation);
        var current = "/" + EntryPath().Match(loader).Value.Replace("flink-search.js", file, StringComparison.Ordinal);
        using var noRedirects = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await noRedirects.GetAsync("/widget/0000000000000000/" + file, Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(current, response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("/search?q=checkpoint")]
    [InlineData("/embed.js")]
    [InlineData("{widget}/flink-search.js")]
    [InlineData("{widget}/limits.js")]
    [InlineData("{widget}/flink-search.css")]
    public async Task Any_site_may_call_the_read_only_endpoints_by_default(string path)
    {
        if (path.StartsWith("{widget}", StringComparison.Ordinal))
        {
            var entry = EntryPath().Match(await client.GetStringAsync("/embed.js", Cancellation)).Value;
            path = path.Replace("{widget}", "/" + entry[..entry.LastIndexOf('/')], StringComparison.Ordinal);
        }

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

    private async Task<string> GetVersionedAsync(string path)
    {
        var response = await client.GetAsync(path, Cancellation);
        response.EnsureSuccessStatusCode();
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    private static IEnumerable<string> Imports(string module) =>
        ImportedModule().Matches(module).Select(match => match.Groups[1].Value);

    private static T Bound<T>(Type parameters, string property) where T : Attribute =>
        parameters.GetProperty(property)!.GetCustomAttribute<T>()!;

    [GeneratedRegex(@"widget/[0-9a-f]+/flink-search\.js")]
    private static partial Regex EntryPath();

    [GeneratedRegex(@"^import .* from ""\./([a-z-]+\.js)"";$", RegexOptions.Multiline)]
    private static partial Regex ImportedModule();
}
