using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Storage;

public sealed class StorageKeysTests
{
    [Theory]
    [InlineData("../secret.csv", "'..'")]
    [InlineData("a/../../b.csv", "'..'")]
    [InlineData("./a.csv", "'.'")]
    [InlineData("/etc/passwd", "relative")]
    [InlineData("a/", "relative")]
    [InlineData("a\\b.csv", "backslash")]
    [InlineData("a\u0000b.csv", "control character")]
    [InlineData("a\nb.csv", "control character")]
    [InlineData("a\u007Fb.csv", "control character")]
    [InlineData("a//b.csv", "empty")]
    [InlineData("", "empty")]
    public void Bad_file_names_are_refused_with_the_reason(string fileName, string reason)
    {
        var error = Assert.Throws<StorageKeyException>(() => StorageKeys.Input(Guid.NewGuid(), fileName));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_refused_by_bytes()
    {
        Assert.Throws<StorageKeyException>(() => StorageKeys.NormalizeFileName(new string('a', 256)));
        Assert.Equal(255, StorageKeys.NormalizeFileName(new string('a', 255)).Length);
        Assert.Throws<StorageKeyException>(() => StorageKeys.NormalizeFileName(new string('é', 128))); // 256 bytes
        Assert.Throws<StorageKeyException>(() => StorageKeys.NormalizeFileName(string.Join('/', Enumerable.Repeat(new string('a', 200), 6))));
    }

    [Fact]
    public void Names_are_normalised_to_nfc_or_refused_when_the_runtime_cannot()
    {
        var decomposed = "e\u0301te\u0301.csv";
        var user = Guid.NewGuid();
        Assert.Equal($"{user:D}/input/\u00e9t\u00e9.csv", StorageKeys.Input(user, "\u00e9t\u00e9.csv"));
        if (UnicodeNfc.RuntimeNormalizes)
        {
            Assert.Equal($"{user:D}/input/\u00e9t\u00e9.csv", StorageKeys.Input(user, decomposed));
        }
        else
        {
            var error = Assert.Throws<StorageKeyException>(() => StorageKeys.Input(user, decomposed));
            Assert.Contains("NFC", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plain ascii.csv")]
    [InlineData("\u00e9t\u00e9 \u00c5 \u00fc\u00df.csv")]
    [InlineData("\u65e5\u672c\u8a9e \u30c6\u30fc\u30d6\u30eb.json")]
    [InlineData("\ud55c\uad6d\uc5b4.csv")]
    [InlineData("emoji \U0001F600.csv")]
    public void Precomposed_names_are_already_nfc(string name)
    {
        Assert.Equal(name, UnicodeNfc.TryNormalize(name));
        Assert.True(UnicodeNfc.IsNormalized(name));
    }

    [Theory]
    [InlineData("e\u0301", "\u00e9")]
    [InlineData("\u212B", "\u00c5")]
    [InlineData("\u1100\u1161", "\uac00")]
    [InlineData("\u0958", "\u0915\u093c")]
    public void Names_that_nfc_changes_are_normalised_or_refused(string name, string nfc)
    {
        Assert.Equal(UnicodeNfc.RuntimeNormalizes ? nfc : null, UnicodeNfc.TryNormalize(name));
        Assert.False(UnicodeNfc.IsNormalized(name));
    }

    [Fact]
    public void Areas_are_recognised_only_for_complete_user_keys()
    {
        var user = Guid.NewGuid();
        var job = Guid.NewGuid();
        Assert.Equal(StorageKeyArea.Input, StorageKeys.TryGetArea(StorageKeys.Input(user, "a/b.csv")));
        Assert.Equal(StorageKeyArea.Results, StorageKeys.TryGetArea(StorageKeys.Result(user, job, "t.csv")));
        Assert.Null(StorageKeys.TryGetArea("_health/abc"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/input/"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/input/../x"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/input/a//b"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/results/{job:D}"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/results/not-a-job/t.csv"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/other/t.csv"));
        Assert.Null(StorageKeys.TryGetArea($"{user.ToString("D").ToUpperInvariant()}/input/a.csv"));
        Assert.Null(StorageKeys.TryGetArea($"{user:N}/input/a.csv"));
        Assert.Null(StorageKeys.TryGetArea($"{user:D}/input/e\u0301.csv"));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("é/ü", "%C3%A9/%C3%BC")]
    [InlineData("a~b-c_d.e", "a~b-c_d.e")]
    [InlineData("a%b?c#d&e+f", "a%25b%3Fc%23d%26e%2Bf")]
    public void Url_paths_encode_each_segment_and_decode_back(string key, string expected)
    {
        Assert.Equal(expected, StorageKeyEncoding.EncodeUrlPath(key));
        Assert.Equal(key, StorageKeyEncoding.TryDecode(expected));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("a%2")]
    [InlineData("a%zz")]
    [InlineData("%C3")]
    [InlineData("%FF%FE")]
    public void Malformed_escapes_and_invalid_utf8_do_not_decode(string text)
    {
        Assert.Null(StorageKeyEncoding.TryDecode(text));
    }
}
