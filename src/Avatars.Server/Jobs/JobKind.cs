namespace Avatars.Server.Jobs;

/// <summary>What a job computes; follows the kind of its parameters document (api.md §17.3).</summary>
public enum JobKind
{
    /// <summary><c>standard</c>: avatarization (AvatarParameters).</summary>
    Standard,

    /// <summary><c>privacy_metrics</c>.</summary>
    PrivacyMetrics,

    /// <summary><c>signal_metrics</c>.</summary>
    SignalMetrics,

    /// <summary><c>report</c>.</summary>
    Report,

    /// <summary><c>advice</c>.</summary>
    Advice,
}
