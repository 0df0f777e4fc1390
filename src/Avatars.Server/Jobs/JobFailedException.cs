namespace Avatars.Server.Jobs;

/// <summary>The job cannot complete for a reason the user can fix; the message becomes the job's <c>exception</c>.</summary>
public sealed class JobFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JobFailedException()
        : base("the job failed")
    {
    }

    /// <summary>Creates the exception with a user-readable message.</summary>
    public JobFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a user-readable message and the cause.</summary>
    public JobFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
