using System.Net;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Api.Protection;

/// <summary>Kestrel's request limits, checked over a real loopback socket (the in-memory test server has none).</summary>
public sealed class RequestLimitsTests : HostedAppTest
{
    protected override bool OverSocket => true;

    [Fact]
    public async Task A_request_line_over_8_kilobytes_gets_414()
    {
        var response = await Client.GetAsync("/search?q=" + new string('a', 9 * 1024), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Too_many_request_headers_get_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=flink");
        for (var i = 0; i < 60; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Filler-{i}", "x");
        }

        var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Limits_can_be_raised_under_kestrel_limits()
    {
        var ct = TestContext.Current.CancellationToken;
        using var otherData = new TempDataDirectory();
        await using var raised = new FlinkSearchApp(otherData, new Dictionary<string, string?> { ["Kestrel:Limits:MaxRequestLineSize"] = "32768" });
        raised.UseKestrel(0);
        using var raisedClient = await raised.StartAsync(ct);

        // Past the line limit, the query itself is still too long for the API: a 400 from the app, not a 414 from Kestrel.
        var response = await raisedClient.GetAsync("/search?q=" + new string('a', 9 * 1024), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_normal_search_over_the_socket_still_works_and_names_no_server()
    {
        var response = await Client.GetAsync("/search?q=checkpoint", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
