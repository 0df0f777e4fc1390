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

    /// <summary>
    /// Add to each rebuilt curve independent Gaussian noise with, at each grid point, the standard deviation of what the
    /// projection left out of the original curves (<see cref="TimeSeriesEncoding.ResidualStd"/>; default false). A
    /// truncated FPCA keeps the smooth part of the curves and drops their point-to-point variation, which narrows every
    /// per-point distribution; the noise gives it back without copying any individual's residual. No effect for
    /// FLATTEN. Project design; see docs/time-series.md.
    /// </summary>
    public bool AddResidualNoise { get; init; }

    /// <summary>
    /// After rebuilding the curves, map the avatars' values at each grid point to the original curves' mean and standard
    /// deviation at that point (default false): the per-point distributions the pointwise Hellinger metric compares get
    /// the original location and spread back (two aggregate statistics per grid point). Project design; see
    /// docs/time-series.md.
    /// </summary>
    public bool RestorePointSpread { get; init; }

    /// <summary>The seed of the residual noise (<see cref="AddResidualNoise"/>).</summary>
    public ulong NoiseSeed { get; init; }

    /// <summary>The name of the returned table (default: the original series table's name).</summary>
    public string? TableName { get; init; }
}
