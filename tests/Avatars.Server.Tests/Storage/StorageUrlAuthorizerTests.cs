using Avatars.Server.Api;
using Avatars.Server.Storage;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

public sealed class StorageUrlAuthorizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 45, 0, TimeSpan.Zero);

    private readonly StorageUrlSigner signer = NewSigner();
    private readonly FixedTimeProvider time = new(Now);
    private readonly Guid user = Guid.NewGuid();

    [Fact]
    public void A_well_signed_url_yields_its_decoded_key()
    {
        var key = StorageKeys.Input(user, "dir é/a+b.csv");
        var expires = Now.AddMinutes(15).ToUnixTimeSeconds();
        var authorized = Authorizer().Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires), signer.Sign(SignedUrlMethod.Put, key, expires), SignedUrlMethod.Put);
        Assert.Equal(key, authorized);
    }

    [Fact]
    public void Expiry_is_checked_against_the_clock_and_the_seven_day_cap()
    {
        var key = StorageKeys.Input(user, "a.csv");
        var soon = Now.AddSeconds(30).ToUnixTimeSeconds();
        Assert.Equal(key, Authorize(key, soon, SignedUrlMethod.Get));
        time.Now = Now.AddMinutes(1);
        AssertRefused(() => Authorize(key, soon, SignedUrlMethod.Get));
        var far = Now.AddDays(7).AddMinutes(2).ToUnixTimeSeconds();
        AssertRefused(() => Authorize(key, far, SignedUrlMethod.Get));
    }

    [Fact]
    public void Put_is_only_for_uploads_and_get_for_uploads_and_results()
    {
        var result = StorageKeys.Result(user, Guid.NewGuid(), "t.csv");
        var expires = Now.AddMinutes(5).ToUnixTimeSeconds();
        AssertRefused(() => Authorize(result, expires, SignedUrlMethod.Put));
        Assert.Equal(result, Authorize(result, expires, SignedUrlMethod.Get));
        AssertRefused(() => Authorize("_health/abc", expires, SignedUrlMethod.Get));
    }

    [Fact]
    public void A_signature_is_bound_to_method_key_and_expiry()
    {
        var key = StorageKeys.Input(user, "a.csv");
        var expires = Now.AddMinutes(5).ToUnixTimeSeconds();
        var put = signer.Sign(SignedUrlMethod.Put, key, expires);
        var authorizer = Authorizer();
        AssertRefused(() => authorizer.Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires), put, SignedUrlMethod.Get));
        AssertRefused(() => authorizer.Authorize(StorageKeyEncoding.EncodeUrlPath(StorageKeys.Input(user, "b.csv")), Text(expires), put, SignedUrlMethod.Put));
        AssertRefused(() => authorizer.Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires + 1), put, SignedUrlMethod.Put));
        AssertRefused(() => authorizer.Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires), put[..^1] + (put[^1] == 'A' ? 'B' : 'A'), SignedUrlMethod.Put));
        AssertRefused(() => authorizer.Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires), NewSigner().Sign(SignedUrlMethod.Put, key, expires), SignedUrlMethod.Put));
    }

    [Theory]
    [InlineData(null, "1", "sig")]
    [InlineData("x", null, "sig")]
    [InlineData("x", "1", null)]
    [InlineData("x", "", "sig")]
    [InlineData("x", "-1", "sig")]
    [InlineData("x", "+1", "sig")]
    [InlineData("x", "1e9", "sig")]
    [InlineData("x", "99999999999999999999999", "sig")]
    public void Missing_or_malformed_parameters_are_refused(string? key, string? expires, string? signature)
    {
        AssertRefused(() => Authorizer().Authorize(key, expires, signature, SignedUrlMethod.Get));
    }

    [Fact]
    public void Traversal_and_malformed_keys_are_refused_even_when_signed()
    {
        var expires = Now.AddMinutes(5).ToUnixTimeSeconds();
        foreach (var key in new[] { $"{user:D}/input/../../etc/passwd", $"{user:D}/input/a//b", $"{user:D}/input/a\\b", $"/{user:D}/input/a", $"{user:D}/input/e\u0301.csv" })
        {
            AssertRefused(() => Authorize(key, expires, SignedUrlMethod.Get));
        }

        var valid = StorageKeys.Input(user, "a.csv");
        var signature = signer.Sign(SignedUrlMethod.Get, valid, expires);
        AssertRefused(() => Authorizer().Authorize($"{user:D}/input/%2E%2E/a.csv", Text(expires), signature, SignedUrlMethod.Get));
        AssertRefused(() => Authorizer().Authorize($"{user:D}/input/a%zz.csv", Text(expires), signature, SignedUrlMethod.Get));
    }

    private string Authorize(string key, long expires, SignedUrlMethod method) =>
        Authorizer().Authorize(StorageKeyEncoding.EncodeUrlPath(key), Text(expires), signer.Sign(method, key, expires), method);

    private StorageUrlAuthorizer Authorizer() => new(signer, time);

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertRefused(Action action)
    {
        var error = Assert.Throws<ApiException>(action);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal("bad_signature", error.Code);
        Assert.Equal("invalid or expired URL", error.Message);
    }
}
