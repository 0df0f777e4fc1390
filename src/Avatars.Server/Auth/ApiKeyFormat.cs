using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Avatars.Server.Auth;

/// <summary>
/// API key format of api.md §13: <c>avk_</c> + 43 base64url characters (32 random bytes). Only the first
/// <see cref="PrefixLength"/> characters and the SHA-256 of the whole key are stored.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Marker = "avk_";
    public const int PrefixLength = 12;
    public const int Length = 4 + 43;

    public static string Generate() => Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static bool IsWellFormed(string key) =>
        key.Length == Length && key.StartsWith(Marker, StringComparison.Ordinal)
        && key.AsSpan(Marker.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    public static string PrefixOf(string key) => key[..PrefixLength];

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
