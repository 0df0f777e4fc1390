using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Endpoints (api.md Part B).</summary>
internal static class StorageEndpoints
{
    public static IEndpointRouteBuilder MapStorageEndpoints(this IEndpointRouteBuilder api) => api;
}
