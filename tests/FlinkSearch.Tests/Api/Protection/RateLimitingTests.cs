using System.Net;
using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace FlinkSearch.Tests.Api.Protection;

public sealed class RateLimitingTests
{
    private static Dictionary<string, string?> Limit(int permits, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:PermitLimit"] = permits.ToString(),
            ["RateLimiting:Window"] = "00:10:00",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    // Sent straight into the test server so that each request can come from an address of the test's choosing.
    private static async Task<HttpContext> Get(TestServer server, string pathAndQuery, string remote, string? forwardedFor = null)
    {
        var uri = new Uri("http://localhost" + pathAndQuery);
        return await server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = uri.AbsolutePath;
            context.Request.QueryString = new QueryString(uri.Query);
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Searches_beyond_the_limit_get_429_problem_details_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data, Limit(3));
        using var client = await app.StartAsync(ct);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await client.GetAsync("/search?q=checkpoint", ct));
        }

        Assert.All(answers.Take(3), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var rejected = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(ct));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Each_client_address_and_path_has_its_own_budget_and_other_endpoints_are_not_limited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data, Limit(2));
        using var _ = await app.StartAsync(ct);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(200, (await Get(app.Server, "/search?q=flink", "10.0.0.1")).Response.StatusCode);
        }

        Assert.Equal(429, (await Get(app.Server, "/search?q=flink", "10.0.0.1")).Response.StatusCode);
        Assert.Equal(200, (await Get(app.Server, "/search?q=flink", "10.0.0.2")).Response.StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await Get(app.Server, "/stats", "10.0.0.1")).Response.StatusCode);
            Assert.Equal(200, (await Get(app.Server, "/health/ready", "10.0.0.1")).Response.StatusCode);
        }
    }

    [Fact]
    public async Task Forwarded_for_is_ignored_unless_forwarded_headers_are_enabled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data, Limit(1));
        using var _ = await app.StartAsync(ct);

        var first = await Get(app.Server, "/search?q=flink", "127.0.0.1", forwardedFor: "203.0.113.1");
        var second = await Get(app.Server, "/search?q=flink", "127.0.0.1", forwardedFor: "203.0.113.2");

        Assert.Equal(200, first.Response.StatusCode);
        Assert.Equal(429, second.Response.StatusCode);
        Assert.Equal("127.0.0.1", second.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task With_forwarded_headers_enabled_clients_behind_a_trusted_proxy_are_told_apart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data, Limit(1, ("ForwardedHeaders:Enabled", "true")));
        using var _ = await app.StartAsync(ct);

        var first = await Get(app.Server, "/search?q=flink", "127.0.0.1", forwardedFor: "203.0.113.1");
        var second = await Get(app.Server, "/search?q=flink", "127.0.0.1", forwardedFor: "203.0.113.2");
        var again = await Get(app.Server, "/search?q=flink", "127.0.0.1", forwardedFor: "203.0.113.1");
        var untrusted = await Get(app.Server, "/search?q=flink", "198.51.100.7", forwardedFor: "203.0.113.3");

        Assert.Equal(200, first.Response.StatusCode);
        Assert.Equal(200, second.Response.StatusCode);
        Assert.Equal("203.0.113.2", second.Connection.RemoteIpAddress?.ToString());
        Assert.Equal(429, again.Response.StatusCode);
        Assert.Equal("198.51.100.7", untrusted.Connection.RemoteIpAddress?.ToString());
    }

    [Fact]
    public async Task Disabled_rate_limiting_lets_every_search_through()
    {
        var ct = TestContext.Current.CancellationToken;
        using var data = new TempDataDirectory();
        await using var app = new FlinkSearchApp(data, Limit(1, ("RateLimiting:Enabled", "false")));
        using var client = await app.StartAsync(ct);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search?q=flink&page={i + 1}&size=1", ct)).StatusCode);
        }
    }
}
