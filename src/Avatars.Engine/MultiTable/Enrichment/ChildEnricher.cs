using Avatars.Data;

namespace Avatars.Engine.MultiTable.Enrichment;

/// <summary>
/// Enriches each child row with its parent's variables (method.md §5.2 step 2, project design), before the child
/// table is avatarized. The parent variables are added under their <b>own names</b> (no prefix): the re-linker
/// (<see cref="Relinking.ChildRelinker"/>) looks the shared parent variables up by the same names in the parent
/// avatars and in the child avatars.
/// </summary>
public static class ChildEnricher
{
    /// <summary>The child table with its parent's variables appended, joined on the key.</summary>
    /// <param name="child">The child table.</param>
    /// <param name="childForeignKey">The child column holding its parent's key.</param>
    /// <param name="parent">The parent table.</param>
    /// <param name="parentKey">The parent's primary-key column (unique, no missing value).</param>
    /// <param name="parentVariables">The parent variables to add; null adds every parent column except the key.</param>
    /// <returns>The child rows in their order, with the parent variables appended under their names.</returns>
    /// <exception cref="ArgumentException">
    /// An unknown key column, a missing or duplicate parent key, a foreign key not found among the parent keys (the
    /// message names the table, the column and an example value), an unknown or repeated variable, the parent key
    /// listed as a variable, or a variable whose name already exists in the child table.
    /// </exception>
    public static Table Enrich(Table child, string childForeignKey, Table parent, string parentKey, IReadOnlyList<string>? parentVariables = null)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(parent);
        Dictionary<string, int> parentRows = KeyIndex.ParentRows(parent, parentKey);
        int[] parentOf = KeyIndex.ParentOfChild(child, childForeignKey, parent, parentKey, parentRows);

        IReadOnlyList<string> names = parentVariables ?? [.. parent.ColumnNames.Where(n => n != parentKey)];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!parent.Contains(name))
            {
                throw new ArgumentException(parent.UnknownColumnMessage(name), nameof(parentVariables));
            }

            if (name == parentKey)
            {
                throw new ArgumentException($"Table '{parent.Name}': the key '{name}' is not a parent variable; the child already holds it in '{childForeignKey}'.", nameof(parentVariables));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Table '{parent.Name}': the variable '{name}' is listed twice.", nameof(parentVariables));
            }

            if (child.Contains(name))
            {
                throw new ArgumentException(
                    $"The parent variable '{name}' of table '{parent.Name}' has the same name as a column of table '{child.Name}'; rename one of them.",
                    nameof(parentVariables));
            }
        }

        Table joined = parent.Select(names).TakeRows(parentOf);
        Table result = child;
        foreach (Column column in joined.Columns)
        {
            result = result.WithColumn(column);
        }

        return result;
    }
}
