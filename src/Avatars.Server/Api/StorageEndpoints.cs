using Avatars.Server.Hosting;
using Avatars.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Avatars.Server.Api;

/// <summary>
/// The local backend's storage URLs (api.md §16.3): <c>PUT | GET | HEAD /api/storage/{key}?expires=&amp;signature=</c>,
/// anonymous, reached through signed URLs only. The key is taken from the raw request target and decoded once; the
/// URL is checked (<see cref="StorageUrlAuthorizer"/>) before any file-system access. With the s3 backend these
/// routes answer 404 after the check (URLs then point at S3).
/// </summary>
internal static class StorageEndpoints
{
    private const string RoutePrefix = "/api/storage/";

    public static IEndpointRouteBuilder MapStorageEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/storage").WithTags("storage").AllowAnonymous();
        group.MapPut("/{**key}", PutAsync)
            .WithName("put_storage_object")
            .WithSummary("Upload the raw bytes of an input file through a signed PUT URL (from POST /api/upload_url).")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Raw bytes of any media type (no Accepts metadata: that would make routing answer 415 to typed bodies).
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The raw bytes of the file; Content-Type is not signed and is ignored.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/octet-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{**key}", Get)
            .WithName("get_storage_object")
            .WithSummary("Download an object through a signed GET URL; Range requests are answered with 206.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status404NotFound);
        group.MapMethods("/{**key}", [HttpMethods.Head], HeadAsync)
            .WithName("head_storage_object")
            .WithSummary("Size, type and entity tag of an object through a signed GET URL.")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status403Forbidden)
            .Produces(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> PutAsync(
        HttpContext context,
        string? key,
        [FromQuery] string? expires,
        [FromQuery] string? signature,
        [FromServices] StorageUrlAuthorizer authorizer,
        [FromServices] AvatarsServerOptions options,
        CancellationToken cancellationToken)
    {
        _ = key; // bound for the OpenAPI document; the raw request target is authoritative
        var storageKey = authorizer.Authorize(EncodedKey(context), expires, signature, SignedUrlMethod.Put);
        var store = LocalStore(context);
        var limit = options.Limits.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            throw UploadSizeLimitStream.TooLarge(limit);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // The counting stream below is the authority: a Content-Length over the limit was refused above, and
            // Kestrel's own check of chunked bodies counts the chunk framing too (refusing bodies under the limit).
            bodySize.MaxRequestBodySize = null;
        }

        await using var body = new UploadSizeLimitStream(context.Request.Body, limit);
        var info = await store.WriteAsync(storageKey, body, cancellationToken);
        context.Response.Headers.ETag = info.ETag;
        return Results.Ok();
    }

    private static IResult Get(
        HttpContext context,
        string? key,
        [FromQuery] string? expires,
        [FromQuery] string? signature,
        [FromServices] StorageUrlAuthorizer authorizer)
    {
        _ = key;
        var storageKey = authorizer.Authorize(EncodedKey(context), expires, signature, SignedUrlMethod.Get);
        var opened = TryOpen(LocalStore(context), storageKey) ?? throw ApiException.NotFound("object");
        SetDownloadHeaders(context.Response);
        return Results.Stream(
            opened.Stream,
            StorageContentTypes.For(storageKey),
            StorageContentTypes.FileNameOf(storageKey),
            opened.Info.LastModified,
            EntityTagHeaderValue.Parse(opened.Info.ETag),
            enableRangeProcessing: true);
    }

    private static async Task<IResult> HeadAsync(
        HttpContext context,
        string? key,
        [FromQuery] string? expires,
        [FromQuery] string? signature,
        [FromServices] StorageUrlAuthorizer authorizer,
        CancellationToken cancellationToken)
    {
        _ = key;
        var storageKey = authorizer.Authorize(EncodedKey(context), expires, signature, SignedUrlMethod.Get);
        StoredObjectInfo? info;
        try
        {
            info = await LocalStore(context).GetInfoAsync(storageKey, cancellationToken);
        }
        catch (StorageKeyException)
        {
            info = null;
        }

        if (info is null)
        {
            throw ApiException.NotFound("object");
        }

        var response = context.Response;
        SetDownloadHeaders(response);
        response.ContentType = StorageContentTypes.For(storageKey);
        response.ContentLength = info.Size;
        response.Headers.ETag = info.ETag;
        response.Headers.LastModified = info.LastModified.ToString("R");
        response.Headers.AcceptRanges = "bytes";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(StorageContentTypes.FileNameOf(storageKey));
        response.Headers.ContentDisposition = disposition.ToString();
        return Results.Empty;
    }

    /// <summary>The still percent-encoded key: the raw request path after <c>/api/storage/</c>, without the query.</summary>
    private static string? EncodedKey(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        var end = raw.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            raw = raw[..end];
        }

        var start = raw.IndexOf(RoutePrefix, StringComparison.OrdinalIgnoreCase);
        return start < 0 ? null : raw[(start + RoutePrefix.Length)..];
    }

    private static LocalObjectStore LocalStore(HttpContext context) =>
        context.RequestServices.GetService<LocalObjectStore>() ?? throw ApiException.NotFound("object");

    private static (FileStream Stream, StoredObjectInfo Info)? TryOpen(LocalObjectStore store, string key)
    {
        try
        {
            return store.TryOpenRead(key);
        }
        catch (StorageKeyException)
        {
            return null;
        }
    }

    private static void SetDownloadHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "sandbox";
        response.Headers.CacheControl = "private, no-store";
    }
}
