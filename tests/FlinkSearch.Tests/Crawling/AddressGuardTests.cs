using System.Net;
using System.Net.Sockets;
using FlinkSearch.Crawling;
using FlinkSearch.Extraction;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Crawling;

public sealed class AddressGuardTests
{
    public static TheoryData<string> RefusedHosts => ["127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]"];

    private static AddressGuard Guard(bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null) =>
        new(Options.Create(new CrawlerOptions { AllowPrivateNetworks = allowPrivate }))
        {
            Resolve = resolve ?? ((host, _) => throw new InvalidOperationException($"no lookup expected for {host}")),
        };

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.8.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00:ec2::254", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.1.2.3", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    public void Addresses_are_public_or_not(string address, bool isPublic) =>
        Assert.Equal(isPublic, AddressGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [MemberData(nameof(RefusedHosts))]
    public async Task Private_literal_addresses_are_refused_before_connecting(string host)
    {
        await Assert.ThrowsAsync<BlockedAddressException>(() => Guard(allowPrivate: false).CheckAsync(host, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_private_address_is_refused()
    {
        var guard = Guard(false, (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.1.1.1") }));

        var refused = await Assert.ThrowsAsync<BlockedAddressException>(() => guard.CheckAsync("rebinding.example", TestContext.Current.CancellationToken));
        Assert.Equal(IPAddress.Parse("10.1.1.1"), refused.Address);
    }

    [Fact]
    public async Task Allowing_private_networks_lets_loopback_through()
    {
        var addresses = await Guard(allowPrivate: true).CheckAsync("127.0.0.1", TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Loopback], addresses);
    }

    [Fact]
    public async Task The_connect_callback_refuses_loopback_so_a_listener_never_sees_a_connection()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var data = new TempDataDirectory(withSeed: false);
        using var host = CrawlTestHost.Build(data.Root, CrawlTestHost.FastSettings(allowPrivateNetworks: false));
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(PageFetcher.ClientName);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{port}/", TestContext.Current.CancellationToken));

        Assert.IsType<BlockedAddressException>(error.InnerException);
        Assert.False(listener.Pending());
    }

    [Theory]
    [InlineData("http://127.0.0.1/admin")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]:8080/")]
    public async Task A_redirect_to_a_private_address_is_refused_before_it_is_followed(string target)
    {
        var handler = new RecordingHandler(request => request.RequestUri!.AbsolutePath == "/start"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(target) } }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        using var data = new TempDataDirectory(withSeed: false);
        using var host = CrawlTestHost.Build(data.Root, CrawlTestHost.FastSettings(allowPrivateNetworks: false),
            services => services.AddHttpClient(PageFetcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => handler));
        var fetcher = host.Services.GetRequiredService<PageFetcher>();

        var result = await fetcher.FetchPageAsync(new Uri("http://93.184.216.34/start"), null, null, TestContext.Current.CancellationToken);

        Assert.Equal(FailureReasons.BlockedAddress, result.FailureReason);
        Assert.Equal(["http://93.184.216.34/start"], handler.Requests.Select(r => r.ToString()));
    }
}
