using Avatars.Engine.Preprocessing;

namespace Avatars.Engine.Advice;

/// <summary>The parameters advised for one table and the reasoning (project design, see docs/advice.md).</summary>
/// <param name="TableName">The table.</param>
/// <param name="K">The advised number of neighbours.</param>
/// <param name="Ncp">The advised number of projected dimensions.</param>
/// <param name="UseCategoricalReduction">Whether to embed the categorical variables before the projection.</param>
/// <param name="Imputation">The imputation to use (the one the trials ran with).</param>
/// <param name="HasMissingValues">Whether the table has missing values to impute.</param>
/// <param name="MeetsTargets">True when the advised k met the thresholds on the sample; false when no candidate did (k is then the best tried).</param>
/// <param name="SampleRows">Rows the trials ran on.</param>
/// <param name="Trials">Every candidate tried, in order.</param>
/// <param name="Summary">The reasoning in words.</param>
public sealed record ParameterAdvice(
    string TableName,
    int K,
    int Ncp,
    bool UseCategoricalReduction,
    ImputationOptions Imputation,
    bool HasMissingValues,
    bool MeetsTargets,
    int SampleRows,
    IReadOnlyList<AdviceTrial> Trials,
    string Summary);
