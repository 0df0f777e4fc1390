using System.Globalization;
using Avatars.Server.Api;

namespace Avatars.Server.Storage;

/// <summary>
/// Checks a request to a local storage URL before anything touches the file system (api.md §16.3): the key is
/// decoded once and must be a complete user key of an allowed area, <c>expires</c> neither past nor more than 7 days
/// ahead, the signature right. Any failure is the same <c>403 bad_signature</c>, so a refusal never reveals whether
/// an object exists.
/// </summary>
internal sealed class StorageUrlAuthorizer(StorageUrlSigner signer, TimeProvider time)
{
    /// <summary>
    /// The storage key the request may use with <paramref name="method"/>; throws <see cref="ApiException"/> 403
    /// <c>bad_signature</c> otherwise.
    /// </summary>
    /// <param name="encodedKey">The key as sent: the raw (still percent-encoded) path after <c>/api/storage/</c>.</param>
    /// <param name="expires">The <c>expires</c> query value (unix seconds).</param>
    /// <param name="signature">The <c>signature</c> query value.</param>
    /// <param name="method">PUT, or GET for GET and HEAD.</param>
    public string Authorize(string? encodedKey, string? expires, string? signature, SignedUrlMethod method)
    {
        if (string.IsNullOrEmpty(encodedKey) || string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature))
        {
            throw BadSignature();
        }

        var key = StorageKeyEncoding.TryDecode(encodedKey);
        if (key is null || !UnicodeNfc.IsNormalized(key))
        {
            throw BadSignature();
        }

        var area = StorageKeys.TryGetArea(key);
        var allowed = method == SignedUrlMethod.Put
            ? area == StorageKeyArea.Input
            : area is StorageKeyArea.Input or StorageKeyArea.Results;
        if (!allowed)
        {
            throw BadSignature();
        }

        if (expires.Length > 19 || !expires.All(char.IsAsciiDigit) || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            throw BadSignature();
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (expiresAt < now || expiresAt > now + (long)StorageUrlSigner.MaxLifetime.TotalSeconds)
        {
            throw BadSignature();
        }

        if (!signer.Verify(method, key, expiresAt, signature))
        {
            throw BadSignature();
        }

        return key;
    }

    private static ApiException BadSignature() => new(403, "bad_signature", "invalid or expired URL");
}
