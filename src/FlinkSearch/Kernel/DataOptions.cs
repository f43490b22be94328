namespace FlinkSearch.Kernel;

/// <summary>The <c>Data</c> config section. An empty directory means "resolve the default" (see <see cref="DataDirectory"/>).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    public string? Directory { get; set; }
}
