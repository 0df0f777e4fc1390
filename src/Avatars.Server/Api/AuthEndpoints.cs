using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Endpoints (api.md Part B).</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder api) => api;
}
