using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Hosting;

/// <summary>Bodies for errors the framework answers without one (unknown route, wrong method, wrong media type), in the api.md §11 shape.</summary>
internal static class StatusCodeBodies
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (code, message) = http.Response.StatusCode switch
        {
            404 => ("not_found", "not found"),
            405 => ("method_not_allowed", $"method {http.Request.Method} not allowed here"),
            413 => ("limit_exceeded", "request body too large"),
            415 => ("unsupported_media_type", $"unsupported media type '{http.Request.ContentType}'"),
            401 => ("invalid_credentials", "invalid credentials"),
            403 => ("forbidden", "forbidden"),
            _ => ("error", "request failed"),
        };
        if (http.Response.StatusCode == 401)
        {
            return Api.ApiErrorBodies.WriteNotAuthenticatedAsync(http);
        }

        return Api.ApiErrorBodies.WriteAsync(http, http.Response.StatusCode, code, message);
    }
}
