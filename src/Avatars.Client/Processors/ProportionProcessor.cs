using Avatars.Client.Lib;
using Avatars.Data;

namespace Avatars.Client.Processors;

/// <summary>
/// Expresses several numeric columns as proportions of a reference before avatarization (either of their
/// row sum, or of a reference column) and turns them back into amounts afterwards, so that avatarized
/// parts add up to their total.
/// </summary>
/// <example>
/// <c>minutes_home</c>, <c>minutes_away</c> and <c>minutes_bench</c> as shares of <c>minutes_total</c>:
/// <code>new ProportionProcessor(["minutes_home", "minutes_away", "minutes_bench"], "minutes_total", sumToOne: true, decimalCount: 0)</code>
/// </example>
public sealed class ProportionProcessor : IProcessor
{
    /// <summary>Creates the processor.</summary>
    /// <param name="variableNames">The columns expressed as proportions.</param>
    /// <param name="reference">The column holding the total.</param>
    /// <param name="sumToOne">
    /// True: proportions of the row sum of <paramref name="variableNames"/> (they sum to 1), and postprocessed rows are
    /// rounded keeping their sum. False: proportions of <paramref name="reference"/>.
    /// </param>
    /// <param name="decimalCount">Decimals of the postprocessed values (with <paramref name="sumToOne"/> only).</param>
    public ProportionProcessor(IReadOnlyList<string> variableNames, string reference, bool sumToOne = true, int decimalCount = 1)
    {
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (variableNames.Count == 0)
        {
            throw new ArgumentException("Expected at least one variable name.", nameof(variableNames));
        }

        VariableNames = variableNames.ToArray();
        Reference = reference;
        SumToOne = sumToOne;
        DecimalCount = decimalCount;
    }

    /// <summary>The columns expressed as proportions.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>The column holding the total.</summary>
    public string Reference { get; }

    /// <summary>Whether the proportions are of the row sum (and postprocessed rows rounded keeping their sum).</summary>
    public bool SumToOne { get; }

    /// <summary>Decimals of the postprocessed values.</summary>
    public int DecimalCount { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The reference or a variable is not a numeric column of the table.</exception>
    public Table Preprocess(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (reference, variables) = Read(data);
        var sums = RowSums(variables);
        var result = data;
        for (var v = 0; v < variables.Length; v++)
        {
            var values = new double[data.RowCount];
            for (var r = 0; r < values.Length; r++)
            {
                // A zero part stays zero, even when the total is zero too.
                values[r] = variables[v][r] == 0 ? 0 : variables[v][r] / (SumToOne ? sums[r] : reference[r]);
            }

            result = result.WithColumn(new FloatColumn(VariableNames[v], values));
        }

        return result;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The reference or a variable is not a numeric column of <paramref name="dest"/>.</exception>
    public Table Postprocess(Table source, Table dest)
    {
        ArgumentNullException.ThrowIfNull(dest);
        var (reference, variables) = Read(dest);
        var sums = RowSums(variables);
        var rows = dest.RowCount;
        var output = new double[variables.Length][];
        for (var v = 0; v < variables.Length; v++)
        {
            output[v] = new double[rows];
            for (var r = 0; r < rows; r++)
            {
                output[v][r] = SumToOne
                    ? (variables[v][r] == 0 ? 0 : variables[v][r] * reference[r] / sums[r])
                    : variables[v][r] * reference[r];
            }
        }

        if (SumToOne)
        {
            // Round each complete row keeping its rounded sum, so the parts still add up to the total.
            var row = new double[variables.Length];
            for (var r = 0; r < rows; r++)
            {
                for (var v = 0; v < row.Length; v++)
                {
                    row[v] = output[v][r];
                }

                if (row.Any(double.IsNaN))
                {
                    continue;
                }

                var rounded = SafeRound.Round(row, DecimalCount);
                for (var v = 0; v < row.Length; v++)
                {
                    output[v][r] = rounded[v];
                }
            }
        }

        var result = dest;
        for (var v = 0; v < variables.Length; v++)
        {
            result = result.WithColumn(new FloatColumn(VariableNames[v], output[v]));
        }

        return result;
    }

    private (double[] Reference, double[][] Variables) Read(Table table)
    {
        if (!table.Contains(Reference))
        {
            throw new ArgumentException($"variable_name: variable {Reference} cannot be found in the dataframe variables", nameof(Reference));
        }

        var unknown = VariableNames.Where(n => !table.Contains(n)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"variable_names: variables {string.Join(", ", unknown)} cannot be found in the dataframe variables", nameof(VariableNames));
        }

        return (ColumnData.ToDoubles(table[Reference]), VariableNames.Select(n => ColumnData.ToDoubles(table[n])).ToArray());
    }

    /// <summary>Row sums of the variables, skipping missing values (pandas <c>sum(axis=1)</c>).</summary>
    private static double[] RowSums(double[][] variables)
    {
        var sums = new double[variables[0].Length];
        foreach (var values in variables)
        {
            for (var r = 0; r < sums.Length; r++)
            {
                if (!double.IsNaN(values[r]))
                {
                    sums[r] += values[r];
                }
            }
        }

        return sums;
    }
}
