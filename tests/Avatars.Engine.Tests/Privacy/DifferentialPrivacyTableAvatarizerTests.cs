using Avatars.Data;
using Avatars.Engine.Privacy;

namespace Avatars.Engine.Tests.Privacy;

/// <summary>The table-level DP entry: private bounds, budget accounting, declared bounds, vendor parameters, notes and errors.</summary>
public sealed class DifferentialPrivacyTableAvatarizerTests(ITestOutputHelper output)
{
    private static DifferentialPrivacyTableOptions Options(double epsilon, ulong seed) => new() { Epsilon = epsilon, Seed = seed };

    [Fact]
    public void MixedTableWithoutDeclaredBounds_KeepsRowsColumnsAndTypes_AndEstimatesEveryNumericBound()
    {
        var table = DifferentialPrivacyTestData.Table(3000);
        var result = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(10, 4));
        var avatars = result.Avatars;
        Assert.Equal(table.RowCount, avatars.RowCount);
        Assert.Equal(table.ColumnNames, avatars.ColumnNames);
        for (var c = 0; c < table.ColumnCount; c++)
        {
            Assert.Equal(table[c].Type, avatars[c].Type);
            Assert.Equal(0, avatars[c].MissingCount);
        }

        Assert.Equal(["x", "y", "count"], result.EstimatedBoundsColumns);
        Assert.Equal(["x", "y", "count"], result.Bounds.Keys);
        foreach (var (name, b) in result.Bounds)
        {
            output.WriteLine($"{name}: [{b.Lower}, {b.Upper}]");
            Assert.True(b.Lower < b.Upper);
            Assert.Contains(b.Lower, PrivateBounds.CandidateGrid);
            Assert.Contains(b.Upper, PrivateBounds.CandidateGrid);
        }

        // n·ε per column = 3000 · 1/3 = 1000: the grid points around the 5th/95th percentiles.
        Assert.Equal(new ColumnBounds(0.4, 10), result.Bounds["x"]);
        Assert.Equal(new ColumnBounds(0, 8), result.Bounds["count"]); // 7 is not a grid point: 6.3 < 7 < 8
        Assert.All(((FloatColumn)avatars["x"]).Values.ToArray(), v => Assert.InRange(v, 0.4, 10));
        Assert.Equal(["a", "b", "c"], ((CategoryColumn)avatars["group"]).Levels);
        Assert.True(result.LevelsFromData);
        Assert.Equal(2, result.Ncp);
        Assert.Equal(4UL, result.Seed);
        Assert.Contains(result.Notes, n => n.StartsWith("Levels of 'group' (3) taken from the table and treated as a public domain", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("far too wide", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3.0, 0.5, 0.1)]
    [InlineData(1.0, 0.2, 0.3)]
    [InlineData(0.7, 0.9, 0.05)]
    public void Accounting_SumsToEpsilon_BoundsFirstThenTheStageSplit(double epsilon, double ratio, double boundsRatio)
    {
        var table = DifferentialPrivacyTestData.Table(200);
        var a = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(epsilon, 1) with { PreprocessBudgetRatio = ratio, BoundsBudgetRatio = boundsRatio }).Accounting;
        Assert.Equal(epsilon, a.Epsilon);
        Assert.Equal(boundsRatio * epsilon, a.BoundsEpsilon, 12);
        Assert.Equal(3, a.EstimatedColumnCount);
        Assert.Equal(boundsRatio * epsilon / 3, a.BoundsEpsilonPerColumn, 12);
        Assert.Equal(ratio * (1 - boundsRatio) * epsilon, a.ProjectionEpsilon, 12);
        Assert.Equal((1 - ratio) * (1 - boundsRatio) * epsilon, a.AggregationEpsilon, 12);
        Assert.Equal(epsilon, a.BoundsEpsilon + a.ProjectionEpsilon + a.AggregationEpsilon, 12);
        Assert.Equal(epsilon - a.BoundsEpsilon, a.Stages.Epsilon, 12);
    }

