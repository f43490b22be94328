using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FlinkSearch.Api;

public static class JsonDefaults
{
    /// <summary>JSON that keeps Chinese readable while still escaping the HTML-significant characters.</summary>
    public static IHostApplicationBuilder AddJsonDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        return builder;
    }
}
