using System.Net;

namespace Avatars.Client.Http;

/// <summary>
/// A non-2xx answer of the API or of a signed URL (Python <c>Exception("Got error in HTTP request: …")</c>).
/// <see cref="Exception.Message"/> follows sdk.md §5.4.
/// </summary>
public class AvatarsApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message (§5.4).</param>
    /// <param name="statusCode">HTTP status of the answer.</param>
    /// <param name="method">HTTP method, upper-case.</param>
    /// <param name="requestPath">Path relative to the base URL (<c>/jobs</c>), or the path of a signed URL without its query.</param>
    /// <param name="serverMessage">The message extracted from the body.</param>
    /// <param name="errorCode">The server's stable <c>detail.code</c>, when present.</param>
    /// <param name="requestId">The answer's <c>X-Request-Id</c>, when present.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AvatarsApiException(
        string message,
        HttpStatusCode statusCode,
        string method,
        string requestPath,
        string? serverMessage,
        string? errorCode,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Method = method;
        RequestPath = requestPath;
        ServerMessage = serverMessage;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>HTTP method, upper-case.</summary>
    public string Method { get; }

    /// <summary>Path relative to the base URL (<c>/jobs</c>), or a signed URL's path without its query.</summary>
    public string RequestPath { get; }

    /// <summary>The message extracted from the body (<c>detail.message</c>, FastAPI <c>msg: loc</c>, or the text).</summary>
    public string? ServerMessage { get; }

    /// <summary>The server's stable error id (<c>detail.code</c>: <c>credentials_expired</c>, <c>job_not_finished</c>, …).</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>X-Request-Id</c> of the answer, to quote in support requests.</summary>
    public string? RequestId { get; }
}
