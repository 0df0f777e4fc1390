namespace Avatars.Cli.Commands;

/// <summary>How much the CLI evaluates after an avatarization.</summary>
internal enum EvaluationLevel
{
    /// <summary>Hidden rate and local cloaking only (fast).</summary>
    HiddenRateAndLocalCloaking,

    /// <summary>Every privacy and signal metric, written as JSON.</summary>
    Metrics,

    /// <summary>Metrics, figures and the HTML/PDF report.</summary>
    Report,
}
