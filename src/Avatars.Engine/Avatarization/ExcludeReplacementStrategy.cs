namespace Avatars.Engine.Avatarization;

/// <summary>How excluded variables are put back on the avatars (<c>exclude_replacement_strategy</c>).</summary>
public enum ExcludeReplacementStrategy
{
    /// <summary>
    /// Avatar i gets original row i's value. <b>Sensitive</b>: the excluded values stay linked to the
    /// avatar of their own individual.
    /// </summary>
    RowOrder,

    /// <summary>
    /// Avatar i gets the value of the original individual closest to avatar i in the projected space
    /// (project design, not vendor parity).
    /// </summary>
    CoordinateSimilarity,
}
