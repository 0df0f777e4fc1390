using Avatars.Data;

namespace Avatars.Engine.MultiTable.Enrichment;

/// <summary>
/// Enriches each parent row with aggregates of its children (method.md §5.2 step 1, project design), before the
/// parent table is avatarized. Added columns, in this order (prefix = <see cref="ParentEnrichmentOptions.Prefix"/>,
/// by default the child table's name):
/// <list type="bullet">
/// <item><c>&lt;prefix&gt;_count</c> (int): the number of children, 0 for a parent without children.</item>
/// <item><c>&lt;prefix&gt;_&lt;var&gt;_mean</c> (float) per numeric child variable (float, int, bool as 0/1): the mean over
/// the children whose value is present; missing when the parent has no child with a value.</item>
/// <item><c>&lt;prefix&gt;_&lt;var&gt;_&lt;level&gt;_share</c> (float) per level of each categorical child variable: the
/// proportion of the children with a value that have that level; missing when none has a value.</item>
/// </list>
/// The key columns are never aggregated; date columns are skipped by default.
/// </summary>
public static class ParentEnricher
{
    /// <summary>The parent table with the aggregates of its children appended.</summary>
    /// <param name="parent">The parent table.</param>
    /// <param name="parentKey">The parent's primary-key column (unique, no missing value).</param>
    /// <param name="child">The child table.</param>
    /// <param name="childForeignKey">The child column holding its parent's key.</param>
    /// <param name="options">Prefix and variables; null for the defaults.</param>
    /// <returns>The parent rows in their order, with the added columns.</returns>
    /// <exception cref="ArgumentException">
    /// An unknown key column, a missing or duplicate parent key, a foreign key not found among the parent keys (the
    /// message names the table, the column and an example value), an invalid variable, or an added column whose name
    /// already exists in the parent table.
    /// </exception>
    public static Table Enrich(Table parent, string parentKey, Table child, string childForeignKey, ParentEnrichmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        options ??= new ParentEnrichmentOptions();
        Dictionary<string, int> parentRows = KeyIndex.ParentRows(parent, parentKey);
        int[] parentOf = KeyIndex.ParentOfChild(child, childForeignKey, parent, parentKey, parentRows);
        string prefix = options.Prefix ?? child.Name;
        IReadOnlyList<Column> variables = Variables(child, childForeignKey, options.Variables);

        int parents = parent.RowCount;
        var count = new long[parents];
        foreach (int p in parentOf)
        {
            count[p]++;
        }

        var added = new List<Column> { new IntColumn($"{prefix}_count", count) };
        foreach (Column variable in variables)
        {
            if (variable is CategoryColumn category)
            {
                added.AddRange(Shares(prefix, category, parentOf, parents));
            }
            else
            {
                added.Add(Mean(prefix, variable, parentOf, parents));
            }
        }

        Table result = parent;
        foreach (Column column in added)
        {
            if (result.Contains(column.Name))
            {
                throw new ArgumentException(
                    $"The enrichment column '{column.Name}' already exists in table '{parent.Name}'; choose another ParentEnrichmentOptions.Prefix.",
                    nameof(options));
            }

            result = result.WithColumn(column);
        }

        return result;
    }

    private static IReadOnlyList<Column> Variables(Table child, string childForeignKey, IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return [.. child.Columns.Where(c => c.Name != childForeignKey && c is not DateTimeColumn)];
        }

        var list = new List<Column>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            if (!child.TryGetColumn(name, out Column? column))
            {
                throw new ArgumentException(child.UnknownColumnMessage(name), nameof(names));
            }

            if (name == childForeignKey)
            {
                throw new ArgumentException($"Table '{child.Name}': the foreign key '{name}' cannot be aggregated.", nameof(names));
            }

            if (column is DateTimeColumn)
            {
                throw new ArgumentException($"Table '{child.Name}': the date column '{name}' cannot be aggregated (only numbers, booleans and categories).", nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Table '{child.Name}': the variable '{name}' is listed twice.", nameof(names));
            }

            list.Add(column);
        }

        return list;
    }

    private static FloatColumn Mean(string prefix, Column variable, int[] parentOf, int parents)
    {
        var sum = new double[parents];
        var present = new int[parents];
        for (int row = 0; row < parentOf.Length; row++)
        {
            if (variable.IsMissing(row))
            {
                continue;
            }

            double value = variable switch
            {
                FloatColumn f => f[row],
                IntColumn i => i[row],
                BoolColumn b => b[row] ? 1.0 : 0.0,
                _ => throw new InvalidOperationException($"Column '{variable.Name}' of type {variable.Type} cannot be averaged."),
            };
            sum[parentOf[row]] += value;
            present[parentOf[row]]++;
        }

        var mean = new double[parents];
        for (int p = 0; p < parents; p++)
        {
            mean[p] = present[p] == 0 ? double.NaN : sum[p] / present[p];
        }

        return new FloatColumn($"{prefix}_{variable.Name}_mean", mean);
    }

    private static IEnumerable<FloatColumn> Shares(string prefix, CategoryColumn variable, int[] parentOf, int parents)
    {
        int levels = variable.LevelCount;
        var counts = new int[levels, parents];
        var present = new int[parents];
        for (int row = 0; row < parentOf.Length; row++)
        {
            int code = variable[row];
            if (code < 0)
            {
                continue;
            }

            counts[code, parentOf[row]]++;
            present[parentOf[row]]++;
        }

        for (int level = 0; level < levels; level++)
        {
            var share = new double[parents];
            for (int p = 0; p < parents; p++)
            {
                share[p] = present[p] == 0 ? double.NaN : counts[level, p] / (double)present[p];
            }

            yield return new FloatColumn($"{prefix}_{variable.Name}_{variable.Levels[level]}_share", share);
        }
    }
}
