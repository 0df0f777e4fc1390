namespace Avatars.Engine.TimeSeries;

/// <summary>Options of <see cref="TimeSeriesEncoding.Decode"/>.</summary>
public sealed record TimeSeriesDecodeOptions
{
    /// <summary>
    /// Clamp each avatar's length, start and end to the ranges of the original series table (default true; see
    /// <see cref="TimeSeriesEncoding.Decode"/>). Off only for diagnostics: lengths are then rounded (at least 1),
    /// negative durations count as 0, and spans may leave the original time range.
    /// </summary>
    public bool ClampToOriginalRanges { get; init; } = true;

    /// <summary>
    /// Rescale the avatars' score columns to the originals' mean and standard deviation before rebuilding the curves
    /// (<see cref="TimeSeriesEncoding.RestoreScoreSpread"/>; default false). The avatarization's barycentres of k
    /// neighbours narrow every score distribution; this opt-in calibration undoes that narrowing with two aggregate
    /// statistics per score column. Project design, not vendor behaviour; see docs/time-series.md for its effect.
    /// </summary>
    public bool RestoreScoreSpread { get; init; }

    /// <summary>The name of the returned table (default: the original series table's name).</summary>
    public string? TableName { get; init; }
}