    [Fact]
    public void DeclaredBounds_AreUsedAsGiven_AtNoCost_AndGiveTheStageAvatarizersOutput()
    {
        var table = DifferentialPrivacyTestData.Table(300);
        var result = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(2, 8) with { DeclaredBounds = DifferentialPrivacyTestData.Bounds });
        Assert.Equal(0, result.Accounting.BoundsEpsilon);
        Assert.Equal(0, result.Accounting.EstimatedColumnCount);
        Assert.Equal(0, result.Accounting.BoundsEpsilonPerColumn);
        Assert.Equal(2, result.Accounting.Stages.Epsilon);
        Assert.Equal(1, result.Accounting.ProjectionEpsilon, 12);
        Assert.Empty(result.EstimatedBoundsColumns);
        Assert.Equal(DifferentialPrivacyTestData.Bounds.OrderBy(p => p.Key), result.Bounds.OrderBy(p => p.Key));

        var direct = DifferentialPrivacyAvatarizer.Avatarize(table, DifferentialPrivacyTestData.Options(2, 8));
        Assert.Equal(direct.Accounting, result.Accounting.Stages);
        Assert.Equal(((FloatColumn)direct.Avatars["y"]).Values.ToArray(), ((FloatColumn)result.Avatars["y"]).Values.ToArray());
        Assert.Equal(((CategoryColumn)direct.Avatars["group"]).Codes.ToArray(), ((CategoryColumn)result.Avatars["group"]).Codes.ToArray());
    }

    [Fact]
    public void PartlyDeclaredBounds_OnlyTheOthersAreEstimated_WithTheWholeBoundsBudget()
    {
        var table = DifferentialPrivacyTestData.Table(300);
        var declared = new Dictionary<string, ColumnBounds> { ["y"] = new(-5, 30) };
        var result = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(2, 8) with { DeclaredBounds = declared });
        Assert.Equal(["x", "count"], result.EstimatedBoundsColumns);
        Assert.Equal(new ColumnBounds(-5, 30), result.Bounds["y"]);
        Assert.Equal(0.2, result.Accounting.BoundsEpsilon, 12);
        Assert.Equal(0.1, result.Accounting.BoundsEpsilonPerColumn, 12);
        Assert.Contains(result.Notes, n => n.StartsWith("Bounds of 'x' estimated with DP (ε = 0.1", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("Bounds of 'x' may be far too wide: rows × ε = 30 is below", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("'y'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 2, null)]
    [InlineData(3, 3, null)]
    [InlineData(7, 4, "ncp = 7 is outside the 1–4 that differentially private avatarization supports: 4 used.")]
    [InlineData(0, 1, "ncp = 0 is outside the 1–4 that differentially private avatarization supports: 1 used.")]
    public void VendorNcp_IsClampedIntoOneToFour_AndNoted(int? ncp, int used, string? note)
    {
        var result = DifferentialPrivacyTableAvatarizer.Avatarize(DifferentialPrivacyTestData.Table(100), Options(1, 2) with { Ncp = ncp });
        Assert.Equal(used, result.Ncp);
        if (note is null)
        {
            Assert.DoesNotContain(result.Notes, n => n.StartsWith("ncp", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(note, result.Notes);
        }
    }

    [Fact]
    public void Ncp_IsAlsoLimitedToTheEncodedWidth()
    {
        var table = new Table([new FloatColumn("v", [.. Enumerable.Range(0, 50).Select(i => (double)i)])], "narrow");
        var result = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(1, 2) with { Ncp = 3 });
        Assert.Equal(1, result.Ncp);
        Assert.Contains("ncp = 3 exceeds the width of the encoded rows (1): 1 used.", result.Notes);
        Assert.False(result.LevelsFromData);
    }

    [Fact]
    public void UseCategoricalReduction_IsAcceptedAndNotedAsIgnored()
    {
        var table = DifferentialPrivacyTestData.Table(100);
        var on = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(1, 2) with { UseCategoricalReduction = true });
        var off = DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(1, 2));
        Assert.Contains(on.Notes, n => n.StartsWith("use_categorical_reduction = true ignored", StringComparison.Ordinal));
        Assert.DoesNotContain(off.Notes, n => n.Contains("use_categorical_reduction", StringComparison.Ordinal));
        Assert.Equal(((FloatColumn)off.Avatars["x"]).Values.ToArray(), ((FloatColumn)on.Avatars["x"]).Values.ToArray());
    }

    [Fact]
    public void IdentifierColumns_AreLeftOut_EvenWithMissingValues_AndTheSameSeedRepeats()
    {
        var table = DifferentialPrivacyTestData.Table(100);
        var withId = table.WithColumn(new IntColumn("id", [.. Enumerable.Range(0, 100).Select(i => (long)i)], [.. Enumerable.Range(0, 100).Select(i => i == 5)]));
        var options = Options(1, 9) with { IdentifierColumns = ["id"] };
        var a = DifferentialPrivacyTableAvatarizer.Avatarize(withId, options);
        var b = DifferentialPrivacyTableAvatarizer.Avatarize(withId, options);
        Assert.False(a.Avatars.Contains("id"));
        Assert.DoesNotContain("id", a.Bounds.Keys);
        Assert.Equal(a.Bounds, b.Bounds);
        Assert.Equal(((FloatColumn)a.Avatars["x"]).Values.ToArray(), ((FloatColumn)b.Avatars["x"]).Values.ToArray());
    }

    /// <summary>Without any declared bounds, the per-column error over 20 seeds is larger at ε = 1 than at ε = 10.</summary>
    [Fact]
    public void WithoutDeclaredBounds_PerColumnError_IsLargerAtEpsilonOneThanAtEpsilonTen_Over20Seeds()
    {
        var table = DifferentialPrivacyTestData.Table(3000);
        var e1 = new double[20];
        var e10 = new double[20];
        for (var seed = 1; seed <= 20; seed++)
        {
            e1[seed - 1] = MeanColumnError(table, DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(1, (ulong)seed)).Avatars);
            e10[seed - 1] = MeanColumnError(table, DifferentialPrivacyTableAvatarizer.Avatarize(table, Options(10, (ulong)seed)).Avatars);
        }

        var wins = e1.Zip(e10).Count(p => p.First > p.Second);
        output.WriteLine($"3000 rows, no declared bounds, 20 seeds: mean error ε=1 {e1.Average():G4} (median {Median(e1):G4}), ε=10 {e10.Average():G4} (median {Median(e10):G4}); ε=1 worse in {wins}/20");
        Assert.True(Median(e1) > 1.5 * Median(e10), $"median error ε=1 {Median(e1)} should clearly exceed ε=10 {Median(e10)}");
        Assert.True(wins >= 15, $"ε=1 was worse in only {wins}/20 seeds");
    }

    [Fact]
    public void MissingValues_AreRejected_NamingTableColumnAndWhatToDo()
    {
        var table = DifferentialPrivacyTestData.Table(50);
        var x = ((FloatColumn)table["x"]).Values.ToArray();
        x[3] = double.NaN;
        x[7] = double.NaN;
        var error = Assert.Throws<DifferentialPrivacyException>(() => DifferentialPrivacyTableAvatarizer.Avatarize(table.WithColumn(new FloatColumn("x", x)), Options(1, 1)));
        Assert.Equal("visits", error.Table);
        Assert.Equal("x", error.Column);
        Assert.Equal(
            "Column 'x' of table 'visits' has 2 missing values: differentially private avatarization does not impute. Fill them with a data-independent value (e.g. a fixed code or constant) or remove those rows before the job, or list the column among the identifier columns to leave it out of the avatars.",
            error.Message);
    }

    [Fact]
    public void DateColumns_AreRejected_NamingTableColumnAndWhatToDo()
    {
        var table = DifferentialPrivacyTestData.Table(50);
        var dates = new DateTimeColumn("visit", [.. Enumerable.Range(0, 50).Select(i => (long)i * TimeSpan.TicksPerDay)]);
        var error = Assert.Throws<DifferentialPrivacyException>(() => DifferentialPrivacyTableAvatarizer.Avatarize(table.WithColumn(dates), Options(1, 1)));
        Assert.Equal("visit", error.Column);
        Assert.Equal(
            "Column 'visit' of table 'visits' has type datetime, which differentially private avatarization does not support (float, int, bool and category only). Convert it before the job (e.g. a date to days since a fixed public date, with declared bounds) or list it among the identifier columns to leave it out of the avatars.",
            error.Message);
        var dropped = DifferentialPrivacyTableAvatarizer.Avatarize(table.WithColumn(dates), Options(1, 1) with { IdentifierColumns = ["visit"] });
        Assert.False(dropped.Avatars.Contains("visit"));
    }

    [Fact]
    public void InvalidParametersAndDeclarations_AreRejectedWithPreciseMessages()
    {
        var table = DifferentialPrivacyTestData.Table(50);
        DifferentialPrivacyException Fails(DifferentialPrivacyTableOptions options) =>
            Assert.Throws<DifferentialPrivacyException>(() => DifferentialPrivacyTableAvatarizer.Avatarize(table, options));

        var epsilon = Fails(Options(0, 1));
        Assert.Equal("dp_epsilon", epsilon.Parameter);
        Assert.Equal("dp_epsilon = 0 must be a finite number greater than 0.", epsilon.Message);

        var ratio = Fails(Options(1, 1) with { PreprocessBudgetRatio = 1 });
        Assert.Equal("dp_preprocess_budget_ratio", ratio.Parameter);

        var boundsRatio = Fails(Options(1, 1) with { BoundsBudgetRatio = 0 });
        Assert.Equal("bounds_budget_ratio", boundsRatio.Parameter);
        Assert.Equal("bounds_budget_ratio = 0 must be strictly between 0 and 1 (the share of dp_epsilon spent on estimating the bounds of numeric columns without declared bounds).", boundsRatio.Message);

        var unknown = Fails(Options(1, 1) with { DeclaredBounds = new Dictionary<string, ColumnBounds> { ["z"] = new(0, 1) } });
        Assert.Equal("Bounds are declared for column 'z', which table 'visits' does not have.", unknown.Message);

        var category = Fails(Options(1, 1) with { DeclaredBounds = new Dictionary<string, ColumnBounds> { ["group"] = new(0, 1) } });
        Assert.Equal("Bounds are declared for column 'group' of table 'visits', which has type category: bounds apply to numeric (float, int) columns only.", category.Message);

        var inverted = Fails(Options(1, 1) with { DeclaredBounds = new Dictionary<string, ColumnBounds> { ["x"] = new(10, 0) } });
        Assert.Equal("The bounds of column 'x' must be finite with lower < upper (got [10, 0]).", inverted.Message);

        var id = Fails(Options(1, 1) with { IdentifierColumns = ["nope"] });
        Assert.Equal("nope", id.Column);

        var tiny = Assert.Throws<DifferentialPrivacyException>(() => DifferentialPrivacyTableAvatarizer.Avatarize(DifferentialPrivacyTestData.Table(1), Options(1, 1)));
        Assert.Equal("Table 'visits' has 1 rows: differentially private avatarization needs at least 2.", tiny.Message);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// Mean over columns of the marginal error: |mean difference| / (max − min of the original) for numeric columns
    /// (the bounds are estimated, so the data range is the reference), total variation distance for categorical ones.
    /// </summary>
    private static double MeanColumnError(Table original, Table avatars)
    {
        var errors = new List<double>();
        foreach (var column in original.Columns)
        {
            var other = avatars[column.Name];
            if (column is FloatColumn or IntColumn)
            {
                var a = Numbers(column);
                var b = Numbers(other);
                errors.Add(Math.Abs(a.Average() - b.Average()) / (a.Max() - a.Min()));
            }
            else
            {
                var p = Frequencies(column);
                var q = Frequencies(other);
                errors.Add(0.5 * p.Keys.Union(q.Keys).Sum(k => Math.Abs(p.GetValueOrDefault(k) - q.GetValueOrDefault(k))));
            }
        }

        return errors.Average();
    }

    private static double[] Numbers(Column column) => column is FloatColumn f ? f.Values.ToArray() : [.. ((IntColumn)column).Values.ToArray().Select(v => (double)v)];

    private static Dictionary<string, double> Frequencies(Column column) =>
        Enumerable.Range(0, column.Length).GroupBy(i => column.FormatValue(i) ?? string.Empty)
            .ToDictionary(g => g.Key, g => g.Count() / (double)column.Length);
}
