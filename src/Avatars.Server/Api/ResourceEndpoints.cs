using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Avatars.Server.Api;

/// <summary>Resource sets (api.md §17): PUT a multi-document YAML as a new immutable version, read it back, list versions.</summary>
internal static class ResourceEndpoints
{
    private static readonly string[] YamlMediaTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/plain"];

    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/resources").WithTags("resources").RequireAuthorization();
        group.MapPut("/{display_name}", PutAsync)
            .WithName("put_resources")
            .WithSummary("Create a new version of a resource set from multi-document YAML.")
            .Accepts<string>("application/yaml", "application/x-yaml", "text/yaml", "text/plain")
            .Produces<ResourceSetResponse>()
            .Produces<ApiErrorBodies.ValidationErrorBody>(StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{set_name}", GetAsync)
            .WithName("get_resources")
            .WithSummary("The YAML of a resource set, byte for byte.")
            .Produces<string>(StatusCodes.Status200OK, "application/yaml")
            .Produces(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .WithName("list_resources")
            .WithSummary("The caller's resource sets and versions, by creation time.")
            .Produces<ResourceSetListResponse>();
        return api;
    }

    private static async Task<ResourceSetResponse> PutAsync(
        [FromRoute(Name = "display_name")] string displayName,
        HttpRequest request,
        [FromServices] CurrentUser user,
        [FromServices] ResourceSetService resources,
        [FromServices] AvatarsServerOptions options,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || !YamlMediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ApiException(415, "unsupported_media_type", $"send the resource set as YAML (Content-Type: application/yaml), not '{request.ContentType}'");
        }

        var body = await ReadBodyAsync(request, options.Limits.MaxRequestBodyBytes, cancellationToken);
        return await resources.CreateAsync(user, displayName, body, cancellationToken);
    }

    private static async Task<IResult> GetAsync([FromRoute(Name = "set_name")] string setName, [FromServices] ResourceSetService resources, CancellationToken cancellationToken) =>
        Results.Bytes(await resources.GetYamlAsync(setName, cancellationToken), "application/yaml; charset=utf-8");

    private static Task<ResourceSetListResponse> ListAsync(
        [FromQuery(Name = "display_name")] string? displayName,
        [FromQuery] int? limit,
        [FromQuery] string? cursor,
        [FromQuery] string? order,
        [FromServices] ResourceSetService resources,
        CancellationToken cancellationToken) =>
        resources.ListAsync(displayName, limit, cursor, order, cancellationToken);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw ApiException.TooLarge($"the resource set has {request.ContentLength} bytes; the limit is {limit} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw ApiException.TooLarge($"the resource set is larger than the limit of {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
