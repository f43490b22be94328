using System.Net;
using System.Text;
using FlinkSearch.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Crawling;

/// <summary>Redirect chains, answered in memory for a public address so that nothing leaves the machine.</summary>
public sealed class RedirectTests
{
    private static async Task<(FetchResult Result, RecordingHandler Handler)> FetchChainAsync(int redirects)
    {
        var handler = new RecordingHandler(request =>
        {
            var step = int.Parse(request.RequestUri!.Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            return step < redirects
                ? new HttpResponseMessage(HttpStatusCode.MovedPermanently) { Headers = { Location = new Uri($"/hop/{step + 1}", UriKind.Relative) } }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<article><p>到了</p></article>", Encoding.UTF8, "text/html") };
        });
        using var data = new TempDataDirectory(withSeed: false);
        using var host = CrawlTestHost.Build(data.Root, CrawlTestHost.FastSettings(allowPrivateNetworks: false),
            services => services.AddHttpClient(PageFetcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        var result = await host.Services.GetRequiredService<PageFetcher>()
            .FetchPageAsync(new Uri("http://93.184.216.34/hop/0"), null, null, TestContext.Current.CancellationToken);
        return (result, handler);
    }

    [Fact]
    public async Task Five_redirects_are_followed_to_the_page()
    {
        var (result, handler) = await FetchChainAsync(5);

        Assert.Equal(FetchOutcome.Content, result.Outcome);
        Assert.Equal(new Uri("http://93.184.216.34/hop/5"), result.FinalUrl);
        Assert.Contains("到了", result.Text, StringComparison.Ordinal);
        Assert.Equal(6, handler.Requests.Count);
    }

    [Fact]
    public async Task A_sixth_redirect_is_not_followed()
    {
        var (result, handler) = await FetchChainAsync(6);

        Assert.Equal("http-301", result.FailureReason);
        Assert.Contains("more than 5 redirects", result.Detail, StringComparison.Ordinal);
        Assert.Equal(6, handler.Requests.Count);
    }
}
