namespace Avatars.Server.Jobs;

/// <summary>Job states (api.md §18.4).</summary>
public enum JobStatus
{
    /// <summary>Waiting for its parents or a worker.</summary>
    Pending,

    /// <summary>A worker runs it.</summary>
    Running,

    /// <summary>Ended successfully; results available.</summary>
    Finished,

    /// <summary>Ended with an error (<c>exception</c> says why).</summary>
    Error,

    /// <summary>A parent ended in error, parent_error or cancelled.</summary>
    ParentError,

    /// <summary>Cancelled by its owner or an admin.</summary>
    Cancelled,
}
