using Avatars.Config;

namespace Avatars.Server.Jobs;

/// <summary>Lowercase wire names of <see cref="JobKind"/> and <see cref="JobStatus"/>, and the kind of each parameters document.</summary>
public static class JobWireNames
{
    /// <summary>E.g. <c>privacy_metrics</c>.</summary>
    public static string ToWire(this JobKind kind) => kind switch
    {
        JobKind.Standard => "standard",
        JobKind.PrivacyMetrics => "privacy_metrics",
        JobKind.SignalMetrics => "signal_metrics",
        JobKind.Report => "report",
        JobKind.Advice => "advice",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>E.g. <c>parent_error</c>.</summary>
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Pending => "pending",
        JobStatus.Running => "running",
        JobStatus.Finished => "finished",
        JobStatus.Error => "error",
        JobStatus.ParentError => "parent_error",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses a wire kind; null when unknown.</summary>
    public static JobKind? ParseKind(string value) =>
        Enum.GetValues<JobKind>().Select(k => (JobKind?)k).FirstOrDefault(k => k!.Value.ToWire() == value);

    /// <summary>Parses a wire status; null when unknown.</summary>
    public static JobStatus? ParseStatus(string value) =>
        Enum.GetValues<JobStatus>().Select(s => (JobStatus?)s).FirstOrDefault(s => s!.Value.ToWire() == value);

    /// <summary>True for the states a job never leaves.</summary>
    public static bool IsDone(this JobStatus status) => status is not (JobStatus.Pending or JobStatus.Running);

    /// <summary>The job kind a parameters document runs; null for documents that are not parameters.</summary>
    public static JobKind? KindOf(ResourceDocument document) => document.Kind switch
    {
        ModelKind.AvatarParameters => JobKind.Standard,
        ModelKind.AvatarPrivacyMetricsParameters => JobKind.PrivacyMetrics,
        ModelKind.AvatarSignalMetricsParameters => JobKind.SignalMetrics,
        ModelKind.AvatarReportParameters => JobKind.Report,
        ModelKind.AvatarAdviceParameters => JobKind.Advice,
        _ => null,
    };
}
