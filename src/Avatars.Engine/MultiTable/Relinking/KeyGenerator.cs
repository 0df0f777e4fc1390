using Avatars.Data;

namespace Avatars.Engine.MultiTable.Relinking;

/// <summary>
/// Regenerates keys after re-linking (method.md §5.2 step 4). Scheme: the avatar at row <c>i</c> of a table gets
/// the primary key <c>i + 1</c> (an <see cref="IntColumn"/> 1 … n, in row order), so no avatar key equals an
/// original key by construction of the link, and a child's foreign key is the new key of its assigned parent
/// avatar. Original keys must not be carried over: they identify real individuals.
/// </summary>
public static class KeyGenerator
{
    /// <summary>The key of the row at <paramref name="row"/>: <c>row + 1</c>.</summary>
    /// <param name="row">A row index, at least 0.</param>
    /// <returns>The generated key.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is negative.</exception>
    public static long KeyOf(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        return row + 1L;
    }

    /// <summary>The table with the column <paramref name="keyColumn"/> set (replaced or appended) to 1 … n.</summary>
    /// <param name="table">The avatars.</param>
    /// <param name="keyColumn">The primary-key column name.</param>
    /// <returns>A table with the new keys.</returns>
    /// <exception cref="ArgumentException"><paramref name="keyColumn"/> is empty.</exception>
    public static Table WithPrimaryKeys(Table table, string keyColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyColumn);
        var keys = new long[table.RowCount];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = KeyOf(i);
        }

        return table.WithColumn(new IntColumn(keyColumn, keys));
    }

    /// <summary>
    /// The child table with the column <paramref name="foreignKeyColumn"/> set (replaced or appended) to the
    /// generated key of each child's parent avatar: <c>KeyOf(parentOfChild[i])</c>.
    /// </summary>
    /// <param name="children">The child avatars.</param>
    /// <param name="foreignKeyColumn">The foreign-key column name.</param>
    /// <param name="parentOfChild">The parent-avatar row of each child (e.g. <see cref="RelinkResult.ParentOfChild"/>).</param>
    /// <param name="parentCount">The number of parent avatars.</param>
    /// <returns>A table with the new foreign keys.</returns>
    /// <exception cref="ArgumentException">
    /// The column name is empty, the assignment does not have one entry per child, or an entry is not a parent row.
    /// </exception>
    public static Table WithForeignKeys(Table children, string foreignKeyColumn, IReadOnlyList<int> parentOfChild, int parentCount)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentException.ThrowIfNullOrWhiteSpace(foreignKeyColumn);
        ArgumentNullException.ThrowIfNull(parentOfChild);
        ArgumentOutOfRangeException.ThrowIfNegative(parentCount);
        if (parentOfChild.Count != children.RowCount)
        {
            throw new ArgumentException(
                $"The assignment has {parentOfChild.Count} entries but table '{children.Name}' has {children.RowCount} child rows; it needs one parent per child.",
                nameof(parentOfChild));
        }

        var keys = new long[children.RowCount];
        for (int i = 0; i < keys.Length; i++)
        {
            int parent = parentOfChild[i];
            if (parent < 0 || parent >= parentCount)
            {
                throw new ArgumentException(
                    $"Child {i} is assigned parent row {parent}, outside 0 … {parentCount - 1} ({parentCount} parent avatars).",
                    nameof(parentOfChild));
            }

            keys[i] = KeyOf(parent);
        }

        return children.WithColumn(new IntColumn(foreignKeyColumn, keys));
    }
}
