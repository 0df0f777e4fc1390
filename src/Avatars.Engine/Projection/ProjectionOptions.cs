namespace Avatars.Engine.Projection;

/// <summary>Options of <see cref="ProjectionModel.Fit"/> (saiph <c>nf</c> and <c>col_weights</c>).</summary>
public sealed record ProjectionOptions
{
    /// <summary>
    /// The number of components kept (saiph <c>nf</c>). Null keeps all of them: min(rows, projected columns),
    /// the projected columns being the continuous columns plus one dummy per modality. Must be between 1 and
    /// that maximum.
    /// </summary>
    public int? ComponentCount { get; init; }

    /// <summary>
    /// Weight per column name (saiph <c>col_weights</c>); columns not listed weigh 1. Every weight must be finite
    /// and positive; a categorical column's weight applies to each of its dummies.
    /// </summary>
    public IReadOnlyDictionary<string, double>? ColumnWeights { get; init; }
}
