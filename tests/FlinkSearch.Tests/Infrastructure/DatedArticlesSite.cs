using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace FlinkSearch.Tests.Infrastructure;

/// <summary>
/// A host on Kestrel (so a browser can reach it too) whose index holds only <see cref="DatedArticles"/>, shared by the
/// read-only tests of a class.
/// </summary>
public sealed class DatedArticlesSite() : SeedSearchFixture(new TempDataDirectory(withSeed: false))
{
    /// <summary>Where the host listens.</summary>
    public Uri App => Client.BaseAddress!;

    protected override Task PrepareAsync(TempDataDirectory directory) => BuiltIndex.WriteAsync(directory, DatedArticles.All);

    protected override void Configure(FlinkSearchApp host) => host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
}
