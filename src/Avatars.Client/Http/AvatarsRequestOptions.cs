namespace Avatars.Client.Http;

/// <summary>Per-request markers read by <see cref="AvatarsHttpPipeline"/>.</summary>
internal static class AvatarsRequestOptions
{
    /// <summary>The request targets a signed storage URL: no <c>Authorization</c>, no auth check, <see cref="AvatarsClientOptions.TransferTimeout"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> SignedUrl = new("Avatars.SignedUrl");

    /// <summary>Produces the body of each attempt (large uploads are re-read from a seekable stream instead of being buffered).</summary>
    public static readonly HttpRequestOptionsKey<Func<HttpContent>> ContentFactory = new("Avatars.ContentFactory");
}
