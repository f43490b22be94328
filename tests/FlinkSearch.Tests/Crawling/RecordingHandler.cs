namespace FlinkSearch.Tests.Crawling;

/// <summary>Answers requests in memory instead of the network and remembers what was asked.</summary>
public sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<Uri> requests = [];

    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (requests)
        {
            requests.Add(request.RequestUri!);
        }

        return Task.FromResult(answer(request));
    }
}
