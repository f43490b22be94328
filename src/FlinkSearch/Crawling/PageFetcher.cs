using System.Buffers;
using System.Net;
using FlinkSearch.Extraction;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace FlinkSearch.Crawling;

/// <summary>
/// Fetches one URL with the resilient crawler client: redirects followed by hand so every hop is checked (address guard,
/// and the caller's policy: robots, WeChat's verification detour), loops and long chains refused, only the expected
/// content types accepted, bodies streamed up to a cap.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory clients, AddressGuard guard, IOptions<CrawlerOptions> options, TimeProvider time)
{
    public const string ClientName = "crawler";

    private static readonly string[] HtmlTypes = ["text/html", "application/xhtml+xml"];

    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml", "text/plain"];

    /// <summary>Decides per hop (0 for the first request) whether to ask for a URL: null to go on, else the failure to end with.</summary>
    public delegate ValueTask<HopRefusal?> HopPolicy(Uri url, int hop, CancellationToken cancellationToken);

    public Task<FetchResult> FetchPageAsync(Uri url, HttpValidators? validators, HopPolicy? mayFetch, CancellationToken cancellationToken) =>
        FetchAsync(url, validators, mayFetch, Accepted.Html, cancellationToken);

    /// <summary>For RSS and Atom feeds: the XML types (and text/plain, which some servers send feeds as).</summary>
    public Task<FetchResult> FetchFeedAsync(Uri url, HttpValidators? validators, HopPolicy? mayFetch, CancellationToken cancellationToken) =>
        FetchAsync(url, validators, mayFetch, Accepted.Feed, cancellationToken);

    /// <summary>For robots.txt: any text type, no conditional request, no robots check.</summary>
    public Task<FetchResult> FetchTextAsync(Uri url, CancellationToken cancellationToken) =>
        FetchAsync(url, null, null, Accepted.Text, cancellationToken);

    private enum Accepted
    {
        Html,
        Feed,
        Text,
    }

    private async Task<FetchResult> FetchAsync(Uri url, HttpValidators? validators, HopPolicy? mayFetch, Accepted accepted, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = clients.CreateClient(ClientName);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                {
                    return FetchResult.Failed(current, FailureReasons.BlockedAddress, $"only http and https are fetched, not {current.Scheme}");
                }

                // robots.txt, and redirects that mean a refusal (WeChat's verification detour): the crawl's policy decides.
                if (mayFetch is not null && await mayFetch(current, hop, deadline.Token) is { } refusal)
                {
                    return FetchResult.Failed(current, refusal.Reason, refusal.Detail);
                }

                // Decided before any connection; the connect callback checks again and connects to what it checked.
                await guard.CheckAsync(current.IdnHost, deadline.Token);
                visited.Add(current.AbsoluteUri);

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd(accepted switch
                {
                    Accepted.Html => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
                    Accepted.Feed => "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
                    _ => "text/plain,*/*;q=0.5",
                });
                if (validators is { } v)
                {
                    if (v.ETag is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", v.ETag);
                    }

                    if (v.LastModified is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-Modified-Since", v.LastModified);
                    }
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return FetchResult.Failed(current, FailureReasons.Http(status), "redirect without a Location", status);
                    }

                    var next = new UriBuilder(new Uri(current, location)) { Fragment = "" }.Uri;
                    if (visited.Contains(next.AbsoluteUri))
                    {
                        return FetchResult.Failed(current, FailureReasons.Http(status), $"redirect loop back to {next}", status);
                    }

                    if (hop >= settings.MaxRedirects)
                    {
                        return FetchResult.Failed(current, FailureReasons.Http(status), $"more than {settings.MaxRedirects} redirects", status);
                    }

                    current = next;
                    continue;
                }

                return await ReadAsync(current, response, accepted, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Failed(current, FailureReasons.Timeout, $"no complete answer within {settings.RequestTimeout}");
        }
        catch (TimeoutRejectedException e)
        {
            return FetchResult.Failed(current, FailureReasons.Timeout, e.Message);
        }
        catch (Exception e) when (FindBlocked(e) is { } blocked)
        {
            return FetchResult.Failed(current, FailureReasons.BlockedAddress, blocked.Message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException)
        {
            return FetchResult.Failed(current, FailureReasons.Network, e.Message);
        }
    }

    private async Task<FetchResult> ReadAsync(Uri url, HttpResponseMessage response, Accepted accepted, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var validators = new HttpValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult(FetchOutcome.NotModified, url, status, null, validators, null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            return FetchResult.Failed(url, FailureReasons.Http(status), $"answered {status} {response.ReasonPhrase}", status);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var acceptable = mediaType is null || accepted switch
        {
            Accepted.Html => HtmlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase),
            Accepted.Feed => FeedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase),
            _ => mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase),
        };
        if (!acceptable)
        {
            return FetchResult.Failed(url, FailureReasons.NotHtml, $"content type {mediaType}", status);
        }

        var limit = options.Value.MaxBodyBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            return FetchResult.Failed(url, FailureReasons.TooLarge, $"declares {response.Content.Headers.ContentLength} bytes; the limit is {limit}", status);
        }

        var body = await ReadCappedAsync(response.Content, limit, cancellationToken);
        if (body is null)
        {
            return FetchResult.Failed(url, FailureReasons.TooLarge, $"body exceeds {limit} bytes", status);
        }

        var text = PageDecoder.Decode(body, response.Content.Headers.ContentType?.CharSet);
        return new FetchResult(FetchOutcome.Content, url, status, text, validators, null, null);
    }

    /// <summary>Streams the body into memory, giving up (null) as soon as it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static BlockedAddressException? FindBlocked(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BlockedAddressException blocked)
            {
                return blocked;
            }
        }

        return null;
    }

    internal static bool IsBlocked(Exception? e) => FindBlocked(e) is not null;

    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
