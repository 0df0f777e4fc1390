namespace Avatars.Server.Hosting;

/// <summary>Identity of this server process (lease owner of the jobs it runs) and its version.</summary>
public sealed class ServerInstance
{
    /// <summary>Random per process start.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Semantic version of the API (OpenAPI <c>info.version</c>, <c>GET /api/health</c>).</summary>
    public const string ApiVersion = "1.0.0";

    /// <summary>The oldest <c>avatar-dotnet</c> SDK version this server accepts.</summary>
    public const string MinimumSdkVersion = "0.1.0";
}
