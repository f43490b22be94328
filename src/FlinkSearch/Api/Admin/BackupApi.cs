using FlinkSearch.Backups;

namespace FlinkSearch.Api.Admin;

/// <summary><c>POST /admin/backup</c>: the same archive as the <c>backup</c> verb, streamed as it is written.</summary>
public static class BackupApi
{
    public const string ContentType = "application/gzip";

    public static RouteGroupBuilder MapBackupApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/backup", StreamBackupAsync).WithName("Backup")
            .WithSummary("A consistent .tar.gz of the data dir (sources, synonyms, crawl store, takedowns, analytics, the served generation, run history); restore it with the restore verb.")
            .Produces(StatusCodes.Status200OK, contentType: ContentType);
        return admin;
    }

    public static async Task StreamBackupAsync(HttpContext context, DataBackup backup, TimeProvider time, CancellationToken cancellationToken)
    {
        context.Response.ContentType = ContentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"flinksearch-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.tar.gz\"";
        context.Response.Headers.CacheControl = "no-store";
        await backup.WriteAsync(context.Response.Body, cancellationToken);
    }
}
