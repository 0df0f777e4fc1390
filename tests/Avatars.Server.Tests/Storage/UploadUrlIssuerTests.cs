using Avatars.Server.Api;
using Avatars.Server.Hosting;
using Avatars.Server.Storage;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

public sealed class UploadUrlIssuerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 45, 0, TimeSpan.Zero);
    private static readonly Uri PublicBase = new("https://avatar.example.com/");

    private readonly string root = Path.Combine(Path.GetTempPath(), "avatars-issuer-tests", Guid.NewGuid().ToString("N"));
    private readonly StorageUrlSigner signer = NewSigner();
    private readonly FixedTimeProvider time = new(Now);
    private readonly AvatarsServerOptions options = new() { Limits = { MaxUploadBytes = 10_000 }, Storage = { UploadUrlLifetime = TimeSpan.FromMinutes(15) } };
    private readonly Guid user = Guid.NewGuid();

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Issues_a_put_url_for_the_callers_upload_area_valid_for_the_upload_lifetime()
    {
        var response = Issuer().Issue(user, new UploadUrlRequest("iris.csv", 4551), PublicBase);
        Assert.Equal($"{user:D}/input/iris.csv", response.Key);
        Assert.Equal(new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc), response.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, response.ExpiresAt.Kind);
        var url = new Uri(response.Url);
        Assert.Equal($"/api/storage/{user:D}/input/iris.csv", url.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("1767607200", query["expires"]);
        var authorizer = new StorageUrlAuthorizer(signer, time);
        Assert.Equal(response.Key, authorizer.Authorize(url.AbsolutePath["/api/storage/".Length..], query["expires"], query["signature"], SignedUrlMethod.Put));
        Assert.Throws<ApiException>(() => authorizer.Authorize(url.AbsolutePath["/api/storage/".Length..], query["expires"], query["signature"], SignedUrlMethod.Get));
    }

    [Fact]
    public void The_file_name_is_normalised_and_encoded()
    {
        var response = Issuer().Issue(user, new UploadUrlRequest(UnicodeNfc.RuntimeNormalizes ? "dossier/e\u0301te\u0301 #1.csv" : "dossier/\u00e9t\u00e9 #1.csv", null), PublicBase);
        Assert.Equal($"{user:D}/input/dossier/\u00e9t\u00e9 #1.csv", response.Key);
        Assert.Contains("/input/dossier/%C3%A9t%C3%A9%20%231.csv?expires=", response.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../other-user.csv")]
    [InlineData("/abs.csv")]
    [InlineData("a\\b.csv")]
    [InlineData("a\tb.csv")]
    [InlineData("a//b.csv")]
    [InlineData("")]
    public void Bad_file_names_are_422_naming_the_problem(string fileName)
    {
        var error = Assert.Throws<StorageKeyException>(() => Issuer().Issue(user, new UploadUrlRequest(fileName, null), PublicBase));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Names_too_long_for_the_local_disk_are_refused_at_once()
    {
        Assert.Throws<StorageKeyException>(() => Issuer().Issue(user, new UploadUrlRequest(new string('é', 127), null), PublicBase));
    }

    [Fact]
    public void A_missing_file_name_or_negative_size_is_a_validation_error()
    {
        var missing = Assert.Throws<ApiValidationException>(() => Issuer().Issue(user, new UploadUrlRequest(null, null), PublicBase));
        Assert.Equal(["body", "file_name"], missing.Issues.Single().Loc);
        Assert.Equal("missing", missing.Issues.Single().Type);
        var negative = Assert.Throws<ApiValidationException>(() => Issuer().Issue(user, new UploadUrlRequest("a.csv", -1), PublicBase));
        Assert.Equal(["body", "size"], negative.Issues.Single().Loc);
    }

    [Fact]
    public void A_declared_size_over_the_limit_is_413_with_the_limit()
    {
        var error = Assert.Throws<ApiException>(() => Issuer().Issue(user, new UploadUrlRequest("big.csv", 10_001), PublicBase));
        Assert.Equal(413, error.StatusCode);
        Assert.Equal("limit_exceeded", error.Code);
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
        Assert.Equal($"{user:D}/input/ok.csv", Issuer().Issue(user, new UploadUrlRequest("ok.csv", 10_000), PublicBase).Key);
    }

    private UploadUrlIssuer Issuer() => new(new LocalObjectStore(root, signer), options, time);
}
