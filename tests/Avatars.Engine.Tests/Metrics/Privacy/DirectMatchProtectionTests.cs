using Avatars.Data;
using Avatars.Engine.Metrics.Privacy;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Metrics.Privacy;

public sealed class DirectMatchProtectionTests
{
    [Fact]
    public void RowDirectMatch_SmallTable_CountsVerbatimOriginals()
    {
        // Originals (x, c): (1, a) (2, b) (NaN, a) (3, c). Avatars: (2, b) (NaN, a) (3, d) (9, a) — x stored as integers
        // and levels in another order, to check the cross-table comparison.
        // Present verbatim: (2, b) and (NaN, a) → 2 of 4 → RDMP = 100 · (1 − 2/4) = 50.
        var original = new Table([new FloatColumn("x", [1, 2, double.NaN, 3]), new CategoryColumn("c", [0, 1, 0, 2], ["a", "b", "c"])], "orig");
        var avatars = new Table(
            [new IntColumn("x", [2, 0, 3, 9], [false, true, false, false]), new CategoryColumn("c", [2, 1, 0, 1], ["d", "a", "b"])], "avatars");

        var result = RowDirectMatchProtection.Compute(original, avatars);

        Assert.Equal(50, result.Value, 12);
        Assert.Equal(2, result.MatchedCount);
        Assert.Equal([false, true, true, false], result.Matched);
    }

    [Fact]
    public void RowDirectMatch_IdenticalAvatars_GiveZero()
    {
        var table = SmallTables.Mixed(100);
        Assert.Equal(0, RowDirectMatchProtection.Compute(table, table).Value);
    }

    [Fact]
    public void RowDirectMatch_PublishedWbcdAvatars_Give52_42()
    {
        var original = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").Drop(Wbcd.Identifier);
        var avatars = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin_avatarized_k20.csv");

        var result = RowDirectMatchProtection.Compute(original, avatars);

        // 683 originals, 325 found verbatim: 100 · (1 − 325/683) = 52.42.
        Assert.Equal(325, result.MatchedCount);
        Assert.Equal(52.42, Math.Round(result.Value, 2));
    }

    [Fact]
    public void RowDirectMatch_MissingColumn_NamesIt()
    {
        var original = new Table([new FloatColumn("x", [1, 2]), new FloatColumn("y", [1, 2])], "patients");
        var avatars = new Table([new FloatColumn("x", [1, 2])], "avatars");
        var error = Assert.Throws<Avatars.Engine.Avatarization.AvatarizationException>(() => RowDirectMatchProtection.Compute(original, avatars));
        Assert.Equal("The avatars 'avatars' has no column 'y', which the privacy metrics need.", error.Message);
    }

    [Fact]
    public void ColumnDirectMatch_SmallTable_IsTheMinimumOverColumns()
    {
        // c: X = a a b b, A = a b b a → m = 0.5, e = 0.5·0.5 + 0.5·0.5 = 0.5 → protection 100.
        // g: X = x x x y, A = x x y y → m = 0.75, e = 0.75·0.5 + 0.25·0.5 = 0.5 → 100 · (1 − 0.25/0.5) = 50.
        var original = new Table([Category("c", "a", "a", "b", "b"), Category("g", "x", "x", "x", "y")], "orig");
        var avatars = new Table([Category("c", "a", "b", "b", "a"), Category("g", "x", "x", "y", "y")], "avatars");

        var result = ColumnDirectMatchProtection.Compute(original, avatars);

        Assert.Equal(50, result.Value, 12);
        Assert.Equal(100, result.Columns["c"].Protection, 12);
        Assert.Equal(0.75, result.Columns["g"].MatchRate, 12);
        Assert.Equal(0.5, result.Columns["g"].ChanceRate, 12);
    }

    [Fact]
    public void ColumnDirectMatch_CopiedIdentifier_GivesZero()
    {
        // id copied verbatim: m = 1, e = 4 · (1/4 · 1/4) = 0.25 → 100 · (1 − 0.75/0.75) = 0.
        var original = new Table([new IntColumn("id", [1, 2, 3, 4]), Category("c", "a", "a", "b", "b")], "orig");
        var avatars = new Table([new IntColumn("id", [1, 2, 3, 4]), Category("c", "a", "b", "b", "a")], "avatars");
        Assert.Equal(0, ColumnDirectMatchProtection.Compute(original, avatars).Value, 12);
    }

    [Fact]
    public void ColumnDirectMatch_NeedsPairing()
    {
        var original = new Table([new IntColumn("id", [1, 2, 3])], "orig");
        var avatars = new Table([new IntColumn("id", [1, 2])], "avatars");
        var error = Assert.Throws<Avatars.Engine.Avatarization.AvatarizationException>(() => ColumnDirectMatchProtection.Compute(original, avatars));
        Assert.Contains("table 'orig' has 3 rows and the avatars 'avatars' have 2", error.Message, StringComparison.Ordinal);
    }

    private static CategoryColumn Category(string name, params string[] values) => CategoryColumn.FromValues(name, values);
}
