namespace Avatars.Server.Api;

/// <summary>
/// An application error with its HTTP status and stable code; answered as
/// <c>{"detail": {"message": "…", "code": "…"}}</c> (api.md §11) by <see cref="ApiErrorMiddleware"/>.
/// Services throw it; endpoints need not catch it.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ApiException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>Creates a 500.</summary>
    public ApiException()
        : this(500, "internal_error", "internal error")
    {
    }

    /// <summary>Creates a 500 with a message.</summary>
    public ApiException(string message)
        : this(500, "internal_error", message)
    {
    }

    /// <summary>Creates a 500 with a message and cause.</summary>
    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Code = "internal_error";
    }

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>Stable snake_case code for SDK exception mapping.</summary>
    public string Code { get; }

    /// <summary>Seconds for <c>Retry-After</c> (429 only).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>404 with the same body whether the object is missing or someone else's.</summary>
    public static ApiException NotFound(string what) => new(404, "not_found", $"{what} not found");

    /// <summary>409 state conflict.</summary>
    public static ApiException Conflict(string code, string message) => new(409, code, message);

    /// <summary>403.</summary>
    public static ApiException Forbidden(string message) => new(403, "forbidden", message);

    /// <summary>413 with the limit in the message.</summary>
    public static ApiException TooLarge(string message) => new(413, "limit_exceeded", message);

    /// <summary>429 with Retry-After.</summary>
    public static ApiException RateLimited(string message, int retryAfterSeconds) => new(429, "rate_limited", message) { RetryAfterSeconds = retryAfterSeconds };
}
