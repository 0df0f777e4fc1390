using Avatars.Data;

namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>The avatars of one table of a multi-table avatarization.</summary>
public sealed class MultiTableTableResult
{
    internal MultiTableTableResult(string name, Table avatars, Table sensitiveUnshuffled, bool paired, ulong seed, IReadOnlyList<string> notes)
    {
        Name = name;
        Avatars = avatars;
        SensitiveUnshuffled = sensitiveUnshuffled;
        Paired = paired;
        Seed = seed;
        Notes = notes;
    }

    /// <summary>The table's name.</summary>
    public string Name { get; }

    /// <summary>
    /// The avatars to release: the original's columns in its order, shuffled, with new keys (1 … n in this order) and
    /// foreign keys that are the new keys of the parent avatars.
    /// </summary>
    public Table Avatars { get; }

    /// <summary>
    /// The same avatars (same keys) in the original row order: row i is the avatar of original row i when
    /// <see cref="Paired"/>. Sensitive — it links each avatar to its original — for evaluation only. For a
    /// time-series child, the same table as <see cref="Avatars"/>.
    /// </summary>
    public Table SensitiveUnshuffled { get; }

    /// <summary>True when row i of <see cref="SensitiveUnshuffled"/> is the avatar of original row i (false for differential privacy and time series).</summary>
    public bool Paired { get; }

    /// <summary>The seed the table's avatarization used.</summary>
    public ulong Seed { get; }

    /// <summary>What the run noted about this table (fallbacks, clamps, settings used).</summary>
    public IReadOnlyList<string> Notes { get; }
}
