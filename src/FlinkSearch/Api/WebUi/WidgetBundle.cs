using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.FileProviders;

namespace FlinkSearch.Api.WebUi;

/// <summary>
/// The embeddable widget as served: its scripts and stylesheet from <c>wwwroot/widget/</c> joined into one file named by a
/// hash of its content (so browsers may keep it for a year), and the tiny <c>/embed.js</c> loader that points at it.
/// Built once on first use; null parts when the web root is missing (e.g. a bare <c>dotnet build -o</c> layout).
/// </summary>
public sealed partial class WidgetBundle(IWebHostEnvironment environment, ILogger<WidgetBundle> logger)
{
    /// <summary>The widget's scripts in the order they are joined; they share one function scope, the element comes last.</summary>
    public static readonly string[] ScriptSources =
        ["widget/text.js", "widget/markup.js", "widget/layout.js", "widget/search-client.js", "widget/flink-search.js"];

    public const string StyleSource = "widget/flink-search.css";
    public const string FilePrefix = "flink-search.";

    private static readonly JsonSerializerOptions CssAsJsString = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly Lazy<Assets?> assets = new(() => Build(environment.WebRootFileProvider, logger));

    public Assets? Current => assets.Value;

    /// <param name="FileName">The widget's versioned name under <c>/widget/</c>, e.g. <c>flink-search.3f2a….js</c>.</param>
    public sealed record Assets(string FileName, byte[] Widget, string WidgetETag, byte[] Loader, string LoaderETag);

    private static Assets? Build(IFileProvider webRoot, ILogger logger)
    {
        var scripts = ScriptSources.Select(path => Read(webRoot, path)).ToList();
        var style = Read(webRoot, StyleSource);
        if (scripts.Contains(null) || style is null)
        {
            LogSourcesMissing(logger);
            return null;
        }

        var script = string.Join('\n', scripts);
        // The CSS travels inside the script (adopted by the shadow root) so that host pages need no extra style-src entry.
        var widget = Encoding.UTF8.GetBytes(
            $"(() => {{\n\"use strict\";\nconst WIDGET_CSS = {JsonSerializer.Serialize(style, CssAsJsString)};\n{script}\n}})();\n");
        var hash = Hash(widget);
        var fileName = $"{FilePrefix}{hash[..16]}.js";
        var loader = Encoding.UTF8.GetBytes(LoaderTemplate.Replace("{FILE}", fileName, StringComparison.Ordinal));
        return new Assets(fileName, widget, $"\"{hash[..32]}\"", loader, $"\"{Hash(loader)[..32]}\"");
    }

    private static string? Read(IFileProvider webRoot, string path)
    {
        var file = webRoot.GetFileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    // The API base is the folder embed.js was loaded from, so the widget calls that origin (and any path base) by default.
    // The nonce is passed on so that host pages with a nonce-based CSP can allow the widget by allowing this one tag.
    private const string LoaderTemplate = """
        // FlinkSearch embed loader. Usage: <script src="https://SEARCH-HOST/embed.js" defer></script> <flink-search></flink-search>
        (() => {
          const loader = document.currentScript;
          if (!loader || customElements.get("flink-search") || document.querySelector("script[data-flink-search-widget]")) return;
          const widget = document.createElement("script");
          widget.src = new URL("widget/{FILE}", loader.src).href;
          widget.dataset.flinkSearchWidget = "";
          widget.dataset.api = new URL(".", loader.src).href;
          if (loader.nonce) widget.nonce = loader.nonce;
          widget.async = true;
          document.head.append(widget);
        })();

        """;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The widget sources (wwwroot/widget/) are not in the web root; /embed.js answers 404.")]
    private static partial void LogSourcesMissing(ILogger logger);
}
