namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>
/// The checked shape of a multi-table input: tables by name, links by parent and child, and an order in which every
/// parent comes before its children. Every problem is a <see cref="MultiTableException"/> naming the table and column.
/// </summary>
internal sealed class MultiTableSchema
{
    private readonly Dictionary<string, MultiTableSource> byName;

    private MultiTableSchema(IReadOnlyList<MultiTableSource> tables, IReadOnlyList<MultiTableLink> links, IReadOnlyList<MultiTableSource> order)
    {
        Tables = tables;
        Links = links;
        Order = order;
        byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The tables, in the input's order.</summary>
    public IReadOnlyList<MultiTableSource> Tables { get; }

    /// <summary>The links, in the input's order.</summary>
    public IReadOnlyList<MultiTableLink> Links { get; }

    /// <summary>The tables with every parent before its children (input order otherwise).</summary>
    public IReadOnlyList<MultiTableSource> Order { get; }

    /// <summary>The table of that name.</summary>
    public MultiTableSource this[string name] => byName[name];

    /// <summary>The links where <paramref name="table"/> is the parent.</summary>
    public IEnumerable<MultiTableLink> ChildLinks(string table) => Links.Where(l => l.ParentTable == table);

    /// <summary>The links where <paramref name="table"/> is the child.</summary>
    public IEnumerable<MultiTableLink> ParentLinks(string table) => Links.Where(l => l.ChildTable == table);

    /// <summary>True when the table is a time-series child (rebuilt from its parent, not avatarized).</summary>
    public bool IsTimeSeries(string table) => ParentLinks(table).Any(l => l.IsTimeSeries);

    /// <summary>The prefix of the aggregates of a child link's table in its parent (the child's name, with the key when the same child has several links to that parent).</summary>
    public string AggregatePrefix(MultiTableLink link) =>
        Links.Count(l => l.ParentTable == link.ParentTable && l.ChildTable == link.ChildTable && !l.IsTimeSeries) > 1
            ? $"{link.ChildTable}.{link.ChildField}"
            : link.ChildTable;

    /// <summary>The name of the count column of a child link in its parent's enriched table.</summary>
    public string CountColumn(MultiTableLink link) => $"{AggregatePrefix(link)}_count";

    /// <summary>The prefix of a parent's variables copied into its child (the foreign key, unique per child).</summary>
    public static string ParentVariablePrefix(MultiTableLink link) => $"{link.ChildField}.";

    /// <summary>Checks the input and orders the tables.</summary>
    public static MultiTableSchema Create(IReadOnlyList<MultiTableSource> tables, IReadOnlyList<MultiTableLink> links)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(links);
        if (tables.Count == 0)
        {
            throw new MultiTableException("The schema has no table: give at least one table.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            ArgumentNullException.ThrowIfNull(table);
            if (string.IsNullOrWhiteSpace(table.Name))
            {
                throw new MultiTableException("A table has no name: give every table a name.");
            }

            if (!names.Add(table.Name))
            {
                throw new MultiTableException($"Table '{table.Name}' appears twice in the schema: table names must be unique.", table.Name);
            }

            foreach (var key in table.KeyColumns.Append(table.TimeColumn).OfType<string>())
            {
                if (!table.Data.Contains(key))
                {
                    throw new MultiTableException($"Table '{table.Name}': key column '{key}' is not in its data. Its columns are: {string.Join(", ", table.Data.ColumnNames)}.", table.Name, key);
                }
            }
        }

        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var link in links)
        {
            ArgumentNullException.ThrowIfNull(link);
            CheckLink(link, byName);
        }

        foreach (var table in tables)
        {
            CheckTable(table, links);
        }

        return new MultiTableSchema(tables, links, TopologicalOrder(tables, links));
    }

