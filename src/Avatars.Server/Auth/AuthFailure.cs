namespace Avatars.Server.Auth;

/// <summary>
/// Why a presented credential was refused (api.md §12.2). The authentication handler records it on the request so
/// its challenge can answer with the matching body; <see cref="None"/> means no usable header was sent.
/// </summary>
internal enum AuthFailure
{
    /// <summary>No <c>Authorization</c> header, or an unknown scheme: <c>{"detail":"Not authenticated"}</c>.</summary>
    None,

    /// <summary>An access token past its <c>exp</c>: the only trigger for a client refresh.</summary>
    CredentialsExpired,

    /// <summary>Bad signature, wrong audience or token use, stale stamp, disabled or deleted user.</summary>
    InvalidCredentials,

    /// <summary>Unknown or revoked API key.</summary>
    InvalidApiKey,

    /// <summary>API key past its expiry.</summary>
    ApiKeyExpired,
}

/// <summary>Code and message of each <see cref="AuthFailure"/>.</summary>
internal static class AuthFailureText
{
    public static (string Code, string Message) Of(AuthFailure failure) => failure switch
    {
        AuthFailure.CredentialsExpired => ("credentials_expired", "credentials expired"),
        AuthFailure.InvalidApiKey => ("invalid_api_key", "invalid API key"),
        AuthFailure.ApiKeyExpired => ("api_key_expired", "API key expired"),
        _ => ("invalid_credentials", "invalid credentials"),
    };
}
