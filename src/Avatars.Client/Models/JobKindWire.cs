namespace Avatars.Client.Models;

/// <summary>Wire values of <see cref="JobKind"/> and the execution order of the Python client.</summary>
public static class JobKindWire
{
    /// <summary>Python <c>JOB_EXECUTION_ORDER</c>: standard, signal_metrics, privacy_metrics, report.</summary>
    public static IReadOnlyList<JobKind> ExecutionOrder { get; } = [JobKind.Standard, JobKind.SignalMetrics, JobKind.PrivacyMetrics, JobKind.Report];

    /// <summary>The wire value (<c>standard</c>, <c>privacy_metrics</c>, …).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lowercase wire string.</returns>
    public static string ToWireValue(this JobKind kind) => kind switch
    {
        JobKind.Standard => "standard",
        JobKind.PrivacyMetrics => "privacy_metrics",
        JobKind.SignalMetrics => "signal_metrics",
        JobKind.Report => "report",
        JobKind.Advice => "advice",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown job kind."),
    };

    /// <summary>Parses a wire value.</summary>
    /// <param name="value">The wire string.</param>
    /// <param name="kind">The kind when known.</param>
    /// <returns>True when <paramref name="value"/> is a known kind.</returns>
    public static bool TryParse(string? value, out JobKind kind)
    {
        foreach (var candidate in Enum.GetValues<JobKind>())
        {
            if (string.Equals(candidate.ToWireValue(), value, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Parses a wire value.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentException">Unknown value.</exception>
    public static JobKind Parse(string value) =>
        TryParse(value, out var kind) ? kind : throw new ArgumentException($"Unknown job kind '{value}'.", nameof(value));
}
