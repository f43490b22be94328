using FlinkSearch.Crawling;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlinkSearch.Tests.Crawling;

public sealed class CrawlerOptionsTests
{
    [Fact]
    public void Defaults_follow_the_contract()
    {
        var options = new CrawlerOptions();

        Assert.False(options.AllowPrivateNetworks);
        Assert.Equal(4, options.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PerHostDelay);
        Assert.Equal(TimeSpan.FromDays(7), options.GoneAfter);
        Assert.Equal(5, options.MaxRedirects);
        Assert.Equal(5 * 1024 * 1024, options.MaxBodyBytes);
        Assert.StartsWith("FlinkSearch/0.1.0 ", options.UserAgent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Crawler:MaxConcurrency", "0")]
    [InlineData("Crawler:PerHostDelay", "-00:00:01")]
    [InlineData("Crawler:MaxBodyBytes", "10")]
    [InlineData("Crawler:UserAgent", "")]
    public void Invalid_settings_are_rejected(string key, string value)
    {
        using var data = new TempDataDirectory(withSeed: false);
        var settings = CrawlTestHost.FastSettings();
        settings[key] = value;
        using var host = CrawlTestHost.Build(data.Root, settings);

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<CrawlerOptions>>().Value);
    }
}
