using Avatars.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Avatars.Server.Api;

/// <summary>
/// Turns exceptions into the error shapes of api.md §11: <see cref="ApiException"/> → its status and code,
/// <see cref="ApiValidationException"/> → 422, <see cref="BadHttpRequestException"/> (bad JSON, body too large) → 422/413,
/// anything else → 500 <c>internal error (reference &lt;X-Request-Id&gt;)</c> with the details in the log only.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !(ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            context.Response.Clear();
            switch (ex)
            {
                case ApiException api:
                    await ApiErrorBodies.WriteAsync(context, api.StatusCode, api.Code, api.Message, api.RetryAfterSeconds);
                    break;
                case ApiValidationException validation:
                    await ApiErrorBodies.WriteValidationAsync(context, validation.Issues);
                    break;
                case StorageKeyException key:
                    await ApiErrorBodies.WriteValidationAsync(context, [new ValidationIssue(["body", "file_name"], key.Message, "value_error")]);
                    break;
                case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                    await ApiErrorBodies.WriteAsync(context, 413, "limit_exceeded", bad.Message);
                    break;
                case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType:
                    await ApiErrorBodies.WriteAsync(context, 415, "unsupported_media_type", $"unsupported media type '{context.Request.ContentType}': send JSON (Content-Type: application/json)");
                    break;
                case BadHttpRequestException bad:
                    await ApiErrorBodies.WriteValidationAsync(context, [new ValidationIssue(["body"], bad.Message, "value_error")]);
                    break;
                default:
                    logger.LogError(ex, "Unhandled error on {Method} {Path} (request {RequestId})", context.Request.Method, context.Request.Path, context.TraceIdentifier);
                    await ApiErrorBodies.WriteAsync(context, 500, "internal_error", $"internal error (reference {context.TraceIdentifier})");
                    break;
            }
        }
    }
}
