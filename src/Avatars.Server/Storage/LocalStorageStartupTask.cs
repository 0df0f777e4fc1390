using Avatars.Server.Hosting;

namespace Avatars.Server.Storage;

/// <summary>Creates the root folder of the local backend before the server listens (order 100).</summary>
internal sealed class LocalStorageStartupTask(LocalObjectStore store) : IStartupTask
{
    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public Task RunAsync(CancellationToken cancellationToken)
    {
        store.EnsureRoot();
        return Task.CompletedTask;
    }
}
