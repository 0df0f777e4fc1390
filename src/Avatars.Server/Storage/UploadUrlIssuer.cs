using Avatars.Server.Api;
using Avatars.Server.Hosting;

namespace Avatars.Server.Storage;

/// <summary>
/// Issues upload URLs (api.md §16.2): checks the file name (422 naming the problem) and the declared size (413
/// with the limit), builds the key in the caller's upload area and signs one PUT valid for
/// <see cref="StorageOptions.UploadUrlLifetime"/>.
/// </summary>
internal sealed class UploadUrlIssuer(IObjectStore store, AvatarsServerOptions options, TimeProvider time)
{
    /// <summary>An upload URL for <paramref name="userId"/>; <paramref name="publicBaseUrl"/> is the server's public base.</summary>
    public UploadUrlResponse Issue(Guid userId, UploadUrlRequest request, Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (userId == Guid.Empty)
        {
            throw new InvalidOperationException("upload URLs are issued to authenticated users only");
        }

        if (request.FileName is null)
        {
            throw new ApiValidationException(["body", "file_name"], "Field required", "missing");
        }

        if (request.Size is < 0)
        {
            throw new ApiValidationException(["body", "size"], "size must be zero or more", "value_error");
        }

        var limit = options.Limits.MaxUploadBytes;
        if (request.Size > limit)
        {
            throw ApiException.TooLarge($"the file is {request.Size} bytes; the upload limit is {limit} bytes");
        }

        var key = StorageKeys.Input(userId, request.FileName);
        if (store is LocalObjectStore local)
        {
            local.PathFor(key); // names too long for the disk once encoded: 422 now rather than a failing PUT
        }

        var expires = time.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Ceiling(options.Storage.UploadUrlLifetime.TotalSeconds);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        var url = store.CreateSignedUrl(key, SignedUrlMethod.Put, expiresAt, publicBaseUrl);
        return new UploadUrlResponse(url.AbsoluteUri, key, expiresAt.UtcDateTime);
    }
}
