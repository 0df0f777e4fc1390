namespace Avatars.Engine.Privacy;

/// <summary>
/// Parameters of the project's differentially private avatarization (docs/differential-privacy.md). Project design,
/// not compatible with the vendor's DP methods.
/// </summary>
public sealed record DifferentialPrivacyOptions
{
    /// <summary>The default share of ε spent on the projection.</summary>
    public const double DefaultPreprocessBudgetRatio = 0.5;

    /// <summary>The total privacy budget ε (<c>dp_epsilon</c>), strictly positive.</summary>
    public required double Epsilon { get; init; }

    /// <summary>
    /// The share of ε spent on the DP projection (<c>dp_preprocess_budget_ratio</c>), in (0, 1); the rest is spent
    /// on the noisy cell aggregates the avatars are synthesized from.
    /// </summary>
    public double PreprocessBudgetRatio { get; init; } = DefaultPreprocessBudgetRatio;

    /// <summary>The number of projected components the cells are built on (1 to 4); 2 by default.</summary>
    public int Ncp { get; init; } = 2;

    /// <summary>The number of bins per component (2 to 16); 5 by default. The grid has BinsPerComponent^Ncp cells (at most 4096).</summary>
    public int BinsPerComponent { get; init; } = 5;

    /// <summary>Public bounds of every numeric (float or int) column, by column name. Required for each such column.</summary>
    public IReadOnlyDictionary<string, ColumnBounds> Bounds { get; init; } = new Dictionary<string, ColumnBounds>();

    /// <summary>Columns left out of the synthesis (identifiers); they are not in the output.</summary>
    public IReadOnlyList<string> IdentifierColumns { get; init; } = [];

    /// <summary>The seed of the noise and of the synthesis; a fresh random seed when null.</summary>
    public ulong? Seed { get; init; }
}
