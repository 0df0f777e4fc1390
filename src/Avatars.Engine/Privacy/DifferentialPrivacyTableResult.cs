using Avatars.Data;

namespace Avatars.Engine.Privacy;

/// <summary>The output of <see cref="DifferentialPrivacyTableAvatarizer"/>: the avatars, the accounting and what was assumed.</summary>
public sealed class DifferentialPrivacyTableResult
{
    internal DifferentialPrivacyTableResult(
        Table avatars,
        ulong seed,
        DifferentialPrivacyTableAccounting accounting,
        IReadOnlyDictionary<string, ColumnBounds> bounds,
        IReadOnlyList<string> estimatedBoundsColumns,
        bool levelsFromData,
        int ncp,
        IReadOnlyList<string> notes)
    {
        Avatars = avatars;
        Seed = seed;
        Accounting = accounting;
        Bounds = bounds;
        EstimatedBoundsColumns = estimatedBoundsColumns;
        LevelsFromData = levelsFromData;
        Ncp = ncp;
        Notes = notes;
    }

    /// <summary>The synthetic table: same row count, columns (identifiers removed) and types as the original.</summary>
    public Table Avatars { get; }

    /// <summary>The seed used. Never publish it with the avatars: whoever knows it can remove the noise.</summary>
    public ulong Seed { get; }

    /// <summary>The budget split ε = ε_b + ε₁ + ε₂ and the noise scales.</summary>
    public DifferentialPrivacyTableAccounting Accounting { get; }

    /// <summary>The bounds used for every numeric column, declared or estimated, by column name (in column order).</summary>
    public IReadOnlyDictionary<string, ColumnBounds> Bounds { get; }

    /// <summary>The numeric columns whose bounds were estimated with DP (in column order); empty when all were declared.</summary>
    public IReadOnlyList<string> EstimatedBoundsColumns { get; }

    /// <summary>
    /// True when a category column was avatarized: its level list is taken from the table and treated as a public
    /// domain, outside the ε guarantee (a level only one individual has is revealed by its presence in the list).
    /// </summary>
    public bool LevelsFromData { get; }

    /// <summary>The number of projected components used (the vendor ncp clamped into 1–4 and to the encoded row width).</summary>
    public int Ncp { get; }

    /// <summary>Human-readable notes: clamped or ignored parameters, estimated bounds, the public-levels assumption.</summary>
    public IReadOnlyList<string> Notes { get; }
}
