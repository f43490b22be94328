using System.ComponentModel;
using FlinkSearch.Importing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FlinkSearch.Api;

/// <summary><c>POST /admin/import</c>: one saved article page as the request body, as the <c>import</c> verb stores it.</summary>
public static class ImportApi
{
    /// <summary>Saved WeChat pages run to a few megabytes, far over the service's default body limit.</summary>
    public const long MaxPageBytes = 16 * 1024 * 1024;

    private static readonly string[] PageTypes = ["text/html", "application/xhtml+xml"];

    public static async Task<Results<Ok<ImportedPage>, ProblemHttpResult>> ImportPage(
        HttpRequest request,
        PageImporter importer,
        [Description("The listed address of the article, when the page names neither a listed address nor a listed title.")] string? url,
        CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } contentType || !PageTypes.Any(t => contentType.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem("Send the saved page as the body, with Content-Type: text/html.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a page");
        }

        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var given) && given.Scheme is "http" or "https"))
        {
            return TypedResults.Problem($"url must be an http(s) address: {url}", statusCode: StatusCodes.Status400BadRequest, title: "Bad url");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxPageBytes;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var charset = request.GetTypedHeaders().ContentType?.Charset.Value;
        var page = SavedPage.FromBytes("request body", body.GetBuffer().AsSpan(0, (int)body.Length), savedAt: null, charset);

        ImportOutcome outcome;
        try
        {
            using var session = await importer.BeginAsync(cancellationToken);
            outcome = await session.ImportAsync(page, url, cancellationToken);
        }
        catch (ImportBusyException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Crawl running");
        }

        return outcome.Article is { } article
            ? TypedResults.Ok(new ImportedPage(outcome.Result.ToString().ToLowerInvariant(), article.Id, article.Url, article.Title, outcome.MatchedBy!))
            : TypedResults.Problem(outcome.Detail, statusCode: StatusCodes.Status400BadRequest,
                title: outcome.Result == ImportResult.Refused ? "Not an article" : "No listed article matches",
                extensions: new Dictionary<string, object?> { ["result"] = outcome.Result.ToString().ToLowerInvariant(), ["reason"] = outcome.Reason });
    }
}

/// <summary>The article a page was stored for: <c>result</c> is <c>imported</c> or <c>unchanged</c>; <c>matchedBy</c> is <c>address</c>, <c>title</c> or <c>--url</c>.</summary>
public sealed record ImportedPage(string Result, string Id, string Url, string Title, string MatchedBy);
