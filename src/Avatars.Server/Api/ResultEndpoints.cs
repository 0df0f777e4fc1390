using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary>Endpoints (api.md Part B).</summary>
internal static class ResultEndpoints
{
    public static IEndpointRouteBuilder MapResultEndpoints(this IEndpointRouteBuilder api) => api;
}
