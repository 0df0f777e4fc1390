using Avatars.Config;
using Avatars.Data;

namespace Avatars.Server.Jobs.Runners.MultiTable;

/// <summary>One original table of a multi-table schema with its key columns.</summary>
/// <param name="Info">Its schema entry.</param>
/// <param name="Data">Its data.</param>
/// <param name="PrimaryKey">Its primary key, if declared.</param>
/// <param name="ForeignKeys">Its identifier columns other than the primary key.</param>
/// <param name="TimeColumn">Its time column, if declared.</param>
internal sealed record SchemaTable(TableInfo Info, Table Data, string? PrimaryKey, IReadOnlyList<string> ForeignKeys, string? TimeColumn)
{
    /// <summary>The table's name.</summary>
    public string Name => Info.Name;

    /// <summary>The key columns (primary then foreign).</summary>
    public IReadOnlyList<string> KeyColumns => PrimaryKey is null ? ForeignKeys : [PrimaryKey, .. ForeignKeys];
}
