using System.Globalization;
using Avatars.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Avatars.Engine.Projection;

/// <summary>saiph's <c>inverse_transform</c> (method.md §3.6) with <c>use_max_modalities = true</c>.</summary>
internal static class InverseTransformer
{
    public static Table Run(ProjectionLayout layout, double[] components, int componentCount, Coordinates coordinates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        var k = coordinates.Columns;
        if (k < 1 || k > componentCount)
        {
            throw new ProjectionException(
                $"The coordinates have {k} components; the model can invert between 1 and {componentCount}.",
                nameof(coordinates));
        }

        var data = coordinates.Data;
        for (var i = 0; i < data.Length; i++)
        {
            if (!double.IsFinite(data[i]))
            {
                throw new ProjectionException($"Coordinate ({i / k}, {i % k}) is not a finite number.", nameof(coordinates));
            }
        }

        var back = BackMap(layout, components, k);
        var n = coordinates.Rows;
        var (pc, q, width) = (layout.ContinuousCount, layout.CategoricalCount, layout.Width);
        var continuous = new double[pc][];
        for (var j = 0; j < pc; j++)
        {
            continuous[j] = new double[n];
        }

        var modalities = new int[q][];
        for (var u = 0; u < q; u++)
        {
            modalities[u] = new int[n];
        }

        RowBlocks.ForEach(
            n,
            () => new double[width],
            (values, start, rows) =>
            {
                for (var i = start; i < start + rows; i++)
                {
                    values.AsSpan().Clear();
                    var row = coordinates.Row(i);
                    for (var c = 0; c < k; c++)
                    {
                        VectorMath.Axpy(row[c], back.AsSpan(c * width, width), values);
                    }

                    Decode(layout, values, i, continuous, modalities);
                }
            },
            cancellationToken);

        var columns = new Column[layout.Order.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var (isContinuous, index) = layout.Order[c];
            columns[c] = isContinuous
                ? ContinuousColumn(layout.Continuous[index], continuous[index])
                : CategoricalColumn(layout.Categorical[index], modalities[index]);
        }

        return new Table(columns, layout.TableName);
    }

    /// <summary>
    /// The k × P matrix B with ẑ = coords·B: pinv(V[:k]ᵀ) for FAMD/PCA (Moore–Penrose; exact with all components),
    /// V[:k]·D_c for MCA (saiph uses V directly there).
    /// </summary>
    private static double[] BackMap(ProjectionLayout layout, double[] components, int k)
    {
        var width = layout.Width;
        if (layout.Kind == ProjectionKind.Mca)
        {
            var result = new double[k * width];
            for (var c = 0; c < k; c++)
            {
                for (var d = 0; d < width; d++)
                {
                    result[(c * width) + d] = components[(c * width) + d] * layout.McaColumnFactor[d];
                }
            }

            return result;
        }

        var vkT = Matrix<double>.Build.Dense(width, k, (l, c) => components[(c * width) + l]);
        var pinv = vkT.PseudoInverse();
        var back = new double[k * width];
        for (var c = 0; c < k; c++)
        {
            for (var l = 0; l < width; l++)
            {
                back[(c * width) + l] = pinv[c, l];
            }
        }

        return back;
    }

    /// <summary>Descales one reconstructed row and picks the modality of each categorical variable.</summary>
    private static void Decode(ProjectionLayout layout, ReadOnlySpan<double> values, int row, double[][] continuous, int[][] modalities)
    {
        var pc = layout.ContinuousCount;
        for (var j = 0; j < pc; j++)
        {
            // σ before the DBL_MIN guard, as saiph stores it: a constant column comes back exactly as μ.
            var variable = layout.Continuous[j];
            continuous[j][row] = (values[j] * variable.StandardDeviation) + variable.Mean;
        }

        var p = layout.Proportions;
        for (var u = 0; u < layout.CategoricalCount; u++)
        {
            var variable = layout.Categorical[u];
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var m = 0; m < variable.ModalityCount; m++)
            {
                var d = variable.FirstDummy + m;
                var z = values[pc + d];

                // FAMD: d̂ = ẑ·sqrt(p) + p. MCA: d̂ = ẑ·p (saiph divides by dummies_col_prop = 1/p).
                var indicator = layout.Kind == ProjectionKind.Mca ? z * p[d] : (z * Math.Sqrt(p[d])) + p[d];

                // Strict '>' keeps the first modality on ties (pandas idxmax).
                if (indicator > bestValue)
                {
                    bestValue = indicator;
                    best = m;
                }
            }

            modalities[u][row] = best;
        }
    }

    private static Column ContinuousColumn(ContinuousVariable variable, double[] values)
    {
        // saiph rounds the reconstruction to 12 decimals (NumPy round: scale, round half to even, unscale).
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(values[i], 12, MidpointRounding.ToEven);
        }

        switch (variable.Type)
        {
            case ColumnType.Int:
                // Rounded, not truncated as saiph's astype(int) does: the avatar engine rounds (method.md §4.7).
                var longs = new long[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var rounded = Math.Round(values[i], MidpointRounding.ToEven);
                    if (rounded is < long.MinValue or >= 9.2233720368547758E18)
                    {
                        throw new ProjectionException(
                            $"Row {i} of int column '{variable.Name}' reconstructs to {rounded.ToString(CultureInfo.InvariantCulture)}, outside the 64-bit range.",
                            variable.Name);
                    }

                    longs[i] = (long)rounded;
                }

                return new IntColumn(variable.Name, longs);
            case ColumnType.DateTime or ColumnType.DateTimeTz:
                var ticks = new long[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var seconds = values[i];
                    var limit = (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;
                    var lowest = -DateTime.UnixEpoch.Ticks / (double)TimeSpan.TicksPerSecond;
                    if (seconds < lowest || seconds > limit)
                    {
                        throw new ProjectionException(
                            $"Row {i} of datetime column '{variable.Name}' reconstructs to {seconds.ToString(CultureInfo.InvariantCulture)} seconds since the epoch, outside the representable dates.",
                            variable.Name);
                    }

                    ticks[i] = Math.Clamp(DateTimeColumn.TicksFromSeconds(seconds), 0, DateTime.MaxValue.Ticks);
                }

                return new DateTimeColumn(variable.Name, ticks, offset: variable.Offset);
            default:
                return new FloatColumn(variable.Name, values);
        }
    }

    private static Column CategoricalColumn(CategoricalVariable variable, int[] modalities)
    {
        if (variable.Type == ColumnType.Bool)
        {
            var values = new bool[modalities.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = variable.ModalityLevels[modalities[i]] == 1;
            }

            return new BoolColumn(variable.Name, values);
        }

        // Codes index the fitted column's full level list, so the category keeps its levels (even unused ones).
        var codes = new int[modalities.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = variable.ModalityLevels[modalities[i]];
        }

        return new CategoryColumn(variable.Name, codes, variable.Levels.ToArray());
    }
}
