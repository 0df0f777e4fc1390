using System.Security.Cryptography;
using System.Text;

namespace Avatars.Server.Hosting;

/// <summary>
/// The two keys derived from the signing secret with HKDF-SHA256 (api.md §22.2): one for JWTs, one for local
/// storage URLs. The secret comes from configuration or from <c>&lt;DataDirectory&gt;/signing.key</c>, generated
/// (32 random bytes, owner-only permissions) on first start.
/// </summary>
public sealed class SigningKeys
{
    private SigningKeys(byte[] secret)
    {
        JwtKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("avatar/jwt/v1"));
        StorageUrlKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("avatar/storage-url/v1"));
    }

    /// <summary>HS256 key of access and refresh tokens.</summary>
    public byte[] JwtKey { get; }

    /// <summary>HMAC-SHA256 key of local storage URLs.</summary>
    public byte[] StorageUrlKey { get; }

    /// <summary>Loads (or creates) the secret per the options.</summary>
    /// <exception cref="ServerConfigurationException">The configured secret is not base64/hex of at least 32 bytes.</exception>
    public static SigningKeys Load(AvatarsServerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Security.SigningSecret))
        {
            return new SigningKeys(Decode(options.Security.SigningSecret.Trim()));
        }

        var path = Path.Combine(options.DataDirectoryFullPath, "signing.key");
        if (File.Exists(path))
        {
            return new SigningKeys(Decode(File.ReadAllText(path).Trim(), path));
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(options.DataDirectoryFullPath);
        OwnerOnlyFile.WriteAllText(path, Convert.ToBase64String(secret));
        return new SigningKeys(secret);
    }

    private static byte[] Decode(string value, string? file = null)
    {
        byte[]? bytes = null;
        if (value.Length % 2 == 0 && value.All(Uri.IsHexDigit))
        {
            bytes = Convert.FromHexString(value);
        }
        else
        {
            var buffer = new byte[value.Length];
            if (Convert.TryFromBase64String(value, buffer, out var written))
            {
                bytes = buffer[..written];
            }
        }

        if (bytes is null || bytes.Length < 32)
        {
            throw new ServerConfigurationException(
                file is null
                    ? "Security:SigningSecret (AVATAR_SIGNING_SECRET) must be base64 or hex of at least 32 bytes."
                    : $"The signing secret in '{file}' must be base64 or hex of at least 32 bytes; delete the file to generate a new one (all tokens and URLs become invalid).");
        }

        return bytes;
    }
}
