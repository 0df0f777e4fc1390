using Avatars.Engine.Preprocessing;

namespace Avatars.Engine.Avatarization;

/// <summary>The parameters of one avatarization (the avatar_yaml <c>AvatarizationParameters</c>).</summary>
public sealed record AvatarizationOptions
{
    /// <summary>Number of neighbours each avatar is drawn from (<c>k</c>): at least 1 and smaller than the number of rows.</summary>
    public required int K { get; init; }

    /// <summary>
    /// Number of projected dimensions used for the neighbour search (<c>ncp</c>). Null (the default) uses
    /// 5, or the number of dimensions of the table when it has fewer; an explicit value larger than that is an error.
    /// </summary>
    public int? Ncp { get; init; }

    /// <summary>Seed for every random choice; null draws a fresh one. A fixed seed weakens privacy: use it for tests and reproducible studies only.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Projection weight per variable (<c>column_weights</c>, default 1). A larger weight separates individuals more along that variable.</summary>
    public IReadOnlyDictionary<string, double>? ColumnWeights { get; init; }

    /// <summary>Variables kept out of the avatarization and put back afterwards (<c>exclude_variable_names</c>).</summary>
    public IReadOnlyList<string> ExcludeVariables { get; init; } = [];

    /// <summary>How excluded variables are put back (<c>exclude_replacement_strategy</c>, default row order).</summary>
    public ExcludeReplacementStrategy ExcludeReplacementStrategy { get; init; } = ExcludeReplacementStrategy.RowOrder;

    /// <summary>Identifier columns: dropped from the maths and from the avatars (an avatar is nobody).</summary>
    public IReadOnlyList<string> IdentifierColumns { get; init; } = [];

    /// <summary>Missing-value imputation settings.</summary>
    public ImputationOptions Imputation { get; init; } = new();

    /// <summary>
    /// Embed categorical variables into a few continuous dimensions before projection
    /// (<c>use_categorical_reduction</c>; project design, see docs/avatarization.md).
    /// </summary>
    public bool UseCategoricalReduction { get; init; }

    /// <summary>Dimensions of the categorical embedding when <see cref="UseCategoricalReduction"/> is on (default 20, as documented by the vendor).</summary>
    public int CategoricalReductionDimensions { get; init; } = 20;

    /// <summary>Base of the permuted geometric contribution of the weight law (default 1/2; calibration parameter).</summary>
    public double ContributionBase { get; init; } = 0.5;

    /// <summary>
    /// Also return the coordinates of the originals and of the avatars in the avatarization's projection
    /// (<see cref="AvatarizationResult.OriginalProjections"/>, <see cref="AvatarizationResult.AvatarProjections"/>);
    /// off by default because projecting the avatars costs one more transform.
    /// </summary>
    public bool IncludeProjections { get; init; }

    /// <summary>Maximum worker threads (default: all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
