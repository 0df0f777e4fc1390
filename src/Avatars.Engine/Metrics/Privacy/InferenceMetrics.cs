using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Neighbors;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Projection;
using Avatars.Engine.Randomness;

namespace Avatars.Engine.Metrics.Privacy;

/// <summary>
/// Inference metrics (method.md §6.9, VERIFIED-CODE paper era, commit <c>614cb6d</c>): an attacker who knows the
/// variables <c>V</c> (<c>known_variables</c>) of every individual predicts a sensitive <c>target</c> from the avatars.
/// A projection is fitted on the <b>avatars'</b> <c>V</c> columns with <c>ncp = min(5, |V|)</c> components, the
/// originals' <c>V</c> are projected into it, and each original takes the target of its nearest avatar (1-NN, lowest
/// index on ties; KD-tree, O(n log n)). Missing values of <c>V</c> are filled with an imputer fitted on the originals.
/// The mapping to the product's fields is unknown — <b>project design, not vendor parity:</b>
/// <c>inference_continuous = SMAPE = mean_i 200·|ŷ_i − y_i| / (|y_i| + |ŷ_i|)</c> (0 when both are 0; rows with a
/// missing value skipped) and <c>inference_categorical = 100 · (1 − accuracy)</c> (missing equal to missing).
/// Higher is better for both. No target in the report.
/// </summary>
public static class InferenceMetrics
{
    /// <summary>The largest number of components of the attacker's projection.</summary>
    public const int MaxComponents = 5;

    /// <summary>Runs the attack.</summary>
    /// <param name="original">The original table.</param>
    /// <param name="avatars">The avatars (row order does not matter).</param>
    /// <param name="knownVariables">The variables the attacker knows (at least one).</param>
    /// <param name="target">The predicted variable (not among <paramref name="knownVariables"/>).</param>
    /// <param name="imputation">How missing known values are filled (default: the avatarization default).</param>
    /// <param name="seed">Seed of the KNN imputers' sampling (0: random).</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <exception cref="AvatarizationException">A parameter is invalid or a column is missing.</exception>
    public static InferenceResult Compute(
        Table original,
        Table avatars,
        IReadOnlyList<string> knownVariables,
        string target,
        ImputationOptions? imputation = null,
        ulong seed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(avatars);
        ArgumentNullException.ThrowIfNull(knownVariables);
        ArgumentNullException.ThrowIfNull(target);
        if (knownVariables.Count == 0)
        {
            throw new AvatarizationException(
                $"known_variables is empty for table '{original.Name}': the inference metrics need at least one variable the attacker knows.", original.Name, parameter: "known_variables");
        }

        if (knownVariables.Contains(target, StringComparer.Ordinal))
        {
            throw new AvatarizationException(
                $"The inference target '{target}' of table '{original.Name}' is also a known variable: choose a target outside known_variables.", original.Name, target, "target");
        }

        CellKeys.Require(original, [.. knownVariables, target], "original table");
        CellKeys.Require(avatars, [.. knownVariables, target], "avatars");
        if (avatars.RowCount == 0 || original.RowCount == 0)
        {
            throw new AvatarizationException($"The inference metrics need rows in both '{original.Name}' and '{avatars.Name}'.", original.Name);
        }

        var (encoding, workingOriginal) = TableEncoding.Encode(original.Select(knownVariables));
        var workingAvatars = encoding.Apply(avatars.Select(knownVariables));
        var imputer = MissingValueImputer.Fit(workingOriginal, imputation ?? new ImputationOptions(), seed == 0 ? RowRandom.NewSeed() : seed);
        var imputedOriginal = imputer.Apply(workingOriginal, cancellationToken);
        var imputedAvatars = imputer.Apply(workingAvatars, cancellationToken);
        var model = ProjectionModel.Fit(imputedAvatars, new ProjectionOptions(), cancellationToken);
        var ncp = Math.Min(Math.Min(MaxComponents, knownVariables.Count), model.ComponentCount);
        var avatarCoordinates = model.Transform(imputedAvatars, ncp, cancellationToken);
        var originalCoordinates = model.Transform(imputedOriginal, ncp, cancellationToken);
        var nearest = NeighborSearch.NearestIn(new KdTree(avatarCoordinates.Data, avatarCoordinates.Rows, ncp), originalCoordinates.Data, cancellationToken: cancellationToken);

        var keys = CellKeys.Build(original, avatars, [target]);
        var truth = keys.Originals[0];
        var predicted = keys.Avatars[0];
        var n = original.RowCount;
        if (!keys.IsNumeric[0])
        {
            var correct = 0;
            for (var i = 0; i < n; i++)
            {
                if (truth[i] == predicted[nearest.Indices[i]])
                {
                    correct++;
                }
            }

            var accuracy = (double)correct / n;
            return new InferenceResult(target, false, 100 * (1 - accuracy), accuracy, null, null, ncp);
        }

        double smape = 0, squared = 0, sum = 0, sumSquares = 0;
        var used = 0;
        for (var i = 0; i < n; i++)
        {
            var y = Value(truth[i]);
            var yHat = Value(predicted[nearest.Indices[i]]);
            if (double.IsNaN(y) || double.IsNaN(yHat))
            {
                continue;
            }

            var denominator = Math.Abs(y) + Math.Abs(yHat);
            smape += denominator == 0 ? 0 : 200 * Math.Abs(yHat - y) / denominator;
            squared += (yHat - y) * (yHat - y);
            sum += y;
            sumSquares += y * y;
            used++;
        }

        if (used == 0)
        {
            return new InferenceResult(target, true, double.NaN, null, double.NaN, double.NaN, ncp);
        }

        var mse = squared / used;
        var totalVariance = sumSquares - (sum * sum / used);
        var rSquared = totalVariance > 0 ? 1 - (squared / totalVariance) : double.NaN;
        return new InferenceResult(target, true, smape / used, null, mse, rSquared, ncp);
    }

    private static double Value(long key) => key == long.MinValue ? double.NaN : BitConverter.Int64BitsToDouble(key);
}

/// <summary>The outcome of the inference attack.</summary>
/// <param name="Target">The predicted variable.</param>
/// <param name="IsContinuous">True for a numeric target (<c>inference_continuous</c>), false for a categorical one.</param>
/// <param name="Value">SMAPE in percent (continuous) or 100 · (1 − accuracy) (categorical); higher protects better.</param>
/// <param name="Accuracy">Share of correct predictions (categorical target).</param>
/// <param name="MeanSquaredError">Mean squared error (continuous target; the paper code calls it "RMSE").</param>
/// <param name="RSquared">Coefficient of determination (continuous target).</param>
/// <param name="Ncp">Components of the attacker's projection.</param>
public sealed record InferenceResult(string Target, bool IsContinuous, double Value, double? Accuracy, double? MeanSquaredError, double? RSquared, int Ncp);
