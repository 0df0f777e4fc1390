using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Api;

/// <summary>The vendor's FastAPI error shapes (api.md §11); never RFC 7807 problem details.</summary>
public static class ApiErrorBodies
{
    /// <summary><c>{"detail": {"message", "code"}}</c>.</summary>
    public static JsonObject Application(string message, string code) =>
        new() { ["detail"] = new JsonObject { ["message"] = message, ["code"] = code } };

    /// <summary>Writes an application error, with <c>Retry-After</c> and <c>retry_after</c> for 429.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message, int? retryAfterSeconds = null)
    {
        var body = Application(message, code);
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            body["retry_after"] = seconds;
        }

        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Writes <c>{"detail": [issues]}</c> with 422.</summary>
    public static Task WriteValidationAsync(HttpContext context, IReadOnlyList<ValidationIssue> issues)
    {
        context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return context.Response.WriteAsJsonAsync(new ValidationErrorBody(issues), context.RequestAborted);
    }

    /// <summary>Writes <c>401 {"detail": "Not authenticated"}</c>.</summary>
    public static Task WriteNotAuthenticatedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"detail\":\"Not authenticated\"}", context.RequestAborted);
    }

    /// <summary>A 422 body.</summary>
    /// <param name="Detail">The issues.</param>
    public sealed record ValidationErrorBody([property: System.Text.Json.Serialization.JsonPropertyName("detail")] IReadOnlyList<ValidationIssue> Detail);
}
