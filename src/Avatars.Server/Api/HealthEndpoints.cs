using System.Text.RegularExpressions;
using Avatars.Server.Hosting;
using Avatars.Server.Persistence;
using Avatars.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Api;

/// <summary>Health and client-compatibility endpoints (api.md §15): unauthenticated, never exposing error details.</summary>
internal static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup(string.Empty).WithTags("health").AllowAnonymous();
        group.MapGet("/health", () => new HealthResponse("ok", ServerInstance.ApiVersion))
            .WithName("get_health").WithSummary("Liveness: the process answers.");
        group.MapGet("/health/db", GetDatabaseHealthAsync)
            .WithName("get_health_db").WithSummary("The database answers a trivial query.")
            .Produces<MessageResponse>().Produces(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/health/storage", GetStorageHealthAsync)
            .WithName("get_health_storage").WithSummary("A probe object can be written, read and deleted.")
            .Produces<MessageResponse>().Produces(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/check_client", CheckClient)
            .WithName("check_client").WithSummary("Whether the calling client (by User-Agent) is compatible with this server.");
        return api;
    }

    private static async Task<IResult> GetDatabaseHealthAsync([FromServices] AvatarsDbContext db, [FromServices] ILoggerFactory logs, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return Results.Ok(new MessageResponse("ok"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.CreateLogger("Avatars.Health").LogWarning(ex, "Database health check failed");
            return Results.Json(ApiErrorBodies.Application("database unavailable", "unavailable"), statusCode: 503);
        }
    }

    private static async Task<IResult> GetStorageHealthAsync([FromServices] IObjectStore storage, [FromServices] ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var key = "_health/" + Guid.NewGuid().ToString("N");
        try
        {
            var payload = Guid.NewGuid().ToByteArray();
            await storage.WriteAsync(key, new MemoryStream(payload), cancellationToken);
            await using (var read = await storage.OpenReadAsync(key, cancellationToken))
            {
                var buffer = new MemoryStream();
                await read.CopyToAsync(buffer, cancellationToken);
                if (!buffer.ToArray().AsSpan().SequenceEqual(payload))
                {
                    throw new InvalidOperationException("storage probe read back different bytes");
                }
            }

            await storage.DeleteAsync(key, cancellationToken);
            return Results.Ok(new MessageResponse("ok"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logs.CreateLogger("Avatars.Health").LogWarning(ex, "Storage health check failed");
            return Results.Json(ApiErrorBodies.Application("storage unavailable", "unavailable"), statusCode: 503);
        }
    }

    private static CheckClientResponse CheckClient(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        var dotnet = DotnetAgent().Match(agent);
        if (dotnet.Success)
        {
            return Version.TryParse(dotnet.Groups[1].Value, out var version) && version >= Version.Parse(ServerInstance.MinimumSdkVersion)
                ? new CheckClientResponse("client is compatible", ServerInstance.MinimumSdkVersion, "compatible")
                : new CheckClientResponse($"client version {dotnet.Groups[1].Value} is too old; update to at least {ServerInstance.MinimumSdkVersion}", ServerInstance.MinimumSdkVersion, "incompatible");
        }

        if (agent.StartsWith("avatar-python/", StringComparison.Ordinal))
        {
            return new CheckClientResponse(
                "the vendor's Python client is not supported: this server issues pre-signed storage URLs instead of the S3 credentials (/access) that client needs; use the .NET SDK or plain HTTP",
                ServerInstance.MinimumSdkVersion,
                "incompatible");
        }

        return new CheckClientResponse("unknown client", ServerInstance.MinimumSdkVersion, "unknown");
    }

    [GeneratedRegex(@"^avatar-dotnet/(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex DotnetAgent();

    /// <summary><c>{"message": "ok", "version": "1.0.0"}</c>.</summary>
    /// <param name="Message">Always <c>ok</c>.</param>
    /// <param name="Version">API version.</param>
    internal sealed record HealthResponse(string Message, string Version);

    /// <summary><c>{"message": "ok"}</c>.</summary>
    /// <param name="Message">Always <c>ok</c>.</param>
    internal sealed record MessageResponse(string Message);

    /// <summary>Answer of <c>GET /api/check_client</c>.</summary>
    /// <param name="Message">Explanation.</param>
    /// <param name="MostRecentCompatibleClient">The minimum SDK version this server accepts.</param>
    /// <param name="Status"><c>compatible</c>, <c>incompatible</c> or <c>unknown</c>.</param>
    internal sealed record CheckClientResponse(string Message, string MostRecentCompatibleClient, string Status);
}
