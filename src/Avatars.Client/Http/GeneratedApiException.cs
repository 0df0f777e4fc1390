using System.Net;
using Avatars.Client.Http;

namespace Avatars.Client.Generated;

/// <summary>
/// The exception the generated code throws for an answer it cannot use (an undocumented 2xx status, an empty or
/// undecodable body). Error statuses never reach the generated code (<see cref="AvatarsHttpPipeline"/> maps them), so
/// this only covers contract mismatches; it derives from <see cref="AvatarsApiException"/> so that callers catch one type.
/// </summary>
internal class GeneratedApiException : AvatarsApiException
{
    public GeneratedApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(
            $"Unexpected answer from the API: {message} (status {statusCode})",
            (HttpStatusCode)statusCode,
            string.Empty,
            string.Empty,
            response,
            null,
            headers.FirstOrDefault(h => string.Equals(h.Key, "X-Request-Id", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(),
            innerException)
    {
    }
}

/// <summary>A <see cref="GeneratedApiException"/> carrying a decoded body.</summary>
/// <typeparam name="TResult">Type of the body.</typeparam>
internal sealed class GeneratedApiException<TResult> : GeneratedApiException
{
    public GeneratedApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The decoded body.</summary>
    public TResult Result { get; }
}
