using Avatars.Data;
using Avatars.Data.Generation;
using Avatars.Engine.Avatarization;
using Avatars.Engine.Preprocessing;
using Avatars.Engine.Tests.TestSupport;

namespace Avatars.Engine.Tests.Avatarization;

public sealed class AvatarizerTests
{
    private static AvatarizationResult Run(Table table, AvatarizationOptions options) =>
        Avatarizer.Avatarize(table, options, cancellationToken: TestContext.Current.CancellationToken);

    private static string[] Rows(Table table) =>
        Enumerable.Range(0, table.RowCount).Select(r => Wbcd.RowKey(table, r)).ToArray();

    [Fact]
    public void SameSeed_GivesIdenticalAvatarsWhateverTheThreadCount()
    {
        var table = PatientTableGenerator.Generate(3_000, seed: 3);
        var one = Run(table, new AvatarizationOptions { K = 10, Seed = 99, MaxDegreeOfParallelism = 1 });
        var four = Run(table, new AvatarizationOptions { K = 10, Seed = 99, MaxDegreeOfParallelism = 4 });
        Assert.Equal(Rows(one.Avatars), Rows(four.Avatars));
        Assert.Equal(Rows(one.SensitiveUnshuffled), Rows(four.SensitiveUnshuffled));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentAvatars()
    {
        var table = SmallTables.Mixed(200);
        var a = Run(table, new AvatarizationOptions { K = 5, Seed = 1 });
        var b = Run(table, new AvatarizationOptions { K = 5, Seed = 2 });
        Assert.NotEqual(Rows(a.SensitiveUnshuffled), Rows(b.SensitiveUnshuffled));
    }

    [Fact]
    public void Avatars_KeepSchemaTypesLevelsAndDecimals()
    {
        var table = PatientTableGenerator.Generate(1_000, seed: 5);
        var result = Run(table, new AvatarizationOptions { K = 15, Seed = 3 });
        var avatars = result.Avatars;
        Assert.Equal(table.RowCount, avatars.RowCount);
        Assert.Equal(table.ColumnNames, avatars.ColumnNames);
        for (var c = 0; c < table.ColumnCount; c++)
        {
            Assert.Equal(table[c].Type, avatars[c].Type);
        }

        var bmi = (FloatColumn)avatars["bmi"];
        Assert.All(Enumerable.Range(0, bmi.Length), i => Assert.Equal(Math.Round(bmi[i], 1), bmi[i]));
        var cholesterol = (FloatColumn)avatars["cholesterol_mmol"];
        Assert.All(Enumerable.Range(0, cholesterol.Length).Where(i => !cholesterol.IsMissing(i)), i => Assert.Equal(Math.Round(cholesterol[i], 2), cholesterol[i]));
        var region = (CategoryColumn)avatars["region"];
        Assert.Subset(((CategoryColumn)table["region"]).Levels.ToHashSet(), region.Levels.ToHashSet());
        var dates = (DateTimeColumn)avatars["admission_date"];
        Assert.All(Enumerable.Range(0, dates.Length), i => Assert.Equal(0, dates.Ticks[i] % TimeSpan.TicksPerDay));
    }

    [Fact]
    public void Shuffled_IsAPermutationOfUnshuffled()
    {
        var table = SmallTables.Mixed(300);
        var result = Run(table, new AvatarizationOptions { K = 5, Seed = 4 });
        var shuffled = Rows(result.Avatars);
        var unshuffled = Rows(result.SensitiveUnshuffled);
        Assert.NotEqual(unshuffled, shuffled);
        Assert.Equal(unshuffled.Order(StringComparer.Ordinal), shuffled.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DuplicatedIndividuals_GetTheirDuplicateAsAvatar_ZeroDistanceRule()
    {
        // Every row appears twice: the duplicate is a neighbour at distance 0 and takes all the weight.
        var baseTable = SmallTables.Mixed(100);
        var rows = Enumerable.Range(0, 200).Select(i => i % 100).ToArray();
        var table = baseTable.TakeRows(rows);
        var result = Run(table, new AvatarizationOptions { K = 5, Seed = 8 });
        Assert.Equal(Rows(table), Rows(result.SensitiveUnshuffled));
    }

    [Fact]
    public void UniqueIndividual_NeverCopiesItself()
    {
        // Without duplicates the individual itself is excluded from its neighbours, so its avatar
        // differs from it (a barycentre of others) except by coincidence on discrete data.
        var table = SmallTables.Mixed(300);
        var result = Run(table, new AvatarizationOptions { K = 5, Seed = 9 });
        var identical = Rows(table).Zip(Rows(result.SensitiveUnshuffled)).Count(p => p.First == p.Second);
        Assert.True(identical <= 3, $"{identical} avatars are identical to their own original");
    }

    [Fact]
    public void MissingValues_AreRestoredFromTheAvatarsIndicatorAtASimilarRate()
    {
        var table = Wbcd.ReadForMetrics("wbcd/breast_cancer_wisconsin.csv").Drop(Wbcd.Identifier);
        var random = new Random(11);
        var bare = (IntColumn)table["Bare_Nuclei"];
        var missing = Enumerable.Range(0, bare.Length).Select(_ => random.NextDouble() < 0.15).ToArray();
        var withHoles = table.WithColumn(new IntColumn("Bare_Nuclei", bare.Values.ToArray(), missing));
        var originalRate = withHoles["Bare_Nuclei"].MissingCount / (double)withHoles.RowCount;

        foreach (var method in Enum.GetValues<ImputationMethod>())
        {
            var result = Run(withHoles, new AvatarizationOptions { K = 20, Ncp = 2, Seed = 12, Imputation = new ImputationOptions { Method = method } });
            var avatarRate = result.SensitiveUnshuffled["Bare_Nuclei"].MissingCount / (double)withHoles.RowCount;
            Assert.InRange(avatarRate, originalRate - 0.06, originalRate + 0.06);
            Assert.Equal(0, result.SensitiveUnshuffled["Clump_Thickness"].MissingCount);
            Assert.DoesNotContain(result.Avatars.ColumnNames, n => n.EndsWith(MissingValueImputer.IndicatorSuffix, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ExcludedVariable_RowOrder_KeepsTheOriginalValueOfEachRow()
    {
        var table = SmallTables.Mixed(100);
        var result = Run(table, new AvatarizationOptions { K = 5, Seed = 2, ExcludeVariables = ["group"] });
        Assert.Equal(Enumerable.Range(0, 100).Select(i => table["group"].FormatValue(i)), Enumerable.Range(0, 100).Select(i => result.SensitiveUnshuffled["group"].FormatValue(i)));
        Assert.Equal(table.ColumnNames, result.Avatars.ColumnNames);
    }

    [Fact]
    public void ExcludedVariable_CoordinateSimilarity_TakesTheValueOfTheNearestOriginal()
    {
        var table = SmallTables.Mixed(150);
        var result = Run(table, new AvatarizationOptions { K = 5, Seed = 2, ExcludeVariables = ["count"], ExcludeReplacementStrategy = ExcludeReplacementStrategy.CoordinateSimilarity });
        var originals = Enumerable.Range(0, 150).Select(i => ((IntColumn)table["count"])[i]).ToHashSet();
        var avatars = (IntColumn)result.SensitiveUnshuffled["count"];
        Assert.All(Enumerable.Range(0, 150), i => Assert.Contains(avatars[i], originals));
        var sameAsOwn = Enumerable.Range(0, 150).Count(i => avatars[i] == ((IntColumn)table["count"])[i]);
        Assert.True(sameAsOwn < 150, "coordinate similarity must not simply copy the row order");
    }

    [Fact]
    public void StageTimings_CoverEveryStage()
    {
        var result = Run(SmallTables.Mixed(50), new AvatarizationOptions { K = 3, Seed = 1 });
        Assert.Equal(Enum.GetValues<AvatarizationStage>(), result.StageTimings.Keys.Order());
    }
}
