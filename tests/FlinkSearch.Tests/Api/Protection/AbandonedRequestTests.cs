using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace FlinkSearch.Tests.Api.Protection;

public sealed class AbandonedRequestTests : HostedAppTest
{
    [Fact]
    public async Task A_search_whose_client_has_gone_does_no_work()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();

        var abandoned = await App.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/search";
            context.Request.QueryString = new QueryString("?q=abandonedquery");
            context.RequestAborted = gone.Token;
        }, ct);
        await Client.GetAsync("/search?q=answeredquery", ct);
        using var stats = JsonDocument.Parse(await Client.GetStringAsync("/stats", ct));

        var counted = stats.RootElement.GetProperty("topQueries").EnumerateArray().Select(q => q.GetProperty("query").GetString()).ToList();
        Assert.Equal(StatusCodes.Status499ClientClosedRequest, abandoned.Response.StatusCode);
        Assert.Contains("answeredquery", counted);
        Assert.DoesNotContain("abandonedquery", counted);
    }
}
