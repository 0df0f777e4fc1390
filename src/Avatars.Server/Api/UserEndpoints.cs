using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Endpoints (api.md Part B).</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder api) => api;
}
