using System.Text.Json;
using Avatars.Server.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Avatars.Server.Auth;

/// <summary>
/// Reads a JSON request body so that malformed JSON and wrong value types answer 422 with the offending field
/// (api.md §11) instead of the framework's bare 400; another media type is 415.
/// </summary>
internal static class JsonRequestBody
{
    /// <exception cref="ApiException">415 for a non-JSON media type.</exception>
    /// <exception cref="ApiValidationException">422 for an empty body, bad JSON or a wrong value type.</exception>
    public static async Task<T> ReadAsync<T>(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"unsupported media type '{request.ContentType}'; send application/json");
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await request.ReadFromJsonAsync<T>(options, request.HttpContext.RequestAborted);
            return value is null ? throw new ApiValidationException(["body"], "a JSON object is required", "missing") : value;
        }
        catch (JsonException ex)
        {
            object[] loc = ["body", .. (ex.Path ?? "$").Split('.', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
            throw new ApiValidationException(loc, ex.Path is null or "$" ? "the body is not valid JSON" : "invalid value for this field", "json_invalid");
        }
    }
}
