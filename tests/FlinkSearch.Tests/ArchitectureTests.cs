using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace FlinkSearch.Tests;

/// <summary>The dependency directions the README's "Architecture" section draws, checked on the compiled app.</summary>
public sealed class ArchitectureTests
{
    private const string Root = "FlinkSearch";

    private static readonly Architecture App = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    /// <summary>Each feature folder and the folders it may use; anything else (in particular a way back up) is a violation.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new()
    {
        ["Kernel"] = [],
        ["Catalog"] = ["Kernel"],
        ["Extraction"] = [],
        ["Crawling"] = ["Kernel", "Catalog", "Extraction"],
        // The source types plug into the seam that Crawling defines (ISourceType); only the hosts register them.
        ["Sources"] = ["Kernel", "Catalog", "Extraction", "Crawling"],
        ["Importing"] = ["Kernel", "Catalog", "Extraction", "Crawling"],
        ["Indexing"] = ["Kernel", "Catalog", "Extraction", "Crawling"],
        ["Takedowns"] = ["Kernel", "Catalog", "Indexing"],
        ["Search"] = ["Kernel", "Indexing", "Takedowns"],
        // Related articles come in the hit shape of search; the feed reads only the index.
        ["Related"] = ["Kernel", "Indexing", "Takedowns", "Search"],
        ["Feed"] = ["Kernel", "Indexing", "Takedowns"],
        ["Jobs"] = ["Kernel", "Crawling", "Indexing"],
        ["Analytics"] = ["Kernel"],
        ["Admin"] = ["Kernel", "Catalog", "Extraction", "Crawling", "Takedowns"],
        ["Backups"] = ["Kernel", "Indexing", "Analytics"],
        // The admin import endpoint hands a saved page to Importing, as the import verb does.
        ["Api"] = ["Kernel", "Search", "Related", "Feed", "Jobs", "Importing", "Analytics", "Takedowns", "Admin", "Backups"],
        ["Cli"] = ["Kernel", "Catalog", "Crawling", "Sources", "Importing", "Indexing", "Search", "Jobs", "Takedowns", "Backups"],
    };

    private static IEnumerable<string> Features => MayUse.Keys;

    public static TheoryData<string> FeatureNames => [.. MayUse.Keys];

    [Theory]
    [MemberData(nameof(FeatureNames))]
    public void A_feature_uses_only_the_features_it_is_allowed_to(string feature)
    {
        var allowed = MayUse[feature];
        var others = Features.Except([feature, .. allowed]).Select(other => $"{Root}.{other}").ToArray();

        Types().That().ResideInNamespaceMatching(NamespaceOf(feature))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(AnyOf(others)))
            .Because($"{feature} may use only {(allowed.Length == 0 ? "nothing else of the app" : string.Join(", ", allowed))}")
            .Check(App);
    }

    [Fact]
    public void Only_the_api_knows_about_http()
    {
        Types().That().ResideInNamespaceMatching(AnyOf(Features.Except(["Api"]).Select(feature => $"{Root}.{feature}")))
            .Should().NotDependOnAny(Types(includeReferenced: true).That().ResideInNamespaceMatching(@"^Microsoft\.AspNetCore(\..*)?$"))
            .Because("searching, indexing, crawling and jobs run the same from the command line, where there is no HTTP")
            .Check(App);
    }

    [Fact]
    public void Feature_folders_have_no_dependency_cycles()
    {
        Slices().Matching($"{Root}.(*)").Should().BeFreeOfCycles().Check(App);
    }

    // A namespace and the ones below it, e.g. FlinkSearch.Api and FlinkSearch.Api.Docs.
    private static string NamespaceOf(string feature) => AnyOf([$"{Root}.{feature}"]);

    private static string AnyOf(IEnumerable<string> namespaces) =>
        "^(" + string.Join('|', namespaces.Select(System.Text.RegularExpressions.Regex.Escape)) + @")(\..*)?$";
}
