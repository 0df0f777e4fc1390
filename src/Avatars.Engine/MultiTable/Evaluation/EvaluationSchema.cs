using Avatars.Data;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// The validated tables and links of a multi-table evaluation: tables renamed to their schema names, the key columns
/// of every table (primary key, foreign keys, link fields — never variables), and the key joins checked on the
/// originals and on the avatars. Every problem is an <see cref="ArgumentException"/> naming the table and column.
/// </summary>
internal sealed class EvaluationSchema
{
    private readonly Dictionary<string, EvaluationTableData> byName;

    private EvaluationSchema(IReadOnlyList<EvaluationTableData> tables, IReadOnlyList<MultiTableEvaluationLink> links)
    {
        Tables = tables;
        Links = links;
        byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The tables in the given order.</summary>
    public IReadOnlyList<EvaluationTableData> Tables { get; }

    /// <summary>The links in the given order.</summary>
    public IReadOnlyList<MultiTableEvaluationLink> Links { get; }

    /// <summary>The table of a name (validated to exist).</summary>
    public EvaluationTableData this[string name] => byName[name];

    /// <summary>The links whose parent is the table, in link order.</summary>
    public IEnumerable<MultiTableEvaluationLink> ChildLinksOf(string parent) => Links.Where(l => l.ParentTable == parent);

    /// <summary>The links whose child is the table, in link order.</summary>
    public IEnumerable<MultiTableEvaluationLink> ParentLinksOf(string child) => Links.Where(l => l.ChildTable == child);

    /// <summary>Validates the inputs.</summary>
    public static EvaluationSchema Build(IReadOnlyList<MultiTableEvaluationTable> tables, IReadOnlyList<MultiTableEvaluationLink> links)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(links);
        if (tables.Count == 0)
        {
            throw new ArgumentException("A multi-table evaluation needs at least one table.", nameof(tables));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (table is null)
            {
                throw new ArgumentException("A table of the multi-table evaluation is null.", nameof(tables));
            }

            if (string.IsNullOrWhiteSpace(table.Name))
            {
                throw new ArgumentException("A table of the multi-table evaluation has a blank name.", nameof(tables));
            }

            if (!names.Add(table.Name))
            {
                throw new ArgumentException($"Table '{table.Name}' appears more than once in the multi-table evaluation.", nameof(tables));
            }

            ArgumentNullException.ThrowIfNull(table.Original);
            ArgumentNullException.ThrowIfNull(table.Avatars);
        }

        var known = string.Join(", ", tables.Select(t => $"'{t.Name}'"));
        var seenLinks = new HashSet<MultiTableEvaluationLink>();
        foreach (var link in links)
        {
            if (link is null)
            {
                throw new ArgumentException("A link of the multi-table evaluation is null.", nameof(links));
            }

            foreach (var name in new[] { link.ParentTable, link.ChildTable })
            {
                if (name is null || !names.Contains(name))
                {
                    throw new ArgumentException(
                        $"Link {Describe(link)}: unknown table '{name}'. The tables are: {known}.", nameof(links));
                }
            }

            if (link.ParentTable == link.ChildTable)
            {
                throw new ArgumentException($"Link {Describe(link)}: a table cannot be its own parent.", nameof(links));
            }

            if (!seenLinks.Add(link))
            {
                throw new ArgumentException($"Link {Describe(link)} is listed twice.", nameof(links));
            }
        }

        var data = new List<EvaluationTableData>(tables.Count);
        foreach (var table in tables)
        {
            var keys = new List<string>();
            void AddKey(string? column, string role)
            {
                if (column is null)
                {
                    return;
                }

                RequireColumn(table, column, role);
                if (!keys.Contains(column, StringComparer.Ordinal))
                {
                    keys.Add(column);
                }
            }

            AddKey(table.PrimaryKey, "primary key");
            foreach (var fk in table.ForeignKeys ?? [])
            {
                AddKey(fk, "foreign key");
            }

            foreach (var link in links)
            {
                if (link.ParentTable == table.Name)
                {
                    AddKey(link.ParentField, $"parent field of link {Describe(link)}");
                }

                if (link.ChildTable == table.Name)
                {
                    AddKey(link.ChildField, $"child field of link {Describe(link)}");
                }
            }

            foreach (var column in table.Original.Columns)
            {
                if (!table.Avatars.Contains(column.Name))
                {
                    throw new ArgumentException(
                        $"Table '{table.Name}': the avatars have no column '{column.Name}', which the original table has. Its avatar columns are: {string.Join(", ", table.Avatars.ColumnNames)}.",
                        nameof(tables));
                }
            }

            if (table.Paired && table.Original.RowCount != table.Avatars.RowCount)
            {
                throw new ArgumentException(
                    $"Table '{table.Name}' is paired but has {table.Original.RowCount} original rows and {table.Avatars.RowCount} avatar rows; paired avatars need one avatar per original (or set Paired = false).",
                    nameof(tables));
            }

            data.Add(new EvaluationTableData(table.Name, table.Original.WithName(table.Name), table.Avatars.WithName(table.Name), keys, table.Paired));
        }

        var schema = new EvaluationSchema(data, [.. links]);
        foreach (var link in links)
        {
            var parent = schema[link.ParentTable];
            var child = schema[link.ChildTable];
            CheckJoin(link, parent.Original, child.Original, "original");
            CheckJoin(link, parent.Avatars, child.Avatars, "avatar");
        }

        return schema;
    }

