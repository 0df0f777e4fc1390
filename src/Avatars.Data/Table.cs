namespace Avatars.Data;

/// <summary>
/// An immutable table: an ordered list of equally long, uniquely named columns. Operations return new
/// tables that share unchanged columns.
/// </summary>
public sealed class Table
{
    private readonly Column[] columns;
    private readonly Dictionary<string, int> byName;

    /// <summary>Creates a table from columns.</summary>
    /// <param name="columns">The columns; all the same length, names unique.</param>
    /// <param name="name">The table name used in messages (e.g. the file name without extension).</param>
    /// <exception cref="ArgumentException">Lengths differ or a name is repeated.</exception>
    public Table(IEnumerable<Column> columns, string name = "table")
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this.columns = columns.ToArray();
        Name = name;
        byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < this.columns.Length; i++)
        {
            var column = this.columns[i] ?? throw new ArgumentException($"Table '{name}': column {i} is null.", nameof(columns));
            if (!byName.TryAdd(column.Name, i))
            {
                throw new ArgumentException($"Table '{name}': column name '{column.Name}' appears more than once. Rename one of them.", nameof(columns));
            }

            if (column.Length != this.columns[0].Length)
            {
                throw new ArgumentException(
                    $"Table '{name}': column '{column.Name}' has {column.Length} rows but column '{this.columns[0].Name}' has {this.columns[0].Length}.",
                    nameof(columns));
            }
        }
    }

    /// <summary>The table name used in messages and output file names.</summary>
    public string Name { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount => columns.Length == 0 ? 0 : columns[0].Length;

    /// <summary>The number of columns.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<Column> Columns => columns;

    /// <summary>The column names, in order.</summary>
    public IEnumerable<string> ColumnNames => columns.Select(c => c.Name);

    /// <summary>The column at a position.</summary>
    public Column this[int index] => columns[index];

    /// <summary>The column with a name.</summary>
    /// <exception cref="KeyNotFoundException">No column has that name; the message lists the columns.</exception>
    public Column this[string name] => TryGetColumn(name, out var column)
        ? column
        : throw new KeyNotFoundException(UnknownColumnMessage(name));

    /// <summary>True when a column has this name.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>Looks a column up by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        if (byName.TryGetValue(name, out var index))
        {
            column = columns[index];
            return true;
        }

        column = null;
        return false;
    }

    /// <summary>The message for a column name that does not exist, listing the ones that do.</summary>
    public string UnknownColumnMessage(string name) =>
        $"Table '{Name}' has no column '{name}'. Its columns are: {string.Join(", ", columns.Select(c => c.Name))}.";

    /// <summary>The same columns under another table name.</summary>
    public Table WithName(string name) => new(columns, name);

    /// <summary>A table with a column replaced (same name) or appended (new name).</summary>
    public Table WithColumn(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var list = columns.ToList();
        if (byName.TryGetValue(column.Name, out var index))
        {
            list[index] = column;
        }
        else
        {
            list.Add(column);
        }

        return new Table(list, Name);
    }

    /// <summary>A table without the named columns.</summary>
    /// <exception cref="KeyNotFoundException">A name is not a column of this table.</exception>
    public Table Drop(params IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        foreach (var name in set)
        {
            _ = this[name];
        }

        return new Table(columns.Where(c => !set.Contains(c.Name)), Name);
    }

    /// <summary>A table with only the named columns, in the given order.</summary>
    public Table Select(params IEnumerable<string> names) => new(names.Select(n => this[n]), Name);

    /// <summary>A table with the rows at <paramref name="rows"/>, in that order.</summary>
    public Table TakeRows(ReadOnlySpan<int> rows)
    {
        var taken = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            taken[i] = columns[i].Take(rows);
        }

        return new Table(taken, Name);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {RowCount} rows × {ColumnCount} columns";
}
