using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Api;

/// <summary>Thousands of generated hostile queries: every answer is a 200 or a 400 ProblemDetails, each within a bound.</summary>
public sealed class QueryFuzzTests : HostedAppTest
{
    private const int QueriesPerEndpoint = 3000;

    // Hang detection, not a performance check: a healthy answer takes milliseconds.
    private static readonly TimeSpan PerRequestBound = TimeSpan.FromSeconds(20);

    protected override IReadOnlyDictionary<string, string?> Settings => LoadTestSettings;

    [Fact]
    public Task Generated_search_queries_get_only_200_or_400_in_bounded_time() => FuzzAsync("/search", seed: 9_001);

    [Fact]
    public Task Generated_suggest_queries_get_only_200_or_400_in_bounded_time()
    {
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Any(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/') == "suggest");
        Assert.SkipUnless(mapped, "GET /suggest is not mapped in this build.");
        return FuzzAsync("/suggest", seed: 9_002);
    }

    private async Task FuzzAsync(string path, int seed)
    {
        var ct = TestContext.Current.CancellationToken;
        var generator = new HostileQueryGenerator(seed);
        var urls = Enumerable.Range(0, QueriesPerEndpoint).Select(_ => $"{path}?q={generator.Query()}{generator.Paging()}").ToList();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();

        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (url, token) =>
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(token);
            bound.CancelAfter(PerRequestBound);
            try
            {
                using var response = await Client.GetAsync(url, bound.Token);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync(bound.Token);
                if (Problem(response, body) is { } problem)
                {
                    failures.Add($"{problem}: {Shorten(url)}");
                }
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                failures.Add($"no answer within {PerRequestBound.TotalSeconds} s: {Shorten(url)}");
            }
        });

        TestContext.Current.TestOutputHelper?.WriteLine($"{path}: {string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}"))} (seed {seed})");
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers (seed {seed}):\n{string.Join('\n', failures.Take(10))}");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > QueriesPerEndpoint / 4, "most generated queries should be searchable");
    }

    private static string? Problem(HttpResponseMessage response, string body)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                using (var json = JsonDocument.Parse(body))
                {
                    return json.RootElement.ValueKind == JsonValueKind.Object ? null : "200 without a JSON object";
                }

            case HttpStatusCode.BadRequest:
                return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : "400 without ProblemDetails";
            default:
                return $"status {(int)response.StatusCode}";
        }
    }

    private static string Shorten(string url) => url.Length <= 300 ? url : url[..300] + $"… ({url.Length} chars)";
}
