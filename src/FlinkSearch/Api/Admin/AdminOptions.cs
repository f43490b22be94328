namespace FlinkSearch.Api.Admin;

/// <summary>The <c>Admin</c> section. Without an API key the admin endpoints do not exist at all.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? ApiKey { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(ApiKey);
}
