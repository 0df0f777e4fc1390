using Avatars.Server.Tests.Infrastructure;
using System.Collections.Concurrent;
using System.Text;
using Avatars.Server.Jobs;
using Avatars.Server.Persistence.Entities;
using Avatars.Server.Storage;

namespace Avatars.Server.Tests.Jobs.Runners;

/// <summary>An <see cref="IResultWriter"/> that keeps the files in order and stores them in the object store under the job's results folder.</summary>
internal sealed class InMemoryResultWriter(InMemoryObjectStore store, Guid userId, Guid jobName) : IResultWriter
{
    private readonly ConcurrentQueue<ResultFileEntity> files = new();

    public IReadOnlyList<ResultFileEntity> Files => [.. files];

    public async Task WriteAsync(string resultKey, string? tableName, int tableOrder, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Assert.DoesNotContain(files, f => f.FileName == fileName);
        using var buffer = new MemoryStream();
        await write(buffer, cancellationToken);
        var key = StorageKeys.Result(userId, jobName, fileName);
        store.Put(key, buffer.ToArray());
        files.Enqueue(new ResultFileEntity
        {
            JobName = jobName,
            UserId = userId,
            ResultKey = resultKey,
            TableName = tableName,
            TableOrder = tableOrder,
            FileName = fileName,
            StorageKey = key,
            Size = buffer.Length,
        });
    }

    public byte[] Bytes(string fileName) => store.Get(Files.Single(f => f.FileName == fileName).StorageKey);

    public string Text(string fileName) => Encoding.UTF8.GetString(Bytes(fileName));
}
