using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Endpoints (api.md Part B).</summary>
internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder api) => api;
}