    private static void CheckLink(MultiTableLink link, Dictionary<string, MultiTableSource> byName)
    {
        if (!byName.TryGetValue(link.ParentTable, out var parent))
        {
            throw new MultiTableException($"Link {link}: there is no table '{link.ParentTable}'. Tables: {string.Join(", ", byName.Keys)}.", link.ParentTable);
        }

        if (!byName.TryGetValue(link.ChildTable, out var child))
        {
            throw new MultiTableException($"Link {link}: there is no table '{link.ChildTable}'. Tables: {string.Join(", ", byName.Keys)}.", link.ChildTable);
        }

        if (parent.Name == child.Name)
        {
            throw new MultiTableException($"Link {link}: a table cannot be its own parent.", parent.Name);
        }

        if (parent.PrimaryKey != link.ParentField)
        {
            throw new MultiTableException(
                $"Link {link}: field '{link.ParentField}' must be the primary key of table '{parent.Name}'"
                + (parent.PrimaryKey is null ? ", which has none: declare it as the primary key." : $" ('{parent.PrimaryKey}')."),
                parent.Name, link.ParentField);
        }

        if (!child.ForeignKeys.Contains(link.ChildField, StringComparer.Ordinal))
        {
            throw new MultiTableException(
                $"Link {link}: field '{link.ChildField}' must be a foreign key (identifier) of table '{child.Name}'; its foreign keys are: {(child.ForeignKeys.Count == 0 ? "none" : string.Join(", ", child.ForeignKeys))}.",
                child.Name, link.ChildField);
        }

        if (!Enum.IsDefined(link.Method))
        {
            throw new MultiTableException($"Link {link}: unknown link method {(int)link.Method}.", child.Name);
        }
    }

    private static void CheckTable(MultiTableSource table, IReadOnlyList<MultiTableLink> links)
    {
        var parents = links.Where(l => l.ChildTable == table.Name).ToList();
        var seriesLinks = parents.Where(l => l.IsTimeSeries).ToList();
        if (seriesLinks.Count > 0)
        {
            if (parents.Count > 1)
            {
                throw new MultiTableException($"Table '{table.Name}' is a time-series child of '{seriesLinks[0].ParentTable}': it must have exactly one link (it has {parents.Count}).", table.Name);
            }

            if (table.TimeColumn is null)
            {
                throw new MultiTableException($"Table '{table.Name}' is a time-series child of '{seriesLinks[0].ParentTable}' but has no time column: declare one (time_series_time).", table.Name);
            }

            if (links.Any(l => l.ParentTable == table.Name))
            {
                throw new MultiTableException($"Table '{table.Name}' is a time-series child: it cannot be the parent of another table.", table.Name);
            }

            if (table.Avatarization is not null)
            {
                throw new MultiTableException(
                    $"Table '{table.Name}' is a time-series child of '{seriesLinks[0].ParentTable}': it is rebuilt from the avatars of its parent, so it takes no avatarization parameters (k or epsilon); remove them and set the parameters of '{seriesLinks[0].ParentTable}'.",
                    table.Name);
            }

            return;
        }

        if (table.Avatarization is null)
        {
            throw new MultiTableException($"Table '{table.Name}' has no avatarization parameters: give k (or epsilon for differential privacy).", table.Name);
        }

        foreach (var link in links.Where(l => l.ParentTable == table.Name && l.IsTimeSeries))
        {
            if (table.Avatarization is not StandardTableAvatarization)
            {
                throw new MultiTableException($"Table '{table.Name}' is the parent of time series '{link.ChildTable}': it must be avatarized with k (differential privacy does not support time series).", table.Name);
            }
        }
    }

    private static List<MultiTableSource> TopologicalOrder(IReadOnlyList<MultiTableSource> tables, IReadOnlyList<MultiTableLink> links)
    {
        var order = new List<MultiTableSource>(tables.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (order.Count < tables.Count)
        {
            var next = tables.FirstOrDefault(t => !done.Contains(t.Name) && links.Where(l => l.ChildTable == t.Name).All(l => done.Contains(l.ParentTable)));
            if (next is null)
            {
                var cycle = tables.Where(t => !done.Contains(t.Name)).Select(t => t.Name);
                throw new MultiTableException($"The links form a cycle between tables {string.Join(", ", cycle)}: a table cannot be its own ancestor.");
            }

            order.Add(next);
            done.Add(next.Name);
        }

        return order;
    }
}
