using Avatars.Data;
using Avatars.Engine.TimeSeries;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>One table of a multi-table schema, with its keys and how it is avatarized.</summary>
/// <param name="Data">The original table; its <see cref="Table.Name"/> is not used, <paramref name="Name"/> is.</param>
/// <param name="Name">The table's name in the schema.</param>
/// <param name="PrimaryKey">Its primary-key column (required for a parent), or null.</param>
/// <param name="ForeignKeys">Its foreign-key columns (one per parent link).</param>
/// <param name="Avatarization">How it is avatarized; null only for a time-series child.</param>
/// <param name="TimeColumn">The time column of a time-series child, or null.</param>
/// <param name="TimeSeries">The projection and alignment of a time-series child; null for the defaults.</param>
public sealed record MultiTableSource(
    Table Data,
    string Name,
    string? PrimaryKey,
    IReadOnlyList<string> ForeignKeys,
    TableAvatarization? Avatarization,
    string? TimeColumn = null,
    TimeSeriesSettings? TimeSeries = null)
{
    /// <summary>The key columns: the primary key and the foreign keys.</summary>
    public IReadOnlyList<string> KeyColumns => PrimaryKey is null ? ForeignKeys : [PrimaryKey, .. ForeignKeys.Where(f => f != PrimaryKey)];

    /// <summary>The table's own variables: every column except the keys.</summary>
    public IReadOnlyList<string> OwnVariables =>
        [.. Data.ColumnNames.Where(c => !KeyColumns.Contains(c, StringComparer.Ordinal))];
}
