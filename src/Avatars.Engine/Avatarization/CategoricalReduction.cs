using Avatars.Data;
using Avatars.Engine.Projection;

namespace Avatars.Engine.Avatarization;

/// <summary>
/// <c>use_categorical_reduction</c> — project design, not vendor parity (the vendor documents only
/// "categorical variables are embedded into 20 continuous dimensions").
/// </summary>
/// <remarks>
/// Every categorical column of m levels adds m − 1 dimensions to FAMD, so a table with many
/// modalities spreads its inertia over many axes and the first <c>ncp</c> axes used by the neighbour
/// search see little of the rest. The reduction fits an MCA on the categorical columns alone and
/// replaces them, for the neighbour search only, by their first <c>d</c> MCA coordinates (d = 20 by
/// default, fewer when the MCA has fewer dimensions). Avatars are still synthesized in data space
/// from the original categorical values (weighted mode), so no category is ever invented.
/// </remarks>
internal sealed class CategoricalReduction
{
    /// <summary>Name prefix of the embedding columns.</summary>
    public const string ColumnPrefix = "__categorical_dim_";

    private readonly string[] categorical;
    private readonly ProjectionModel? model;
    private readonly int dimensions;

    private CategoricalReduction(string[] categorical, ProjectionModel? model, int dimensions, Dictionary<string, double> weights)
    {
        this.categorical = categorical;
        this.model = model;
        this.dimensions = dimensions;
        Weights = weights;
    }

    /// <summary>The column weights to project the reduced table with.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Fits the embedding on an imputed working table.</summary>
    public static CategoricalReduction Fit(Table imputed, IReadOnlyDictionary<string, double>? weights, int dimensions, CancellationToken cancellationToken)
    {
        var categorical = imputed.Columns.Where(c => c is CategoryColumn).Select(c => c.Name).ToArray();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var column in imputed.Columns.Where(c => c is not CategoryColumn))
        {
            if (weights is not null && weights.TryGetValue(column.Name, out var w))
            {
                result[column.Name] = w;
            }
        }

        if (categorical.Length == 0)
        {
            return new CategoricalReduction(categorical, null, 0, result);
        }

        var categories = imputed.Select(categorical);
        var categoryWeights = weights?.Where(w => categorical.Contains(w.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal);
        var model = ProjectionModel.Fit(categories, new ProjectionOptions { ColumnWeights = categoryWeights }, cancellationToken);
        var d = Math.Min(dimensions, model.ComponentCount);

        // The projection standardises every continuous column, so the importance of the embedding
        // axes is given through weights (inertia scales with the squared weight). Each axis carries
        // the share of the categorical inertia it explains: the block keeps what the categorical
        // columns have in common, and the dimensions of pure noise (each level of a column unrelated
        // to the rest) that made up most of their weight in FAMD are left out.
        var ratios = model.ExplainedVarianceRatio;
        var budget = categorical.Sum(c => Math.Pow(categoryWeights?.GetValueOrDefault(c, 1.0) ?? 1.0, 2));
        for (var j = 0; j < d; j++)
        {
            result[ColumnPrefix + (j + 1)] = Math.Max(1e-6, Math.Sqrt(budget * ratios[j]));
        }

        return new CategoricalReduction(categorical, model, d, result);
    }

    /// <summary>The table to project: non-categorical columns as they are, then the embedding columns.</summary>
    public Table Transform(Table imputed)
    {
        if (model is null)
        {
            return imputed;
        }

        var coordinates = model.Transform(imputed.Select(categorical), dimensions);
        var n = imputed.RowCount;
        var columns = imputed.Columns.Where(c => c is not CategoryColumn).ToList();
        for (var j = 0; j < dimensions; j++)
        {
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = coordinates[i, j];
            }

            columns.Add(new FloatColumn(ColumnPrefix + (j + 1), values));
        }

        return new Table(columns, imputed.Name);
    }
}
