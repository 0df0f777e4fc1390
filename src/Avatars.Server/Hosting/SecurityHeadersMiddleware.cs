using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Hosting;

/// <summary>
/// Security headers and the request id on every API response (api.md §10): <c>X-Request-Id</c> echoed (or
/// generated), nosniff, DENY framing, no referrer, <c>default-src 'none'</c>, no-store, HSTS when the public
/// base URL is HTTPS. Storage downloads override <c>Content-Security-Policy</c> with <c>sandbox</c>.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, AvatarsServerOptions options)
{
    private readonly bool hsts = options.PublicBaseUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = context.Request.Headers["X-Request-Id"].ToString();
        if (string.IsNullOrEmpty(requestId) || requestId.Length > 128 || requestId.Any(c => c < 0x21 || c > 0x7E))
        {
            requestId = Guid.NewGuid().ToString("N");
        }

        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-Request-Id"] = requestId;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            }

            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }

            if (hsts)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
