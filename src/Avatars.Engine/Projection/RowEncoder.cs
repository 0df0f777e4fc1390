using Avatars.Data;

namespace Avatars.Engine.Projection;

/// <summary>
/// Encodes blocks of rows of a table with the fit-time layout: standardised continuous values
/// <c>z = (x − μ)/σ</c> and, per categorical variable, the index of the row's active dummy. Category codes
/// are per table, so a table's levels are aligned to the fitted modalities by their text; a level unseen at
/// fit time has no dummy (index −1), which gives all-zero indicators for that variable.
/// </summary>
internal sealed class RowEncoder
{
    private readonly ProjectionLayout layout;
    private readonly Column[] continuous;
    private readonly Column[] categorical;
    private readonly int[][] codeToDummy;

    /// <summary>Binds the fitted variables to the columns of <paramref name="table"/> (by name).</summary>
    /// <exception cref="ProjectionException">A column is absent, of the wrong kind, or has missing values.</exception>
    public RowEncoder(ProjectionLayout layout, Table table)
    {
        this.layout = layout;
        RowCount = table.RowCount;
        continuous = new Column[layout.ContinuousCount];
        for (var j = 0; j < continuous.Length; j++)
        {
            var column = Bind(table, layout.Continuous[j].Name, continuousKind: true);
            continuous[j] = column;
        }

        categorical = new Column[layout.CategoricalCount];
        codeToDummy = new int[layout.CategoricalCount][];
        for (var u = 0; u < categorical.Length; u++)
        {
            var variable = layout.Categorical[u];
            var column = Bind(table, variable.Name, continuousKind: false);
            categorical[u] = column;
            var levels = ColumnValues.Levels(column);
            var map = new int[levels.Count];
            for (var code = 0; code < map.Length; code++)
            {
                map[code] = variable.ModalityIndex.TryGetValue(levels[code], out var k) ? variable.FirstDummy + k : -1;
            }

            codeToDummy[u] = map;
        }
    }

    /// <summary>The number of rows of the bound table.</summary>
    public int RowCount { get; }

    /// <summary>
    /// Fills rows <paramref name="start"/> … start+count−1, column-major: <c>z[j*count + r]</c> is the standardised
    /// value of continuous variable j, <c>active[u*count + r]</c> the active dummy (0 … M−1, or −1) of categorical variable u.
    /// </summary>
    public void Fill(int start, int count, Span<double> z, Span<int> active)
    {
        for (var j = 0; j < continuous.Length; j++)
        {
            var span = z.Slice(j * count, count);
            ColumnValues.ReadContinuous(continuous[j], start, span);
            var variable = layout.Continuous[j];
            for (var r = 0; r < span.Length; r++)
            {
                span[r] = (span[r] - variable.Mean) / variable.Scale;
            }
        }

        for (var u = 0; u < categorical.Length; u++)
        {
            var span = active.Slice(u * count, count);
            ColumnValues.ReadCodes(categorical[u], start, span);
            var map = codeToDummy[u];
            for (var r = 0; r < span.Length; r++)
            {
                span[r] = map[span[r]];
            }
        }
    }

    private Column Bind(Table table, string name, bool continuousKind)
    {
        if (!table.TryGetColumn(name, out var column))
        {
            throw new ProjectionException($"The projection was fitted on column '{name}', which is absent. {table.UnknownColumnMessage(name)}", name);
        }

        var ok = continuousKind ? ColumnValues.IsContinuous(column.Type) : ColumnValues.IsCategorical(column.Type);
        if (!ok)
        {
            var expected = continuousKind ? "continuous (float, int, datetime)" : "categorical (category, bool)";
            throw new ProjectionException(
                $"Column '{name}' of table '{table.Name}' is {column.Type.ToYamlName()}, but the projection was fitted on it as {expected}.",
                name);
        }

        ProjectionLayout.RequireComplete(column, table.Name);
        if (continuousKind)
        {
            RequireFinite(column, table.Name);
        }

        return column;
    }

    private static void RequireFinite(Column column, string tableName)
    {
        if (column is FloatColumn f)
        {
            var values = f.Values;
            for (var i = 0; i < values.Length; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new ProjectionException($"Column '{column.Name}' of table '{tableName}' has a non-finite value at row {i}; only finite numbers can be projected.", column.Name);
                }
            }
        }
    }
}
