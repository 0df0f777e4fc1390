namespace Avatars.Client;

/// <summary>Constants shared by the SDK (sdk.md §7.2).</summary>
public static class AvatarsDefaults
{
    /// <summary>The YAML volume name of the caller's upload area (<c>data: {volume: input, file: …}</c>).</summary>
    public const string InputVolumeName = "input";

    /// <summary>Environment variable holding the API root (ending in <c>/api</c>).</summary>
    public const string BaseUrlVariable = "AVATAR_BASE_API_URL";

    /// <summary>Environment variable holding the user name.</summary>
    public const string UsernameVariable = "AVATAR_USERNAME";

    /// <summary>Environment variable holding the password.</summary>
    public const string PasswordVariable = "AVATAR_PASSWORD";
}
