using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Avatars.Client.Http;

/// <summary>Builds <see cref="AvatarsApiException"/> from a non-2xx answer (Python <c>raise_on_status</c>, sdk.md §5.4).</summary>
internal static class ApiErrorMapper
{
    /// <summary>The message of a 401 without credentials.</summary>
    public const string NotAuthenticatedMessage = "You are not authenticated.";

    /// <summary>Maps a status and body to the exception.</summary>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="method">HTTP method (any case; rendered lower-case in the message, as api.py passes it).</param>
    /// <param name="requestPath">Path relative to the base URL, e.g. <c>/jobs</c>.</param>
    /// <param name="body">Decoded body text, or null/empty.</param>
    /// <param name="requestId">The answer's <c>X-Request-Id</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static AvatarsApiException Create(HttpStatusCode statusCode, string method, string requestPath, string? body, string? requestId)
    {
        var upperMethod = method.ToUpperInvariant();
        string? errorCode = null;
        string errorMessage;
        JsonNode? parsed = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }

        if (string.IsNullOrEmpty(body))
        {
            errorMessage = "no message available";
        }
        else if (parsed is JsonObject obj)
        {
            errorCode = obj["detail"] is JsonObject detail && detail["code"] is JsonValue code && code.GetValueKind() == JsonValueKind.String
                ? code.GetValue<string>()
                : null;
            if (statusCode == HttpStatusCode.Unauthorized &&
                obj["detail"] is JsonValue detailValue && detailValue.GetValueKind() == JsonValueKind.String &&
                detailValue.GetValue<string>().Contains("authenticated", StringComparison.Ordinal))
            {
                return new AvatarsApiException(NotAuthenticatedMessage, statusCode, upperMethod, requestPath, NotAuthenticatedMessage, errorCode, requestId);
            }

            errorMessage = ExtractMessage(obj) ?? "Internal error: " + PythonRepr.Repr(obj);
        }
        else
        {
            errorMessage = body;
        }

        var message = $"Got error in HTTP request: {method.ToLowerInvariant()} {requestPath}. Error status {(int)statusCode} - {errorMessage}";
        return new AvatarsApiException(message, statusCode, upperMethod, requestPath, errorMessage, errorCode, requestId);
    }

    /// <summary>The server message of an error body: <c>message</c>, else FastAPI <c>msg: loc[-1]</c> or <c>Bad Request: msg</c>.</summary>
    /// <param name="node">The decoded body.</param>
    /// <returns>The message, or null when the body carries none.</returns>
    public static string? ExtractMessage(JsonNode? node)
    {
        var message = Nested(node, "message");
        if (message is not null)
        {
            return PythonRepr.Str(message);
        }

        var msg = Nested(node, "msg");
        if (msg is null)
        {
            return null;
        }

        var loc = Nested(node, "loc");
        if (loc is null)
        {
            return $"Bad Request: {PythonRepr.Str(msg)}";
        }

        var last = loc is JsonArray array ? (array.Count > 0 ? array[^1] : null) : loc;
        return $"{PythonRepr.Str(msg)}: {PythonRepr.Str(last)}";
    }

    /// <summary>Depth-first lookup (Python <c>nested</c>): in an object the key's value if present, else its values in order; in a list the first element only.</summary>
    /// <param name="node">Where to look.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or null.</returns>
    public static JsonNode? Nested(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.TryGetPropertyValue(key, out var value))
                {
                    return value;
                }

                foreach (var (_, child) in obj)
                {
                    var found = Nested(child, key);
                    if (found is not null)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Count > 0 ? Nested(array[0], key) : null;
            default:
                return null;
        }
    }
}
