using Avatars.Data;
using Avatars.Engine.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>The mixed test table and its public bounds for the DP tests.</summary>
internal static class DifferentialPrivacyTestData
{
    /// <summary>Public bounds of the numeric columns of <see cref="SmallTables.Mixed"/>.</summary>
    public static readonly IReadOnlyDictionary<string, ColumnBounds> Bounds = new Dictionary<string, ColumnBounds>
    {
        ["x"] = new(0, 10),
        ["y"] = new(0, 21),
        ["count"] = new(0, 7),
    };

    public static Table Table(int rows = 600) => SmallTables.Mixed(rows, seed: 11, name: "visits");

    public static DifferentialPrivacyOptions Options(double epsilon, ulong seed, double ratio = 0.5) => new()
    {
        Epsilon = epsilon,
        PreprocessBudgetRatio = ratio,
        Bounds = Bounds,
        Seed = seed,
    };
}
