using System.Net;
using System.Text.RegularExpressions;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FlinkSearch.Tests.Api.Admin;

public sealed partial class ConsoleAccessTests
{
    private const string Key = "console-key";

    private static FlinkSearchApp NewApp(TempDataDirectory data, string? key = Key) => new(data, new Dictionary<string, string?> { ["Admin:ApiKey"] = key });

    private static HttpClient Browser(FlinkSearchApp app, string scheme = "http") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"{scheme}://localhost") });

    /// <summary>Signs in as the sign-in page does: its antiforgery token and cookie, the key typed in.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string key)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/admin/sign-in", ct);
        return await browser.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["key"] = key,
            ["returnUrl"] = "/admin",
        }), ct);
    }

    public static string Token(string page) => TokenField().Match(page).Groups[1].Value;

    [Fact]
    public async Task Without_a_configured_key_there_is_no_console()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data, key: null);
        await app.StartAsync(ct);
        var browser = Browser(app);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/admin", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/admin/sign-in", ct)).StatusCode);
    }

    [Fact]
    public async Task The_console_sends_a_stranger_to_sign_in_and_refuses_a_wrong_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data);
        await app.StartAsync(ct);
        var browser = Browser(app);

        var page = await browser.GetAsync("/admin/console/queries?days=7", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%2Fconsole%2Fqueries%3Fdays%3D7", page.Headers.Location?.OriginalString);

        var wrong = await SignInAsync(browser, "console-ke");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("管理密钥不正确", await wrong.Content.ReadAsStringAsync(ct));
        Assert.DoesNotContain(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("flinksearch-admin=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http", false)]
    [InlineData("https", true)]
    public async Task Signing_in_gives_an_httponly_same_site_strict_cookie_secure_over_https(string scheme, bool secure)
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data);
        await app.StartAsync(ct);
        var browser = Browser(app, scheme);

        var signedIn = await SignInAsync(browser, Key);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("flinksearch-admin=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Contains("path=/admin", cookie);
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/articles?state=never", ct)).StatusCode);
    }

    [Fact]
    public async Task A_session_changes_nothing_without_the_antiforgery_token_while_the_header_key_keeps_working()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = NewApp(data);
        await app.StartAsync(ct);
        var browser = Browser(app);
        await SignInAsync(browser, Key);

        var forged = await browser.PostAsync("/admin/console/reindex", new FormUrlEncodedContent(new Dictionary<string, string> { ["full"] = "true" }), ct);
        var forgedApi = await browser.PostAsync("/admin/reindex", null, ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedApi.StatusCode);
        Assert.Empty(await browser.GetStringAsync("/admin/console/reindexes", ct) is var page && page.Contains("data-run=", StringComparison.Ordinal) ? ["a run"] : Array.Empty<string>());

        var script = app.CreateClient();
        script.DefaultRequestHeaders.Add("X-Api-Key", Key);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/admin/articles", ct)).StatusCode);
        var withToken = await browser.PostAsync("/admin/console/reindex", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
        }), ct);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Equal("/admin/console/reindexes", withToken.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Page_text_is_encoded_and_pages_carry_the_strict_policy()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        data.WriteSource("evil.md", "## <b>栏目</b>\n\n* [<script>alert(1)</script> 标题](https://example.com/evil)\n");
        await using var app = NewApp(data);
        await app.StartAsync(ct);
        var browser = Browser(app);
        await SignInAsync(browser, Key);

        var response = await browser.GetAsync("/admin", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; 标题", html);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
