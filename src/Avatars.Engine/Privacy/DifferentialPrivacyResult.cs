using Avatars.Data;

namespace Avatars.Engine.Privacy;

/// <summary>The output of <see cref="DifferentialPrivacyAvatarizer"/> and the privacy accounting that produced it.</summary>
public sealed class DifferentialPrivacyResult
{
    internal DifferentialPrivacyResult(Table avatars, ulong seed, DifferentialPrivacyAccounting accounting, int cellCount)
    {
        Avatars = avatars;
        Seed = seed;
        Accounting = accounting;
        CellCount = cellCount;
    }

    /// <summary>The synthetic table: same row count, columns (identifiers removed) and types as the original.</summary>
    public Table Avatars { get; }

    /// <summary>The seed used.</summary>
    public ulong Seed { get; }

    /// <summary>The budget split and the Laplace noise scales of both stages.</summary>
    public DifferentialPrivacyAccounting Accounting { get; }

    /// <summary>The number of cells of the grid in the DP projected space.</summary>
    public int CellCount { get; }
}
