namespace Avatars.Server.Hosting;

/// <summary>Work done once before the server listens (migrations, bootstrap admin, storage root), in <see cref="Order"/>.</summary>
public interface IStartupTask
{
    /// <summary>Lower runs first: 0 database, 100 storage, 200 users, 300 jobs recovery.</summary>
    int Order { get; }

    /// <summary>Runs the task; an exception stops start-up.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
