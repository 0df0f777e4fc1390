using Avatars.Server.Auth;
using Avatars.Server.Hosting;
using Avatars.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Avatars.Server.Api;

/// <summary><c>POST /api/upload_url</c> (api.md §16.2): a pre-signed PUT URL for one file of the caller's upload area.</summary>
internal static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/upload_url", CreateUploadUrl)
            .RequireAuthorization()
            .WithTags("storage")
            .WithName("create_upload_url")
            .WithSummary("A URL allowing one PUT of the raw bytes of a file into the caller's upload area, valid Storage:UploadUrlLifetime.")
            .Produces<UploadUrlResponse>()
            .Produces(StatusCodes.Status413PayloadTooLarge)
            .Produces(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static UploadUrlResponse CreateUploadUrl(
        [FromBody] UploadUrlRequest? request,
        HttpContext context,
        [FromServices] CurrentUser user,
        [FromServices] UploadUrlIssuer issuer,
        [FromServices] AvatarsServerOptions options) =>
        issuer.Issue(user.Id, request ?? new UploadUrlRequest(null, null), PublicUrls.BaseFor(context, options));
}
