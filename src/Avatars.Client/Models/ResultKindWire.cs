namespace Avatars.Client.Models;

/// <summary>Wire values and file-name tokens of <see cref="ResultKind"/> (Python <c>Results</c>, <c>mapping_result_to_file_name</c>, <c>RESULTS_TO_STORE</c>).</summary>
public static class ResultKindWire
{
    private static readonly (ResultKind Kind, string Wire, string? FileToken, bool Stored)[] Table =
    [
        (ResultKind.Advice, "advice", "advice.json", false),
        (ResultKind.Shuffled, "shuffled", "shuffled", true),
        (ResultKind.Unshuffled, "unshuffled", "unshuffled", true),
        (ResultKind.PrivacyMetrics, "privacy_metrics", "privacy.json", true),
        (ResultKind.SignalMetrics, "signal_metrics", "signal.json", true),
        (ResultKind.ReportImages, "report_images", null, false),
        (ResultKind.ProjectionsOriginal, "original_projections", "projections.original", true),
        (ResultKind.ProjectionsAvatars, "avatar_projections", "projections.avatars", true),
        (ResultKind.Metadata, "run_metadata", "run_metadata.json", true),
        (ResultKind.Report, "report", "report.md", false),
        (ResultKind.MetaPrivacyMetric, "meta_privacy_metric", null, false),
        (ResultKind.MetaSignalMetric, "meta_signal_metric", null, false),
        (ResultKind.Figures, "figures", null, true),
        (ResultKind.FiguresMetadata, "figures_metadata", null, false),
    ];

    /// <summary>The result key on the wire (e.g. <c>original_projections</c>).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The wire value.</returns>
    public static string ToWireValue(this ResultKind kind) => Find(kind).Wire;

    /// <summary>The file-name token of Python's <c>mapping_result_to_file_name</c>, or null when none.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The token, e.g. <c>privacy.json</c>.</returns>
    public static string? FileNameToken(this ResultKind kind) => Find(kind).FileToken;

    /// <summary>True for the kinds of Python's <c>RESULTS_TO_STORE</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True when the Runner stores this kind.</returns>
    public static bool IsStored(this ResultKind kind) => Find(kind).Stored;

    /// <summary>Parses a result key.</summary>
    /// <param name="value">The wire value.</param>
    /// <param name="kind">The kind when known.</param>
    /// <returns>True when <paramref name="value"/> is a known key.</returns>
    public static bool TryParse(string? value, out ResultKind kind)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Wire, value, StringComparison.Ordinal))
            {
                kind = entry.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static (ResultKind Kind, string Wire, string? FileToken, bool Stored) Find(ResultKind kind)
    {
        foreach (var entry in Table)
        {
            if (entry.Kind == kind)
            {
                return entry;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown result kind.");
    }
}
