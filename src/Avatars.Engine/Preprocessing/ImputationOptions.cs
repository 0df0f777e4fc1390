namespace Avatars.Engine.Preprocessing;

/// <summary>Settings of the missing-value imputation.</summary>
public sealed record ImputationOptions
{
    /// <summary>The imputation method (default <see cref="ImputationMethod.FastKnn"/>).</summary>
    public ImputationMethod Method { get; init; } = ImputationMethod.FastKnn;

    /// <summary>Neighbours averaged by the KNN methods (<c>imputation_k</c>, default 5).</summary>
    public int K { get; init; } = 5;

    /// <summary>Share of the complete rows used to fit the imputer (<c>imputation_training_fraction</c>, in (0, 1], default 1).</summary>
    public double TrainingFraction { get; init; } = 1.0;

    /// <summary>Upper bound on the reference rows of <see cref="ImputationMethod.FastKnn"/> (default 2 000).</summary>
    public int FastKnnSampleSize { get; init; } = 2_000;
}
