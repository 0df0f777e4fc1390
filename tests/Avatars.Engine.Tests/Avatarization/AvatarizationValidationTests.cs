using Avatars.Data;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Avatarization;

/// <summary>Every validation case of the engine issue, with its message.</summary>
public sealed class AvatarizationValidationTests
{
    private static readonly Table Table = SmallTables.Mixed(30, name: "visits");

    private static AvatarizationException Fails(Table table, AvatarizationOptions options) =>
        Assert.Throws<AvatarizationException>(() => Avatarizer.Avatarize(table, options, cancellationToken: TestContext.Current.CancellationToken));

    [Fact]
    public void KBelowOne_IsRejected()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 0 });
        Assert.Equal("k", error.Parameter);
        Assert.Contains("k = 0 must be at least 1", error.Message);
    }

    [Fact]
    public void KNotSmallerThanRowCount_IsRejectedWithTheRowCount()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 30 });
        Assert.Equal("k", error.Parameter);
        Assert.Equal("k = 30 must be smaller than the number of rows of table 'visits' (30). Use k ≤ 29.", error.Message);
    }

    [Fact]
    public void NcpBelowOne_IsRejected()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, Ncp = 0 });
        Assert.Equal("ncp", error.Parameter);
        Assert.Contains("ncp = 0 must be at least 1", error.Message);
    }

    [Fact]
    public void NcpAboveTheDimensions_IsRejectedWithTheLimit()
    {
        // x, y, count (3 numbers) + group (3 levels) + flag (2 levels) = 8 dimensions.
        var error = Fails(Table, new AvatarizationOptions { K = 3, Ncp = 9 });
        Assert.Equal("ncp", error.Parameter);
        Assert.Contains("ncp = 9 is larger than the number of dimensions of table 'visits' (8", error.Message);
        Assert.Contains("Use ncp ≤ 8", error.Message);
    }

    [Fact]
    public void DefaultNcp_IsCappedAtTheDimensionsOfASmallTable()
    {
        var small = new Table([new FloatColumn("x", [1, 2, 3, 4, 5, 6]), new FloatColumn("y", [2, 1, 4, 3, 6, 5])], "small");
        var result = Avatarizer.Avatarize(small, new AvatarizationOptions { K = 2, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, result.Ncp);
        Assert.Equal(6, result.Avatars.RowCount);
    }

    [Fact]
    public void UnknownColumnInWeights_NamesTheColumnAndListsTheColumns()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, ColumnWeights = new Dictionary<string, double> { ["agee"] = 2 } });
        Assert.Equal("agee", error.Column);
        Assert.Contains("column_weights: Table 'visits' has no column 'agee'. Its columns are: x, y, count, group, flag.", error.Message);
    }

    [Fact]
    public void NonPositiveWeight_IsRejected()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, ColumnWeights = new Dictionary<string, double> { ["x"] = 0 } });
        Assert.Contains("The weight of column 'x' of table 'visits' is 0; column weights must be positive", error.Message);
    }

    [Fact]
    public void UnknownExcludedVariable_IsRejected()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, ExcludeVariables = ["zip"] });
        Assert.Equal("zip", error.Column);
        Assert.Contains("exclude_variable_names: Table 'visits' has no column 'zip'", error.Message);
    }

    [Fact]
    public void UnknownIdentifierColumn_IsRejected()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, IdentifierColumns = ["patient_id"] });
        Assert.Contains("identifier columns: Table 'visits' has no column 'patient_id'", error.Message);
    }

    [Fact]
    public void EmptyTable_IsRejected()
    {
        var empty = new Table([new FloatColumn("x", [])], "empty");
        var error = Fails(empty, new AvatarizationOptions { K = 1 });
        Assert.Equal("Table 'empty' is empty: it has a header but no rows. Avatarization needs at least 2 rows.", error.Message);
    }

    [Fact]
    public void EntirelyMissingColumn_IsRejected()
    {
        var table = Table.WithColumn(new FloatColumn("lab", Enumerable.Repeat(double.NaN, 30).ToArray()));
        var error = Fails(table, new AvatarizationOptions { K = 3 });
        Assert.Equal("lab", error.Column);
        Assert.Equal("Column 'lab' of table 'visits' has no values (all 30 are missing). Drop it from the table or list it in exclude_variable_names.", error.Message);
    }

    [Fact]
    public void ConstantColumn_IsWarnedAboutAndCopied()
    {
        var table = Table.WithColumn(new IntColumn("site", Enumerable.Repeat(3L, 30).ToArray()));
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 3, Seed = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("Column 'site' of table 'visits' is constant (every value is 3): it carries no information and is copied as is to the avatars.", warning);
        var site = (IntColumn)result.Avatars["site"];
        Assert.All(Enumerable.Range(0, 30), i => Assert.Equal(3, site[i]));
    }

    [Fact]
    public void CategoryWithAsManyLevelsAsRows_IsRejectedAsAnIdentifier()
    {
        var table = Table.WithColumn(CategoryColumn.FromValues("patient_ref", Enumerable.Range(0, 30).Select(i => $"P{i:000}").ToArray()));
        var error = Fails(table, new AvatarizationOptions { K = 3 });
        Assert.Equal("patient_ref", error.Column);
        Assert.Contains("Column 'patient_ref' of table 'visits' has a different value on every row (30 distinct values for 30 rows): it looks like an identifier", error.Message);
        Assert.Contains("Declare it as an identifier column", error.Message);
    }

    [Fact]
    public void IdentifierColumn_IsDroppedFromTheAvatars()
    {
        var table = Table.WithColumn(CategoryColumn.FromValues("patient_ref", Enumerable.Range(0, 30).Select(i => $"P{i:000}").ToArray()));
        var result = Avatarizer.Avatarize(table, new AvatarizationOptions { K = 3, Seed = 1, IdentifierColumns = ["patient_ref"] }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(result.Avatars.Contains("patient_ref"));
        Assert.Equal(["x", "y", "count", "group", "flag"], result.Avatars.ColumnNames);
    }

    [Fact]
    public void ImputationParameters_AreValidated()
    {
        var error = Fails(Table, new AvatarizationOptions { K = 3, Imputation = new ImputationOptions { TrainingFraction = 0 } });
        Assert.Equal("imputation_training_fraction", error.Parameter);
        Assert.Contains("imputation_training_fraction = 0 must be in (0, 1]", error.Message);
    }
}
