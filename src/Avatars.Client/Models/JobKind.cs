namespace Avatars.Client.Models;

/// <summary>The kind of a job (wire values in <see cref="JobKindWire"/>), following the parameters document it runs.</summary>
public enum JobKind
{
    /// <summary><c>standard</c>: avatarization (<c>AvatarParameters</c>).</summary>
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
