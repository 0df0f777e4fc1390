using Avatars.Data;
using Avatars.Engine.Privacy;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>Output shape, determinism, utility direction (acceptance) and budget split of the DP avatarization.</summary>
public sealed class DifferentialPrivacyAvatarizerTests(ITestOutputHelper output)
{
    [Fact]
    public void Output_HasTheOriginalShapeTypesAndLevels()
    {
        var table = DifferentialPrivacyTestData.Table();
        var avatars = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(1, 3)).Avatars;
        Assert.Equal(table.RowCount, avatars.RowCount);
        Assert.Equal(table.ColumnNames, avatars.ColumnNames);
        for (var c = 0; c < table.ColumnCount; c++)
        {
            Assert.Equal(table[c].Type, avatars[c].Type);
            Assert.Equal(0, avatars[c].MissingCount);
        }

        var group = (CategoryColumn)avatars["group"];
        Assert.Equal(["a", "b", "c"], group.Levels);
        Assert.All(group.Codes.ToArray(), code => Assert.InRange(code, 0, 2));
        Assert.All(((FloatColumn)avatars["x"]).Values.ToArray(), v => Assert.InRange(v, 0, 10));
        Assert.All(((IntColumn)avatars["count"]).Values.ToArray(), v => Assert.InRange(v, 0, 7));
    }

    [Fact]
    public void SameSeed_GivesTheSameAvatars_AndAnotherSeedDiffers()
    {
        var table = DifferentialPrivacyTestData.Table(200);
        var a = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 5)).Avatars;
        var b = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 5)).Avatars;
        var c = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 6)).Avatars;
        Assert.Equal(((FloatColumn)a["x"]).Values.ToArray(), ((FloatColumn)b["x"]).Values.ToArray());
        Assert.Equal(((CategoryColumn)a["group"]).Codes.ToArray(), ((CategoryColumn)b["group"]).Codes.ToArray());
        Assert.NotEqual(((FloatColumn)a["x"]).Values.ToArray(), ((FloatColumn)c["x"]).Values.ToArray());
    }

    [Fact]
    public void IdentifierColumns_AreLeftOut()
    {
        var table = DifferentialPrivacyTestData.Table(100);
        var withId = table.WithColumn(new IntColumn("id", [.. Enumerable.Range(0, 100).Select(i => (long)i)]));
        var avatars = DifferentialPrivacyAvatarizer.Avatarize(withId, DifferentialPrivacyTestData.Options(1, 1) with { IdentifierColumns = ["id"] }).Avatars;
        Assert.False(avatars.Contains("id"));
        Assert.Equal(table.ColumnCount, avatars.ColumnCount);
    }

    /// <summary>Acceptance: over 20 seeds the mean per-column error vs the original is larger at ε = 1 than at ε = 10.</summary>
    [Fact]
    public void PerColumnError_IsLargerAtEpsilonOneThanAtEpsilonTen_Over20Seeds()
    {
        var table = DifferentialPrivacyTestData.Table();
        double total1 = 0, total10 = 0;
        var wins = 0;
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var e1 = MeanColumnError(table, DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(1, seed)).Avatars);
            var e10 = MeanColumnError(table, DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(10, seed)).Avatars);
            total1 += e1;
            total10 += e10;
            wins += e1 > e10 ? 1 : 0;
        }

        output.WriteLine($"mean per-column error over 20 seeds: ε=1 {total1 / 20:F4}, ε=10 {total10 / 20:F4}; ε=1 worse in {wins}/20 seeds");
        Assert.True(total1 > 1.5 * total10, $"ε=1 error {total1 / 20} should clearly exceed ε=10 error {total10 / 20}");
        Assert.True(wins >= 15, $"ε=1 was worse in only {wins}/20 seeds");
    }

    [Fact]
    public void PerColumnError_DecreasesAsEpsilonGrows_Over20Seeds()
    {
        var table = DifferentialPrivacyTestData.Table();
        var epsilons = new[] { 0.5, 2.0, 10.0, 50.0 };
        var errors = epsilons.Select(epsilon => Enumerable.Range(1, 20)
            .Average(seed => MeanColumnError(table, DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(epsilon, (ulong)seed)).Avatars)))
            .ToArray();
        output.WriteLine(string.Join("; ", epsilons.Zip(errors, (e, err) => $"ε={e}: {err:F4}")));
        for (var i = 1; i < errors.Length; i++)
        {
            Assert.True(errors[i] < errors[i - 1], $"error at ε={epsilons[i]} ({errors[i]}) should be below the error at ε={epsilons[i - 1]} ({errors[i - 1]})");
        }
    }

    [Fact]
    public void BudgetRatio_MovesNoiseBetweenTheStages()
    {
        var table = DifferentialPrivacyTestData.Table(100);
        var low = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 1, ratio: 0.2)).Accounting;
        var high = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 1, ratio: 0.8)).Accounting;
        Assert.Equal(0.4, low.ProjectionEpsilon, 12);
        Assert.Equal(1.6, low.AggregationEpsilon, 12);
        Assert.Equal(2, low.ProjectionEpsilon + low.AggregationEpsilon, 12);
        Assert.Equal(4, low.ProjectionNoiseScale / high.ProjectionNoiseScale, 9);
        Assert.Equal(0.25, low.AggregationNoiseScale / high.AggregationNoiseScale, 9);

        // m = 5 modelled columns (x, y, count, group, flag): Δ₁ = m² + 3m = 40, Δ₂ = 2(m + 1) = 12.
        Assert.Equal(40, low.ProjectionSensitivity);
        Assert.Equal(12, low.AggregationSensitivity);
    }

    /// <summary>
    /// Mean over columns of the marginal error: |mean difference| / (upper − lower) for numeric columns, total variation
    /// distance of the level frequencies for categorical ones.
    /// </summary>
    private static double MeanColumnError(Table original, Table avatars)
    {
        var errors = new List<double>();
        foreach (var column in original.Columns)
        {
            var other = avatars[column.Name];
            switch (column)
            {
                case FloatColumn f:
                    var b = DifferentialPrivacyTestData.Bounds[column.Name];
                    errors.Add(Math.Abs(f.Values.ToArray().Average() - ((FloatColumn)other).Values.ToArray().Average()) / (b.Upper - b.Lower));
                    break;
                case IntColumn integer:
                    var bi = DifferentialPrivacyTestData.Bounds[column.Name];
                    errors.Add(Math.Abs(integer.Values.ToArray().Average() - ((IntColumn)other).Values.ToArray().Average()) / (bi.Upper - bi.Lower));
                    break;
                default:
                    var p = Frequencies(column);
                    var q = Frequencies(other);
                    errors.Add(0.5 * p.Keys.Union(q.Keys).Sum(k => Math.Abs(p.GetValueOrDefault(k) - q.GetValueOrDefault(k))));
                    break;
            }
        }

        return errors.Average();
    }

    private static Dictionary<string, double> Frequencies(Column column) =>
        Enumerable.Range(0, column.Length).GroupBy(i => column.FormatValue(i) ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.Count() / (double)column.Length);
}
