namespace Avatars.Engine.Projection;

/// <summary>
/// A statistic per variable (or dummy) and component, such as contributions or cos²: one labelled row per
/// variable, one column per component (<c>Dim. 1</c> … ).
/// </summary>
public sealed class ComponentTable
{
    private readonly double[] values;
    private readonly Dictionary<string, int> rowIndex;

    internal ComponentTable(IReadOnlyList<string> rowNames, int components, double[] values)
    {
        RowNames = rowNames;
        ComponentCount = components;
        this.values = values;
        rowIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rowNames.Count; i++)
        {
            rowIndex[rowNames[i]] = i;
        }
    }

    /// <summary>The row labels: variable names or dummy names <c>&lt;column&gt;___&lt;modality&gt;</c>.</summary>
    public IReadOnlyList<string> RowNames { get; }

    /// <summary>The number of components (columns).</summary>
    public int ComponentCount { get; }

    /// <summary>The value for a row and a component (0-based).</summary>
    public double this[int row, int component] => values[(row * ComponentCount) + component];

    /// <summary>The value for a row label and a component (0-based).</summary>
    /// <exception cref="KeyNotFoundException">No row has that label; the message lists the labels.</exception>
    public double this[string rowName, int component] => values[(IndexOf(rowName) * ComponentCount) + component];

    /// <summary>The position of a row label.</summary>
    /// <exception cref="KeyNotFoundException">No row has that label; the message lists the labels.</exception>
    public int IndexOf(string rowName) => rowIndex.TryGetValue(rowName, out var index)
        ? index
        : throw new KeyNotFoundException($"No row '{rowName}'. Rows are: {string.Join(", ", RowNames)}.");

    /// <summary>The values of one row, one per component.</summary>
    public ReadOnlySpan<double> Row(int row) => values.AsSpan(row * ComponentCount, ComponentCount);
}
