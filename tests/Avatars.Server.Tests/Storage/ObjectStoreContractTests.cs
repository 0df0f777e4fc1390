using Avatars.Server.Storage;
using static Avatars.Server.Tests.Storage.StorageTestSupport;

namespace Avatars.Server.Tests.Storage;

/// <summary>What every <see cref="IObjectStore"/> backend must do; run by <see cref="LocalObjectStoreTests"/> and <see cref="S3ObjectStoreTests"/>.</summary>
public abstract class ObjectStoreContractTests
{
    /// <summary>A user of these tests (keys live under its prefix).</summary>
    protected Guid User { get; } = Guid.NewGuid();

    /// <summary>The store under test (may skip the test when its backend is not available).</summary>
    protected abstract IObjectStore Store { get; }

    [Fact]
    public async Task Write_then_read_returns_the_same_bytes_and_info()
    {
        var key = StorageKeys.Input(User, "iris.csv");
        var data = RandomBytes(300_000);
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var written = await Store.WriteAsync(key, new MemoryStream(data), Ct);
        Assert.Equal(key, written.Key);
        Assert.Equal(data.Length, written.Size);
        Assert.False(string.IsNullOrEmpty(written.ETag));
        Assert.InRange(written.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(data, await ReadAllAsync(Store, key));
        var info = await Store.GetInfoAsync(key, Ct);
        Assert.NotNull(info);
        Assert.Equal(data.Length, info.Size);
    }

    [Fact]
    public async Task Write_streams_a_non_seekable_body()
    {
        var key = StorageKeys.Input(User, "stream.bin");
        var data = RandomBytes(1_000_003);
        await Store.WriteAsync(key, new NonSeekableStream(data), Ct);
        Assert.Equal(data, await ReadAllAsync(Store, key));
    }

    [Fact]
    public async Task Writing_an_existing_key_replaces_the_object()
    {
        var key = StorageKeys.Input(User, "data/table.csv");
        await Store.WriteAsync(key, new MemoryStream("a,b\n1,2\n3,4\n"u8.ToArray()), Ct);
        await Store.WriteAsync(key, new MemoryStream("x\n"u8.ToArray()), Ct);
        Assert.Equal("x\n"u8.ToArray(), await ReadAllAsync(Store, key));
        Assert.Single(await ListAllAsync(Store, StorageKeys.InputPrefix(User)));
    }

    [Fact]
    public async Task A_missing_object_has_no_info_cannot_be_read_and_deletes_quietly()
    {
        var key = StorageKeys.Input(User, "missing/nothing.csv");
        Assert.Null(await Store.GetInfoAsync(key, Ct));
        await Assert.ThrowsAsync<StorageObjectNotFoundException>(() => Store.OpenReadAsync(key, Ct));
        await Store.DeleteAsync(key, Ct);
        await Store.DeletePrefixAsync(StorageKeys.InputPrefix(User), Ct);
        Assert.Empty(await ListAllAsync(Store, StorageKeys.UserPrefix(User)));
    }

    [Fact]
    public async Task List_returns_the_objects_under_a_prefix_with_size_and_time()
    {
        var job = Guid.NewGuid();
        var other = Guid.NewGuid();
        await Store.WriteAsync(StorageKeys.Input(User, "a.csv"), new MemoryStream(new byte[3]), Ct);
        await Store.WriteAsync(StorageKeys.Input(User, "sub/b.csv"), new MemoryStream(new byte[5]), Ct);
        await Store.WriteAsync(StorageKeys.Result(User, job, "t.shuffled-0.csv"), new MemoryStream(new byte[7]), Ct);
        await Store.WriteAsync(StorageKeys.Input(other, "a.csv"), new MemoryStream(new byte[11]), Ct);
        try
        {
            var inputs = await ListAllAsync(Store, StorageKeys.InputPrefix(User));
            Assert.Equal([StorageKeys.Input(User, "a.csv"), StorageKeys.Input(User, "sub/b.csv")], inputs.Select(i => i.Key));
            Assert.Equal([3L, 5L], inputs.Select(i => i.Size));
            Assert.All(inputs, i => Assert.InRange(i.LastModified, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));
            var everything = await ListAllAsync(Store, StorageKeys.UserPrefix(User));
            Assert.Equal(3, everything.Count);
            var partial = await ListAllAsync(Store, StorageKeys.InputPrefix(User) + "su");
            Assert.Equal([StorageKeys.Input(User, "sub/b.csv")], partial.Select(i => i.Key));
        }
        finally
        {
            await Store.DeletePrefixAsync(StorageKeys.UserPrefix(other), Ct);
        }
    }

    [Fact]
    public async Task Delete_and_delete_prefix_remove_only_what_they_name()
    {
        var job = Guid.NewGuid();
        var keep = StorageKeys.Input(User, "keep.csv");
        var drop = StorageKeys.Input(User, "drop.csv");
        await Store.WriteAsync(keep, new MemoryStream(new byte[1]), Ct);
        await Store.WriteAsync(drop, new MemoryStream(new byte[1]), Ct);
        await Store.WriteAsync(StorageKeys.Result(User, job, "a.json"), new MemoryStream(new byte[1]), Ct);
        await Store.WriteAsync(StorageKeys.Result(User, job, "b.html"), new MemoryStream(new byte[1]), Ct);
        await Store.DeleteAsync(drop, Ct);
        Assert.Null(await Store.GetInfoAsync(drop, Ct));
        await Store.DeletePrefixAsync(StorageKeys.ResultPrefix(User, job), Ct);
        Assert.Equal([keep], (await ListAllAsync(Store, StorageKeys.UserPrefix(User))).Select(i => i.Key));
    }

    [Theory]
    [InlineData("données été/rapport final #1 (v2) + 50%.csv")]
    [InlineData(".hidden/..x/a%2Fb?&=.csv")]
    [InlineData("日本語/テーブル.json")]
    [InlineData("emoji 😀/~tilde~.pdf")]
    public async Task Special_characters_round_trip(string fileName)
    {
        var key = StorageKeys.Input(User, fileName);
        var data = RandomBytes(1000);
        await Store.WriteAsync(key, new MemoryStream(data), Ct);
        Assert.Equal(data, await ReadAllAsync(Store, key));
        Assert.Equal([key], (await ListAllAsync(Store, StorageKeys.InputPrefix(User))).Select(i => i.Key));
        await Store.DeleteAsync(key, Ct);
        Assert.Empty(await ListAllAsync(Store, StorageKeys.InputPrefix(User)));
    }

    [Fact]
    public async Task Health_probe_keys_work()
    {
        var key = "_health/" + Guid.NewGuid().ToString("N");
        await Store.WriteAsync(key, new MemoryStream([1, 2, 3]), Ct);
        Assert.Equal([1, 2, 3], await ReadAllAsync(Store, key));
        await Store.DeleteAsync(key, Ct);
        Assert.Null(await Store.GetInfoAsync(key, Ct));
    }
}
