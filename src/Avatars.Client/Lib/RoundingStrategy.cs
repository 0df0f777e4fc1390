namespace Avatars.Client.Lib;

/// <summary>How <see cref="SafeRound"/> chooses the values it adjusts to keep the rounded sum.</summary>
public enum RoundingStrategy
{
    /// <summary>Adjust the values whose rounding moved them most (wire value <c>difference</c>); the default.</summary>
    Difference,

    /// <summary>Adjust the largest values first (<c>largest</c>).</summary>
    Largest,

    /// <summary>Adjust the smallest values first (<c>smallest</c>).</summary>
    Smallest,
}
