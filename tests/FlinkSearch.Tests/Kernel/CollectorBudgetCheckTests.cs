using FlinkSearch.Kernel;
using FlinkSearch.Tests.Infrastructure;

namespace FlinkSearch.Tests.Kernel;

public sealed class CollectorBudgetCheckTests
{
    [Theory]
    [InlineData(true, false, null, true)]
    [InlineData(true, false, " ", true)]
    [InlineData(true, false, "0x2000000", false)]
    [InlineData(true, true, null, false)]
    [InlineData(false, false, null, false)]
    public void Warns_only_on_linux_without_cache_sizes_and_without_the_setting(bool linux, bool cacheSizesKnown, string? setting, bool warns)
    {
        Assert.Equal(warns, CollectorBudgetCheck.BudgetUnsized(linux, cacheSizesKnown, setting));
    }

    [Fact]
    public void The_recommended_floor_is_the_one_the_image_and_dotnet_run_set()
    {
        var root = RepositoryPaths.Root;
        var setting = $"{CollectorBudgetCheck.Variable}={CollectorBudgetCheck.Recommended}";

        Assert.Contains(setting, File.ReadAllText(Path.Combine(root, "Dockerfile")), StringComparison.Ordinal);
        Assert.Contains($"\"{CollectorBudgetCheck.Variable}\": \"{CollectorBudgetCheck.Recommended}\"",
            File.ReadAllText(Path.Combine(root, "src", "FlinkSearch", "Properties", "launchSettings.json")), StringComparison.Ordinal);
    }
}
