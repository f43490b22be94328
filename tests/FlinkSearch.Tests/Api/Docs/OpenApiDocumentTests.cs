using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace FlinkSearch.Tests.Api.Docs;

public sealed partial class OpenApiDocumentTests : HostedAppTest
{
    // As in production, where the 429 answer of rate-limited paths is part of the document.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "true" };

    private async Task<string> DocumentText() => await Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Document_is_valid_openapi_3()
    {
        var text = await DocumentText();

        var read = OpenApiDocument.Parse(text, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Matches(@"^3\.\d+\.\d+$", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString());
        Assert.NotNull(read.Document);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("FlinkSearch", read.Document.Info.Title);
    }

    [Fact]
    public async Task Every_mapped_endpoint_is_described_with_its_responses()
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/search");
        foreach (var endpoint in endpoints)
        {
            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), "{$1}");
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} ({endpoint.DisplayName}) is not in the document");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD").ToList() is { Count: > 0 } listed ? listed : ["GET"];
            foreach (var method in methods)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not described");
                Assert.NotEmpty(operation.GetProperty("responses").EnumerateObject());
                Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            }
        }
    }

    [Fact]
    public async Task Search_parameters_are_described_with_their_real_types_and_bounds()
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var search = document.RootElement.GetProperty("paths").GetProperty("/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(["account", "correct", "from", "page", "q", "section", "size", "sort", "to"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.True(parameters["q"].GetProperty("required").GetBoolean());
        Assert.Equal(256, parameters["q"].GetProperty("schema").GetProperty("maxLength").GetInt32());
        var size = parameters["size"].GetProperty("schema");
        Assert.Equal("integer", size.GetProperty("type").GetString());
        Assert.Equal(1, size.GetProperty("minimum").GetInt32());
        Assert.Equal(50, size.GetProperty("maximum").GetInt32());
        Assert.Equal(10, size.GetProperty("default").GetInt32());
        Assert.Equal("integer", parameters["page"].GetProperty("schema").GetProperty("type").GetString());
        var account = parameters["account"].GetProperty("schema");
        Assert.Equal("array", account.GetProperty("type").GetString());
        Assert.Equal(20, account.GetProperty("maxItems").GetInt32());
        Assert.Contains("yyyy-MM-dd", parameters["from"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(@"^\d{4}-\d{2}-\d{2}$", parameters["to"].GetProperty("schema").GetProperty("pattern").GetString());
        Assert.Contains("newest", parameters["sort"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("boolean", parameters["correct"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("correctedFrom", parameters["correct"].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("400")]
    [InlineData("429")]
    [InlineData("503")]
    public async Task Search_errors_are_described_as_problem_details(string status)
    {
        using var document = JsonDocument.Parse(await DocumentText());
        var root = document.RootElement;
        var response = root.GetProperty("paths").GetProperty("/search").GetProperty("get").GetProperty("responses").GetProperty(status);

        var schema = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
        Assert.True(root.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out _));
    }

    [Fact]
    public async Task The_browsable_api_page_is_only_served_in_development()
    {
        var ct = TestContext.Current.CancellationToken;
        using var developmentData = new TempDataDirectory();
        await using var development = new FlinkSearchApp(developmentData, new Dictionary<string, string?> { ["environment"] = "Development" });
        using var developmentClient = development.CreateClient();

        var page = await developmentClient.GetAsync("/scalar", ct);
        var elsewhere = await Client.GetAsync("/scalar", ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
