namespace Avatars.Engine.MultiTable.Pipeline;

/// <summary>The output of <see cref="MultiTableAvatarizer"/>.</summary>
public sealed class MultiTableResult
{
    internal MultiTableResult(IReadOnlyList<MultiTableTableResult> tables, IReadOnlyList<MultiTableLinkResult> links, ulong seed)
    {
        Tables = tables;
        Links = links;
        Seed = seed;
    }

    /// <summary>The avatars of every table, in the schema's order.</summary>
    public IReadOnlyList<MultiTableTableResult> Tables { get; }

    /// <summary>How each non time-series link was re-linked, in the schema's order.</summary>
    public IReadOnlyList<MultiTableLinkResult> Links { get; }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The result of a table.</summary>
    /// <param name="name">The table's name.</param>
    /// <returns>Its avatars.</returns>
    /// <exception cref="KeyNotFoundException">No table has that name.</exception>
    public MultiTableTableResult this[string name] =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"There is no table '{name}' in the result; its tables are: {string.Join(", ", Tables.Select(t => t.Name))}.");
}
