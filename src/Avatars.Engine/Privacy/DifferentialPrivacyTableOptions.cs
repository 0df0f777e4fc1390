namespace Avatars.Engine.Privacy;

/// <summary>
/// Parameters of <see cref="DifferentialPrivacyTableAvatarizer"/>, the table-level DP entry the server and the
/// multi-table orchestrator call with the vendor's <c>avatarization_dp</c> parameters. Project design, not vendor
/// parity (docs/differential-privacy.md §7).
/// </summary>
public sealed record DifferentialPrivacyTableOptions
{
    /// <summary>The default share of the stage budget (ε − ε_b) spent on the projection.</summary>
    public const double DefaultPreprocessBudgetRatio = DifferentialPrivacyOptions.DefaultPreprocessBudgetRatio;

    /// <summary>The default share of ε spent on estimating the bounds of numeric columns without declared bounds.</summary>
    public const double DefaultBoundsBudgetRatio = 0.1;

    /// <summary>The total privacy budget ε (vendor <c>epsilon</c> / <c>dp_epsilon</c>), finite and greater than 0.</summary>
    public required double Epsilon { get; init; }

    /// <summary>
    /// The share of the stage budget ε − ε_b spent on the DP projection (vendor <c>preprocess_budget_ratio</c>),
    /// strictly between 0 and 1; 0.5 by default.
    /// </summary>
    public double PreprocessBudgetRatio { get; init; } = DefaultPreprocessBudgetRatio;

    /// <summary>
    /// The share ε_b / ε spent on the private bounds of the numeric columns that have no declared bounds, strictly
    /// between 0 and 1; 0.1 by default (project parameter, no vendor name). Nothing is spent when every numeric column
    /// has declared bounds.
    /// </summary>
    public double BoundsBudgetRatio { get; init; } = DefaultBoundsBudgetRatio;

    /// <summary>
    /// The vendor's <c>ncp</c>; clamped into the 1–4 the DP grid supports (and to the encoded row width), the used
    /// value is in <see cref="DifferentialPrivacyTableResult.Ncp"/>. Null: 2.
    /// </summary>
    public int? Ncp { get; init; }

    /// <summary>
    /// The vendor's <c>use_categorical_reduction</c>. Accepted but ignored: the DP mechanism one-hot encodes the
    /// levels and has no categorical reduction; when true, a note says so.
    /// </summary>
    public bool UseCategoricalReduction { get; init; }

    /// <summary>
    /// Public bounds of numeric columns, by column name, known from the domain (never from the data). They are used as
    /// given at no privacy cost; numeric columns not listed get DP-estimated bounds.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnBounds>? DeclaredBounds { get; init; }

    /// <summary>Columns left out of the synthesis (identifiers); they are not in the output.</summary>
    public IReadOnlyList<string> IdentifierColumns { get; init; } = [];

    /// <summary>The seed of all noise and of the synthesis; a fresh seed from the OS CSPRNG when null.</summary>
    public ulong? Seed { get; init; }
}
