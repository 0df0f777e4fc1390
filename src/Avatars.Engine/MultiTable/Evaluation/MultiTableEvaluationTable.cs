using Avatars.Data;

namespace Avatars.Engine.MultiTable.Evaluation;

/// <summary>
/// One table of a multi-table evaluation (<see cref="MultiTableEvaluator"/>): its original rows and its avatars.
/// </summary>
/// <param name="Name">The table's name in the schema (used in links, in <c>metadata.table_name</c> and in file names).</param>
/// <param name="Original">The original table, with its original keys.</param>
/// <param name="Avatars">
/// The avatars: the same columns (names, types) as <paramref name="Original"/>. When <paramref name="Paired"/>, avatar
/// row i is the avatar of original row i (unshuffled). The avatar primary key holds new keys and the avatar foreign
/// keys hold the new keys of the avatar parents, so the avatar tables join among themselves as the originals do.
/// </param>
/// <param name="PrimaryKey">The primary-key column, or null when the table has none.</param>
/// <param name="ForeignKeys">The foreign-key columns (keys to parent tables).</param>
/// <param name="Paired">Whether avatar row i is the avatar of original row i (false for differentially private tables).</param>
public sealed record MultiTableEvaluationTable(string Name, Table Original, Table Avatars, string? PrimaryKey, IReadOnlyList<string> ForeignKeys, bool Paired);