    /// <summary>The text form of a link for messages: <c>child.field → parent.field</c>.</summary>
    public static string Describe(MultiTableEvaluationLink link) => $"'{link.ChildTable}.{link.ChildField}' → '{link.ParentTable}.{link.ParentField}'";

    /// <summary>The parent row of every child row (key values compared by their text form, like the enrichment).</summary>
    public static int[] ParentRowOfChild(MultiTableEvaluationLink link, Table parent, Table child)
    {
        var rows = ParentRows(link, parent, "table");
        var fk = child[link.ChildField];
        var parentOf = new int[child.RowCount];
        for (var row = 0; row < parentOf.Length; row++)
        {
            parentOf[row] = rows[fk.FormatValue(row)!];
        }

        return parentOf;
    }

    private static void CheckJoin(MultiTableEvaluationLink link, Table parent, Table child, string side)
    {
        var rows = ParentRows(link, parent, side);
        var fk = child[link.ChildField];
        var unknown = 0;
        string? example = null;
        for (var row = 0; row < child.RowCount; row++)
        {
            var value = fk.FormatValue(row);
            if (value is null)
            {
                throw new ArgumentException(
                    $"Link {Describe(link)}: {side} table '{child.Name}', foreign key column '{link.ChildField}': row {row} has a missing value; every child needs a parent.",
                    "tables");
            }

            if (!rows.ContainsKey(value))
            {
                unknown++;
                example ??= value;
            }
        }

        if (example is not null)
        {
            var hint = side == "avatar"
                ? " Avatar foreign keys must hold the new keys of the avatar parents."
                : string.Empty;
            throw new ArgumentException(
                $"Link {Describe(link)}: {side} table '{child.Name}', foreign key column '{link.ChildField}': {unknown} row(s) refer to a key not found among the {side} keys of table '{parent.Name}' (column '{link.ParentField}'), for example '{example}'.{hint}",
                "tables");
        }
    }

    private static Dictionary<string, int> ParentRows(MultiTableEvaluationLink link, Table parent, string side)
    {
        var key = parent[link.ParentField];
        var rows = new Dictionary<string, int>(parent.RowCount, StringComparer.Ordinal);
        for (var row = 0; row < parent.RowCount; row++)
        {
            var value = key.FormatValue(row)
                ?? throw new ArgumentException(
                    $"Link {Describe(link)}: {side} table '{parent.Name}', key column '{link.ParentField}': row {row} has a missing key; every parent needs a key.",
                    "tables");
            if (!rows.TryAdd(value, row))
            {
                throw new ArgumentException(
                    $"Link {Describe(link)}: {side} table '{parent.Name}', key column '{link.ParentField}': the key '{value}' appears more than once (rows {rows[value]} and {row}); parent keys must be unique.",
                    "tables");
            }
        }

        return rows;
    }

    private static void RequireColumn(MultiTableEvaluationTable table, string column, string role)
    {
        if (!table.Original.Contains(column))
        {
            throw new ArgumentException($"Table '{table.Name}': the {role} column '{column}' is missing from the original table. Its columns are: {string.Join(", ", table.Original.ColumnNames)}.", "tables");
        }

        if (!table.Avatars.Contains(column))
        {
            throw new ArgumentException($"Table '{table.Name}': the {role} column '{column}' is missing from the avatars. Its columns are: {string.Join(", ", table.Avatars.ColumnNames)}.", "tables");
        }
    }
}
