namespace Avatars.Server.Jobs.Runners;

/// <summary>The result keys of api.md §19.1.</summary>
internal static class ResultKeys
{
    public const string Shuffled = "shuffled";
    public const string Unshuffled = "unshuffled";
    public const string OriginalProjections = "original_projections";
    public const string AvatarProjections = "avatar_projections";
    public const string Figures = "figures";
    public const string FiguresMetadata = "figures_metadata";
    public const string PrivacyMetrics = "privacy_metrics";
    public const string SignalMetrics = "signal_metrics";
    public const string Report = "report";
    public const string Advice = "advice";
    public const string RunMetadata = "run_metadata";
}
