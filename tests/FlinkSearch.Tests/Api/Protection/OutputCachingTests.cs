using System.IO.Compression;
using System.Net;
using System.Text.Json;
using FlinkSearch.Indexing;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api.Protection;

public sealed class OutputCachingTests : HostedAppTest
{
    [Fact]
    public async Task An_identical_search_is_answered_from_the_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Client.GetAsync("/search?q=watermark&size=5", ct);
        var second = await Client.GetAsync("/search?q=watermark&size=5", ct);
        var other = await Client.GetAsync("/search?q=watermark&size=6", ct);

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Null(other.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await second.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task One_search_typed_with_other_case_spacing_or_width_shares_one_cache_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Client.GetAsync("/search?q=" + Uri.EscapeDataString("Checkpoint "), ct);
        var lower = await Client.GetAsync("/search?q=checkpoint", ct);
        var wide = await Client.GetAsync("/search?q=" + Uri.EscapeDataString(" ｃｈｅｃｋｐｏｉｎｔ"), ct);

        Assert.Null(first.Headers.Age);
        Assert.NotNull(lower.Headers.Age);
        Assert.NotNull(wide.Headers.Age);
    }

    [Fact]
    public async Task Query_syntax_keeps_its_case_in_the_cache_key()
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=" + Uri.EscapeDataString("flink AND state"), ct);
        var words = await Client.GetAsync("/search?q=" + Uri.EscapeDataString("flink and state"), ct);

        Assert.Null(words.Headers.Age);
    }

    [Fact]
    public async Task A_new_index_generation_is_not_answered_from_the_old_generations_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=checkpoint", ct);
        var before = App.Services.GetRequiredService<ServingIndex>().Metadata?.Generation;

        await App.Services.GetRequiredService<IndexRebuilder>().RebuildAsync(ct);
        var serving = App.Services.GetRequiredService<ServingIndex>();
        serving.Refresh();
        var after = await Client.GetAsync("/search?q=checkpoint", ct);

        Assert.NotEqual(before, serving.Metadata?.Generation);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Null(after.Headers.Age);
    }

    [Fact]
    public async Task Cross_origin_callers_get_cors_headers_also_from_the_cache()
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=state", ct);

        var first = await Client.SendAsync(CrossOrigin("/search?q=state"), ct);
        var cached = await Client.SendAsync(CrossOrigin("/search?q=state"), ct);

        Assert.Equal("*", Assert.Single(first.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.NotNull(cached.Headers.Age);
        Assert.Equal("*", Assert.Single(cached.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static HttpRequestMessage CrossOrigin(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://blog.example");
        return request;
    }

    [Theory]
    [InlineData("sort=newest")]
    [InlineData("account=%E5%A4%A7%E6%95%B0%E6%8D%AE")]
    [InlineData("from=2024-01-01")]
    [InlineData("to=2024-01-01")]
    public async Task Sort_and_filters_are_part_of_the_cache_key(string parameter)
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=state", ct);
        var other = await Client.GetAsync("/search?q=state&" + parameter, ct);
        var same = await Client.GetAsync("/search?q=state&" + parameter, ct);

        Assert.Null(other.Headers.Age);
        Assert.NotNull(same.Headers.Age);
    }

    [Fact]
    public async Task Problem_answers_are_not_cached()
    {
        var ct = TestContext.Current.CancellationToken;
        await Client.GetAsync("/search?q=flink&size=0", ct);
        var again = await Client.GetAsync("/search?q=flink&size=0", ct);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Null(again.Headers.Age);
    }

    [Fact]
    public async Task Responses_are_compressed_for_clients_that_accept_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=flink&size=20");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await Client.SendAsync(request, ct);
        await using var body = new BrotliStream(await response.Content.ReadAsStreamAsync(ct), CompressionMode.Decompress);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(20, json.RootElement.GetProperty("hits").GetArrayLength());
    }
}
