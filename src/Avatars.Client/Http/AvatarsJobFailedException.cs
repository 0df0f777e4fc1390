using System.Net;
using Avatars.Client.Models;

namespace Avatars.Client.Http;

/// <summary>A polled job ended in <c>error</c>, <c>parent_error</c> or <c>cancelled</c> (Python <c>ValueError("Job … failed with exception: …")</c>).</summary>
public sealed class AvatarsJobFailedException : AvatarsApiException
{
    /// <summary>Creates the exception; the message is <c>Job {kind} failed with exception: {exception}</c> (<c>internal error</c> when empty).</summary>
    /// <param name="jobKind">Kind of the job.</param>
    /// <param name="jobName">Name of the job.</param>
    /// <param name="status">Final status.</param>
    /// <param name="serverException">The job's <c>exception</c> text (may be empty).</param>
    public AvatarsJobFailedException(JobKind jobKind, string jobName, JobStatus status, string serverException)
        : base(
            string.IsNullOrEmpty(serverException) ? "internal error" : $"Job {jobKind.ToWireValue()} failed with exception: {serverException}",
            HttpStatusCode.OK,
            "GET",
            "/jobs/" + jobName,
            serverException,
            status.Value)
    {
        JobKind = jobKind;
        JobName = jobName;
        Status = status;
        ServerException = serverException;
    }

    /// <summary>Kind of the job.</summary>
    public JobKind JobKind { get; }

    /// <summary>Name of the job.</summary>
    public string JobName { get; }

    /// <summary>Final status.</summary>
    public JobStatus Status { get; }

    /// <summary>The job's <c>exception</c> text.</summary>
    public string ServerException { get; }
}
