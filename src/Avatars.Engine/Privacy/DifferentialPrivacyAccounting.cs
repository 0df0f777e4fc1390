namespace Avatars.Engine.Privacy;

/// <summary>
/// The privacy accounting of one run: ε₁ + ε₂ = ε (sequential composition), and for each stage the L1 sensitivity
/// under the replace-one-row relation and the Laplace scale b = Δ/εᵢ.
/// </summary>
/// <param name="Epsilon">The total budget ε.</param>
/// <param name="ProjectionEpsilon">ε₁ = ratio · ε, spent on the noisy moments behind the projection.</param>
/// <param name="AggregationEpsilon">ε₂ = (1 − ratio) · ε, spent on the noisy cell counts and sums.</param>
/// <param name="ProjectionSensitivity">Δ₁ = m² + 3m, with m = numeric columns + categorical columns.</param>
/// <param name="AggregationSensitivity">Δ₂ = 2(m + 1).</param>
public readonly record struct DifferentialPrivacyAccounting(
    double Epsilon,
    double ProjectionEpsilon,
    double AggregationEpsilon,
    double ProjectionSensitivity,
    double AggregationSensitivity)
{
    /// <summary>The Laplace scale of the projection stage, Δ₁ / ε₁.</summary>
    public double ProjectionNoiseScale => ProjectionSensitivity / ProjectionEpsilon;

    /// <summary>The Laplace scale of the aggregation stage, Δ₂ / ε₂.</summary>
    public double AggregationNoiseScale => AggregationSensitivity / AggregationEpsilon;
}
