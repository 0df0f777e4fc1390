using System.Text.Json.Serialization;
using Avatars.Server.Persistence.Entities;

namespace Avatars.Server.Jobs;

/// <summary>A job as answered by the jobs endpoints (api.md §18.4); nulls are written, never omitted.</summary>
internal sealed record JobResponse
{
    /// <summary>Job name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Resource set version.</summary>
    [JsonPropertyName("set_name")]
    public required string SetName { get; init; }

    /// <summary>Display name of the set.</summary>
    [JsonPropertyName("display_name")]
    public required string DisplayName { get; init; }

    /// <summary>Parameters document.</summary>
    [JsonPropertyName("parameters_name")]
    public required string ParametersName { get; init; }

    /// <summary>Wire kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Wire status.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>True once the job left pending and running.</summary>
    [JsonPropertyName("done")]
    public required bool Done { get; init; }

    /// <summary>Null while pending, then 0–1.</summary>
    [JsonPropertyName("progress")]
    public required double? Progress { get; init; }

    /// <summary>User-readable error; empty without error.</summary>
    [JsonPropertyName("exception")]
    public required string Exception { get; init; }

    /// <summary>Parent names in request order.</summary>
    [JsonPropertyName("depends_on")]
    public required IReadOnlyList<string> DependsOn { get; init; }

    /// <summary>Owner.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>Creation time (UTC).</summary>
    [JsonPropertyName("created_at")]
    public required DateTime CreatedAt { get; init; }

    /// <summary>Start of the current or last run.</summary>
    [JsonPropertyName("started_at")]
    public required DateTime? StartedAt { get; init; }

    /// <summary>End time.</summary>
    [JsonPropertyName("finished_at")]
    public required DateTime? FinishedAt { get; init; }

    /// <summary>Builds the response of a job whose <see cref="JobEntity.DependsOn"/> is loaded.</summary>
    public static JobResponse From(JobEntity job)
    {
        var status = JobWireNames.ParseStatus(job.Status) ?? JobStatus.Error;
        return new JobResponse
        {
            Name = job.Name.ToString("D"),
            SetName = job.SetName.ToString("D"),
            DisplayName = job.DisplayName,
            ParametersName = job.ParametersName,
            Kind = job.Kind,
            Status = job.Status,
            Done = status.IsDone(),
            Progress = status == JobStatus.Pending ? null : job.Progress,
            Exception = job.Exception ?? string.Empty,
            DependsOn = [.. job.DependsOn.OrderBy(d => d.Position).Select(d => d.ParentName.ToString("D"))],
            UserId = job.UserId.ToString("D"),
            CreatedAt = DateTime.SpecifyKind(job.CreatedAt, DateTimeKind.Utc),
            StartedAt = job.StartedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null,
            FinishedAt = job.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
        };
    }
}
