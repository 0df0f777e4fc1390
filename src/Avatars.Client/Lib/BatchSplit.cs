using Avatars.Data;

namespace Avatars.Client.Lib;

/// <summary>
/// Splits a table into batches of at most a row limit, making sure the first batch (the training batch)
/// holds every modality of every categorical column (the vendor's <c>get_split_for_batch</c>; unused by
/// the workflow since batching moved to the server, kept for parity).
/// </summary>
public static class BatchSplit
{
    /// <summary>Splits <paramref name="data"/> into <c>ceil(rows / rowLimit)</c> batches of nearly equal size.</summary>
    /// <param name="data">The table to split.</param>
    /// <param name="rowLimit">The largest number of rows per batch; determines the number of batches.</param>
    /// <param name="seed">Seeds the shuffle of the remaining rows; null for a random seed. The order differs from numpy's.</param>
    /// <returns>
    /// The training batch (the rows introducing a modality first, then shuffled rows) and the other batches.
    /// The first <c>rows % batches</c> batches get one extra row.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLimit"/> is not positive.</exception>
    /// <exception cref="ArgumentException">The rows needed to show every modality exceed half of <paramref name="rowLimit"/>.</exception>
    public static (Table Training, IReadOnlyList<Table> Splits) GetSplitForBatch(Table data, int rowLimit, int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowLimit);
        var rows = data.RowCount;
        var batchCount = Math.Max(1, (rows + rowLimit - 1) / rowLimit);

        var firstOccurrences = GetIndexWithoutDuplicatedModalities(data);
        if (firstOccurrences.Count > rowLimit * 0.5)
        {
            throw new ArgumentException(
                "You have too much variability in your categorical data. You can increase your `row_limit`, "
                + "reduce your categorical variability, or build your own batch pipeline.",
                nameof(data));
        }

        var chosen = firstOccurrences.ToHashSet();
        var rest = Enumerable.Range(0, rows).Where(r => !chosen.Contains(r)).ToArray();
        var random = seed is { } s ? new Random(s) : new Random();
        random.Shuffle(rest);

        var order = firstOccurrences.Concat(rest).ToArray();

        // numpy.array_split: the first (rows % n) chunks get one extra row.
        var batches = new List<Table>(batchCount);
        var offset = 0;
        for (var b = 0; b < batchCount; b++)
        {
            var size = (rows / batchCount) + (b < rows % batchCount ? 1 : 0);
            batches.Add(data.TakeRows(order.AsSpan(offset, size)));
            offset += size;
        }

        return (batches[0], batches.Skip(1).ToArray());
    }

    /// <summary>
    /// The positions of the rows that show a categorical value (or a missing value) for the first time in its
    /// column, scanning rows in order: a small subset holding every modality.
    /// </summary>
    public static IReadOnlyList<int> GetIndexWithoutDuplicatedModalities(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var categorical = data.Columns.Where(c => c.Type == ColumnType.Category).ToArray();
        var seen = categorical.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var keep = new List<int>();
        for (var r = 0; r < data.RowCount; r++)
        {
            var isNew = false;
            for (var c = 0; c < categorical.Length; c++)
            {
                // Every column is recorded, even once the row is kept: later rows must not count it again.
                isNew |= seen[c].Add(categorical[c].FormatValue(r) ?? "\0");
            }

            if (isNew)
            {
                keep.Add(r);
            }
        }

        return keep;
    }
}
