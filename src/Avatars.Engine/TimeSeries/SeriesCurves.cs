using System.Collections.ObjectModel;

namespace Avatars.Engine.TimeSeries;

/// <summary>
/// Curves sampled on a common grid of <see cref="GridSize"/> points over normalised time [0, 1]: for each series
/// variable, one row of grid values per individual (row-major, <see cref="Count"/> × <see cref="GridSize"/>).
/// </summary>
public sealed class SeriesCurves
{
    private readonly double[][] values;

    /// <summary>Creates curves from one row-major array per variable.</summary>
    /// <param name="variableNames">The series variables, in order.</param>
    /// <param name="count">The number of individuals.</param>
    /// <param name="gridSize">The number of grid points (at least 2).</param>
    /// <param name="values">Per variable, <paramref name="count"/> × <paramref name="gridSize"/> values, row-major.</param>
    /// <exception cref="ArgumentException">The shapes disagree or the grid has fewer than 2 points.</exception>
    public SeriesCurves(IReadOnlyList<string> variableNames, int count, int gridSize, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(variableNames);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridSize, 2);
        if (variableNames.Count != values.Count)
        {
            throw new ArgumentException($"{variableNames.Count} variable names but {values.Count} value arrays.", nameof(values));
        }

        for (var v = 0; v < values.Count; v++)
        {
            if (values[v].Length != (long)count * gridSize)
            {
                throw new ArgumentException(
                    $"Variable '{variableNames[v]}' has {values[v].Length} values; expected {count} individuals × {gridSize} grid points.",
                    nameof(values));
            }
        }

        VariableNames = Array.AsReadOnly(variableNames.ToArray());
        Count = count;
        GridSize = gridSize;
        this.values = values.ToArray();
    }

    /// <summary>The series variables, in order.</summary>
    public ReadOnlyCollection<string> VariableNames { get; }

    /// <summary>The number of individuals (curves per variable).</summary>
    public int Count { get; }

    /// <summary>The number of grid points.</summary>
    public int GridSize { get; }

    /// <summary>The normalised time of grid point <paramref name="point"/>: point / (GridSize − 1).</summary>
    /// <param name="point">The grid index.</param>
    public double GridTime(int point) => point / (double)(GridSize - 1);

    /// <summary>All the values of a variable, row-major (individual × grid point).</summary>
    /// <param name="variable">The variable index.</param>
    public ReadOnlySpan<double> Values(int variable) => values[variable];

    /// <summary>The curve of one individual for one variable.</summary>
    /// <param name="variable">The variable index.</param>
    /// <param name="individual">The individual index.</param>
    public ReadOnlySpan<double> Curve(int variable, int individual) => values[variable].AsSpan(individual * GridSize, GridSize);

    /// <summary>The index of a variable by name.</summary>
    /// <param name="name">The variable name.</param>
    /// <exception cref="ArgumentException">No such variable.</exception>
    public int IndexOf(string name)
    {
        var index = VariableNames.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"No series variable '{name}'; the variables are: {string.Join(", ", VariableNames)}.", nameof(name));
    }
}
