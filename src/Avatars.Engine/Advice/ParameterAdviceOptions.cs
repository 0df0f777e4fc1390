using Avatars.Engine.Preprocessing;

namespace Avatars.Engine.Advice;

/// <summary>Settings of <see cref="ParameterAdvisor"/> (project design, see docs/advice.md).</summary>
public sealed record ParameterAdviceOptions
{
    /// <summary>The seed used when none is given: the advice is deterministic for a given table.</summary>
    public const ulong DefaultSeed = 42;

    /// <summary>Seed of the row sample and of the trial avatarizations (default <see cref="DefaultSeed"/>).</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Identifier columns: left out of the projection, the trials and the metrics.</summary>
    public IReadOnlyList<string> IdentifierColumns { get; init; } = [];

    /// <summary>Rows of the seeded sample the trials run on (default 2 000; the whole table when smaller).</summary>
    public int SampleSize { get; init; } = 2_000;

    /// <summary>Candidate values of k, tried in increasing order (those not below the sample size are skipped; the sample size − 1 is tried last when the grid stops short of it).</summary>
    public IReadOnlyList<int> Candidates { get; init; } = [5, 10, 15, 20, 30, 50, 75, 100, 150, 200];

    /// <summary>Trial avatarizations per candidate, each with its own seed; the worst of them must meet the targets (default 2).</summary>
    public int Repetitions { get; init; } = 2;

    /// <summary>The hidden rate, in percent, the worst trial of a candidate must reach (default 92: the 90 % target plus a margin).</summary>
    public double HiddenRateThreshold { get; init; } = 92;

    /// <summary>The median local cloaking the worst trial of a candidate must reach (default 7: the &gt; 5 target plus a margin).</summary>
    public double LocalCloakingThreshold { get; init; } = 7;

    /// <summary>Share of the variance the advised ncp components must explain (default 0.8).</summary>
    public double ExplainedVarianceTarget { get; init; } = 0.8;

    /// <summary>Smallest advised ncp (default 2, fewer only when the table has fewer dimensions).</summary>
    public int MinNcp { get; init; } = 2;

    /// <summary>Largest advised ncp (default 10).</summary>
    public int MaxNcp { get; init; } = 10;

    /// <summary>Categorical reduction is advised when the categorical modalities exceed this count (default 20).</summary>
    public int CategoricalReductionModalities { get; init; } = 20;

    /// <summary>Imputation the trials use and the advice returns (default: the engine's, <c>fast_knn</c>, k = 5).</summary>
    public ImputationOptions Imputation { get; init; } = new();

    /// <summary>Maximum worker threads of each trial (default: all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
