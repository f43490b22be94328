using FlinkSearch.Indexing;
using FlinkSearch.Kernel;
using FlinkSearch.Search;
using FlinkSearch.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FlinkSearch.Tests.Relevance;

/// <summary>
/// Once per test class: the Flink docs pages as articles, indexed by the app's IndexBuilder and served by the real host,
/// and the plain-Lucene baseline over the same articles. Empty (<see cref="Available"/> false) without <c>../shared/corpus</c>.
/// </summary>
public sealed class FlinkDocsIndexFixture : IAsyncLifetime
{
    private readonly TempDataDirectory data = new(withSeed: false);
    private FlinkSearchApp? app;

    public bool Available { get; private set; }

    public IReadOnlyList<IndexableArticle> Articles { get; private set; } = [];

    public SearchService Search { get; private set; } = null!;

    public LuceneBaseline Baseline { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (FlinkDocsPages.Folder is not { } folder)
        {
            return;
        }

        Articles = FlinkDocsPages.Load(folder);
        // The shipped synonyms.txt is in the data dir before the build, as on a fresh volume: concepts are tagged at index time.
        new DataDirectory(data.Root).EnsureDefaults();
        await BuiltIndex.WriteAsync(data, [.. Articles]);
        app = new FlinkSearchApp(data);
        await app.StartAsync(TestContext.Current.CancellationToken);
        Search = app.Services.GetRequiredService<SearchService>();
        Baseline = new LuceneBaseline(Articles);
        Available = true;
    }

    public async ValueTask DisposeAsync()
    {
        Baseline?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
