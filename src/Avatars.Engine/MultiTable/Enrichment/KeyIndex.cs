using Avatars.Data;

namespace Avatars.Engine.MultiTable.Enrichment;

/// <summary>
/// Joins a child table's foreign key to its parent table's primary key. Key values are compared by their text form
/// (<see cref="Column.FormatValue"/>), so an integer key and a categorical key holding the same digits match.
/// </summary>
internal static class KeyIndex
{
    /// <summary>Maps each parent key value to its row; rejects an unknown column, a missing or a duplicate key.</summary>
    public static Dictionary<string, int> ParentRows(Table parent, string parentKey)
    {
        Column key = RequireColumn(parent, parentKey, nameof(parent));
        var rows = new Dictionary<string, int>(parent.RowCount, StringComparer.Ordinal);
        for (int row = 0; row < parent.RowCount; row++)
        {
            string? value = key.FormatValue(row);
            if (value is null)
            {
                throw new ArgumentException(
                    $"Table '{parent.Name}', key column '{parentKey}': row {row} has a missing key; every parent needs a key.",
                    nameof(parent));
            }

            if (!rows.TryAdd(value, row))
            {
                throw new ArgumentException(
                    $"Table '{parent.Name}', key column '{parentKey}': the key '{value}' appears more than once (rows {rows[value]} and {row}); parent keys must be unique.",
                    nameof(parent));
            }
        }

        return rows;
    }

    /// <summary>The parent row of each child row; rejects a missing foreign key or one not among the parent keys.</summary>
    public static int[] ParentOfChild(Table child, string childForeignKey, Table parent, string parentKey, Dictionary<string, int> parentRows)
    {
        Column fk = RequireColumn(child, childForeignKey, nameof(child));
        var parentOf = new int[child.RowCount];
        int unknown = 0;
        string? example = null;
        for (int row = 0; row < child.RowCount; row++)
        {
            string? value = fk.FormatValue(row);
            if (value is null)
            {
                throw new ArgumentException(
                    $"Table '{child.Name}', foreign key column '{childForeignKey}': row {row} has a missing value; every child needs a parent.",
                    nameof(child));
            }

            if (parentRows.TryGetValue(value, out int p))
            {
                parentOf[row] = p;
            }
            else
            {
                unknown++;
                example ??= value;
            }
        }

        if (example is not null)
        {
            throw new ArgumentException(
                $"Table '{child.Name}', foreign key column '{childForeignKey}': {unknown} row(s) refer to a key not found in column '{parentKey}' of table '{parent.Name}', for example '{example}'.",
                nameof(child));
        }

        return parentOf;
    }

    private static Column RequireColumn(Table table, string name, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!table.TryGetColumn(name, out Column? column))
        {
            throw new ArgumentException(table.UnknownColumnMessage(name), parameter);
        }

        return column;
    }
}
