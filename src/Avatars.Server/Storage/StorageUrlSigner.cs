using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Avatars.Server.Hosting;

namespace Avatars.Server.Storage;

/// <summary>
/// Signatures of local storage URLs (api.md §16.3):
/// <c>base64url_nopad(HMAC-SHA256(storage_url_key, "AVATAR-STORAGE-V1\n" + METHOD + "\n" + key + "\n" + expires))</c>,
/// HEAD signed as GET, compared in constant time.
/// </summary>
internal sealed class StorageUrlSigner(SigningKeys keys)
{
    /// <summary>Longest validity a URL may claim.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>The signature of one method on one key until <paramref name="expires"/> (unix seconds).</summary>
    public string Sign(SignedUrlMethod method, string key, long expires)
    {
        var text = "AVATAR-STORAGE-V1\n" + MethodName(method) + "\n" + key + "\n" + expires.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(keys.StorageUrlKey, Encoding.UTF8.GetBytes(text));
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>True when <paramref name="signature"/> is the signature of the method, key and expiry (constant-time compare).</summary>
    public bool Verify(SignedUrlMethod method, string key, long expires, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(method, key, expires));
        var given = Encoding.UTF8.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static string MethodName(SignedUrlMethod method) => method switch
    {
        SignedUrlMethod.Get => "GET",
        SignedUrlMethod.Put => "PUT",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
