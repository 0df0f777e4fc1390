namespace Avatars.Engine.Privacy;

/// <summary>
/// The privacy accounting of a table-level run: ε = ε_b + ε₁ + ε₂ by sequential composition, with ε_b the bounds
/// stage (split equally over <see cref="EstimatedColumnCount"/> columns; 0 when every numeric column has declared
/// bounds) and <see cref="Stages"/> the projection and aggregation stages run on the remaining ε − ε_b.
/// </summary>
/// <param name="Epsilon">The total budget ε.</param>
/// <param name="BoundsEpsilon">ε_b, spent on the private bounds (0 when no column needed them).</param>
/// <param name="EstimatedColumnCount">The number of numeric columns whose bounds were estimated.</param>
/// <param name="Stages">The accounting of stages 1 and 2, whose <see cref="DifferentialPrivacyAccounting.Epsilon"/> is ε − ε_b.</param>
public readonly record struct DifferentialPrivacyTableAccounting(
    double Epsilon,
    double BoundsEpsilon,
    int EstimatedColumnCount,
    DifferentialPrivacyAccounting Stages)
{
    /// <summary>ε_b / k: the budget of each column whose bounds were estimated (half per quantile); 0 when none was.</summary>
    public double BoundsEpsilonPerColumn => EstimatedColumnCount == 0 ? 0 : BoundsEpsilon / EstimatedColumnCount;

    /// <summary>ε₁, spent on the noisy moments behind the projection.</summary>
    public double ProjectionEpsilon => Stages.ProjectionEpsilon;

    /// <summary>ε₂, spent on the noisy cell counts and sums.</summary>
    public double AggregationEpsilon => Stages.AggregationEpsilon;
}
