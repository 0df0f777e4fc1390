using Avatars.Data;

namespace Avatars.Client;

/// <summary>The optional arguments of <see cref="Runner.AddTableAsync"/> (Python <c>add_table</c> keywords).</summary>
public sealed record AddTableOptions
{
    /// <summary>The primary-key column.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>The foreign-key columns (link targets of parent tables).</summary>
    public IReadOnlyList<string>? ForeignKeys { get; init; }

    /// <summary>The time column of a time-series table.</summary>
    public string? TimeSeriesTime { get; init; }

    /// <summary>
    /// Column types. For a <see cref="Table"/> source, entries override the table's own types and entries naming
    /// absent columns are dropped; for a file, they are passed through as given.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnType>? Types { get; init; }

    /// <summary>Whether a row is an individual (<c>individual_level</c>).</summary>
    public bool? IndividualLevel { get; init; }

    /// <summary>User-supplied avatars (uploaded as <c>&lt;t&gt;_avatars&lt;ext&gt;</c>) for metrics-only runs.</summary>
    public TableSource? AvatarData { get; init; }
}
