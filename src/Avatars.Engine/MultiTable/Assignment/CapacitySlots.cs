namespace Avatars.Engine.MultiTable.Assignment;

/// <summary>
/// Turns a capacity problem (column <c>j</c> may take <c>capacities[j]</c> rows — a parent avatar replicated by its
/// child count) into a plain assignment over slots: column <c>j</c> becomes <c>capacities[j]</c> consecutive slot
/// columns with identical costs.
/// </summary>
public static class CapacitySlots
{
    /// <summary>The column (parent) owning each slot, slots in column order.</summary>
    /// <param name="capacities">The capacity of each column (at least 0).</param>
    /// <returns>An array of length Σ capacities; entry <c>s</c> is the column of slot <c>s</c>.</returns>
    /// <exception cref="ArgumentException">A capacity is negative, or the total does not fit an array.</exception>
    public static int[] Owners(ReadOnlySpan<int> capacities)
    {
        int total = CostMatrixGuard.Capacities(capacities, 0, nameof(capacities));
        var owners = new int[total];
        int s = 0;
        for (int j = 0; j < capacities.Length; j++)
        {
            owners.AsSpan(s, capacities[j]).Fill(j);
            s += capacities[j];
        }

        return owners;
    }

    /// <summary>Expands a row-major rows × columns cost matrix to rows × slots (each column repeated by its capacity).</summary>
    /// <param name="cost">Row-major costs, <paramref name="rows"/> × <c>owners</c>' column count.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns of <paramref name="cost"/>.</param>
    /// <param name="owners">The slot owners from <see cref="Owners"/>.</param>
    /// <returns>The row-major rows × <c>owners.Length</c> slot cost matrix.</returns>
    /// <exception cref="ArgumentException">The buffer length is wrong, or an owner is not a column index.</exception>
    public static double[] Expand(ReadOnlySpan<double> cost, int rows, int columns, ReadOnlySpan<int> owners)
    {
        if (cost.Length != (long)rows * columns)
        {
            throw new ArgumentException($"The cost buffer has {cost.Length} entries but rows × columns = {(long)rows * columns}.", nameof(cost));
        }

        long size = (long)rows * owners.Length;
        if (size > Array.MaxLength)
        {
            throw new ArgumentException($"The slot matrix would have {rows} × {owners.Length} = {size} entries, more than an array can hold; use the minimum-distance method.", nameof(owners));
        }

        foreach (int o in owners)
        {
            if ((uint)o >= (uint)columns)
            {
                throw new ArgumentException($"Slot owner {o} is not a column index in [0, {columns}).", nameof(owners));
            }
        }

        var slots = new double[size];
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = cost.Slice(i * columns, columns);
            Span<double> target = slots.AsSpan(i * owners.Length, owners.Length);
            for (int s = 0; s < owners.Length; s++)
            {
                target[s] = row[owners[s]];
            }
        }

        return slots;
    }
}
