using Avatars.Server.Storage;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

public sealed class LocalObjectStoreTests : ObjectStoreContractTests, IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "avatars-local-store-tests", Guid.NewGuid().ToString("N"), "storage");
    private readonly LocalObjectStore store;

    public LocalObjectStoreTests()
    {
        store = new LocalObjectStore(root, NewSigner());
        store.EnsureRoot();
    }

    protected override IObjectStore Store => store;

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(root)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Theory]
    [InlineData("a/b.csv", "a/b.csv")]
    [InlineData("d é/x y.csv", "d%20%C3%A9/x%20y.csv")]
    [InlineData(".env/..hidden", "%2Eenv/%2E.hidden")]
    [InlineData("a%2Fb/~c", "a%252Fb/%7Ec")]
    public void Paths_encode_each_segment_and_stay_under_the_root(string fileName, string expected)
    {
        var user = Guid.NewGuid();
        var path = store.PathFor(StorageKeys.Input(user, fileName));
        Assert.StartsWith(store.Root + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.Equal(Path.Join(store.Root, user.ToString("D"), "input", expected.Replace('/', Path.DirectorySeparatorChar)), path);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("/abs")]
    [InlineData("a/.")]
    [InlineData("")]
    public void Keys_that_could_leave_the_root_are_refused(string key)
    {
        Assert.Throws<StorageKeyException>(() => store.PathFor(key));
    }

    [Fact]
    public void Segments_too_long_once_encoded_are_refused()
    {
        var name = new string('é', 127); // 254 UTF-8 bytes: a valid name, 762 characters on disk
        Assert.Throws<StorageKeyException>(() => store.PathFor(StorageKeys.Input(Guid.NewGuid(), name)));
        Assert.NotNull(store.PathFor(StorageKeys.Input(Guid.NewGuid(), new string('e', 255))));
    }

    [Fact]
    public async Task Temporary_and_foreign_files_are_not_listed_and_stale_temporaries_are_swept()
    {
        var key = StorageKeys.Input(User, "a.csv");
        await store.WriteAsync(key, new MemoryStream([1]), Ct);
        var folder = Path.GetDirectoryName(store.PathFor(key))!;
        var temporary = Path.Join(folder, LocalObjectStore.TemporaryFilePrefix + "interrupted");
        await File.WriteAllBytesAsync(temporary, [1, 2], Ct);
        await File.WriteAllBytesAsync(Path.Join(folder, "not%zzencoded"), [1], Ct);
        Assert.Equal([key], (await ListAllAsync(store, StorageKeys.InputPrefix(User))).Select(i => i.Key));
        Assert.Equal(0, store.DeleteStaleTemporaryFiles(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.Equal(1, store.DeleteStaleTemporaryFiles(DateTimeOffset.UtcNow.AddHours(1)));
        Assert.False(File.Exists(temporary));
    }

    [Fact]
    public async Task A_failed_write_leaves_the_old_object_and_no_temporary_file()
    {
        var key = StorageKeys.Input(User, "a.csv");
        await store.WriteAsync(key, new MemoryStream([1, 2, 3]), Ct);
        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(key, new FailingStream(), Ct));
        Assert.Equal([1, 2, 3], await ReadAllAsync(store, key));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(store.PathFor(key))!));
    }

    [Fact]
    public async Task Deleting_removes_emptied_folders_but_not_the_root()
    {
        var key = StorageKeys.Input(User, "deep/er/a.csv");
        await store.WriteAsync(key, new MemoryStream([1]), Ct);
        await store.DeleteAsync(key, Ct);
        Assert.False(Directory.Exists(Path.Join(store.Root, User.ToString("D"))));
        Assert.True(Directory.Exists(store.Root));
        await store.WriteAsync(key, new MemoryStream([1]), Ct);
        await store.DeletePrefixAsync(StorageKeys.UserPrefix(User), Ct);
        Assert.Empty(Directory.GetFileSystemEntries(store.Root));
    }

    [Fact]
    public void Signed_urls_point_at_the_api_with_an_encoded_key()
    {
        var key = StorageKeys.Input(User, "été 1/a+b.csv");
        var expires = DateTimeOffset.FromUnixTimeSeconds(1_767_607_200);
        var url = store.CreateSignedUrl(key, SignedUrlMethod.Put, expires, new Uri("https://avatar.example.com/prefix/"));
        Assert.StartsWith($"https://avatar.example.com/prefix/api/storage/{User:D}/input/%C3%A9t%C3%A9%201/a%2Bb.csv?expires=1767607200&signature=", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain("=", url.AbsoluteUri[(url.AbsoluteUri.IndexOf("signature=", StringComparison.Ordinal) + 10)..], StringComparison.Ordinal);
    }

    private sealed class FailingStream : Stream
    {
        private int reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            reads++ < 2 ? Math.Min(count, 1000) : throw new IOException("connection reset");

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
