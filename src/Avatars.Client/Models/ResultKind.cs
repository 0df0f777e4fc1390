namespace Avatars.Client.Models;

/// <summary>Result keys of <c>GET /api/results/{job_name}</c> (Python <c>Results</c>; wire values in <see cref="ResultKindWire"/>).</summary>
public enum ResultKind
{
    /// <summary><c>advice</c>.</summary>
    Advice,

    /// <summary><c>shuffled</c>.</summary>
    Shuffled,

    /// <summary><c>unshuffled</c>.</summary>
    Unshuffled,

    /// <summary><c>privacy_metrics</c>.</summary>
    PrivacyMetrics,

    /// <summary><c>signal_metrics</c>.</summary>
    SignalMetrics,

    /// <summary><c>report_images</c>.</summary>
    ReportImages,

    /// <summary><c>original_projections</c>.</summary>
    ProjectionsOriginal,

    /// <summary><c>avatar_projections</c>.</summary>
    ProjectionsAvatars,

    /// <summary><c>run_metadata</c>.</summary>
    Metadata,

    /// <summary><c>report</c>.</summary>
    Report,

    /// <summary><c>meta_privacy_metric</c>.</summary>
    MetaPrivacyMetric,

    /// <summary><c>meta_signal_metric</c>.</summary>
    MetaSignalMetric,

    /// <summary><c>figures</c>.</summary>
    Figures,

    /// <summary><c>figures_metadata</c>.</summary>
    FiguresMetadata,
}
