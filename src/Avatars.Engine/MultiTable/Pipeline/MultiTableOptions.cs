using Avatars.Engine.MultiTable.Assignment;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>Settings of a whole multi-table avatarization.</summary>
public sealed record MultiTableOptions
{
    /// <summary>
    /// The seed of the run; each table's avatarization and shuffle use seeds derived from it (unless the table's own
    /// options fix one). A fresh random seed when null.
    /// </summary>
    public ulong? Seed { get; init; }

    /// <summary>The size limit of the exact assignment (<see cref="AssignmentOptions.MaxExactRows"/>); null for the default.</summary>
    public AssignmentOptions? Assignment { get; init; }
}
