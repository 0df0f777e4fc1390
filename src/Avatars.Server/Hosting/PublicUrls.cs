using Microsoft.AspNetCore.Http;

namespace Avatars.Server.Hosting;

/// <summary>The server's public base URL (origin plus proxy prefix, without <c>/api</c>), for signed URLs and <c>Location</c>.</summary>
public static class PublicUrls
{
    /// <summary><see cref="AvatarsServerOptions.PublicBaseUrl"/> when set, else the request's scheme, host and path base.</summary>
    public static Uri BaseFor(HttpContext context, AvatarsServerOptions options)
    {
        var text = !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return new Uri(text.TrimEnd('/') + "/", UriKind.Absolute);
    }
}
